"""Environments for tests that start Django in a child process."""

import os

from cryptography.fernet import Fernet
from django.core.management.utils import get_random_secret_key


def clean_env() -> dict[str, str]:
    """This process's environment without its Django settings: no development or test
    overrides leak into a child."""
    return {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("DJANGO_") and name != "DATABASE_URL"
    }


def production_env(tmp_path, **overrides) -> dict:
    env = clean_env()
    env.update(
        DJANGO_SETTINGS_MODULE="pct_journal.settings",
        DJANGO_DEBUG="False",
        DJANGO_SECRET_KEY=get_random_secret_key(),
        DJANGO_ALLOWED_HOSTS="journal.example.org",
        DJANGO_FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        DJANGO_VAR_DIR=str(tmp_path),
        DATABASE_URL="postgres://journal@db.example.org/journal",
    )
    env.update(overrides)
    return env
