"""DEBUG is off unless something turns it on: `make run`, or DJANGO_DEBUG."""

import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet
from django.core.management.utils import get_random_secret_key

from tests.production_env import clean_env

BASE_DIR = Path(__file__).resolve().parents[2]
SHOW_DEBUG = "import pct_journal.settings as s; print('DEBUG', s.DEBUG)"


def _settings_debug(tmp_path, **env) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603  (our own interpreter and settings)
        [sys.executable, "-c", SHOW_DEBUG],
        env={**clean_env(), "DJANGO_VAR_DIR": str(tmp_path), **env},
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_debug_is_off_when_the_environment_says_nothing(tmp_path):
    result = _settings_debug(
        tmp_path,
        DJANGO_SECRET_KEY=get_random_secret_key(),
        DJANGO_ALLOWED_HOSTS="journal.example.org",
        DJANGO_FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
    )

    assert result.returncode == 0, result.stderr
    assert "DEBUG False" in result.stdout


def test_without_debug_a_bare_manage_py_asks_for_production_settings(tmp_path):
    result = _settings_debug(tmp_path)

    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr
    assert not (tmp_path / "secret_key").exists()


def test_the_environment_can_still_turn_debug_on(tmp_path):
    result = _settings_debug(tmp_path, DJANGO_DEBUG="True")

    assert result.returncode == 0, result.stderr
    assert "DEBUG True" in result.stdout


def test_make_run_turns_debug_on_for_the_development_server():
    makefile = (BASE_DIR / "Makefile").read_text()
    run_recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]

    assert "DJANGO_DEBUG=$${DJANGO_DEBUG:-True} $(PY) manage.py runserver" in run_recipe
