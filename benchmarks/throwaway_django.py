"""Django on a throwaway database, for the benchmarks that time the whole stack."""

import os
import secrets
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def django_on_a_throwaway_database() -> None:
    """Sets Django up with development settings on a new SQLite file in a temporary
    directory (or BENCH_DATABASE_URL, which must be a database you can wipe), migrated,
    with the test environment that lets the test client see templates and contexts."""
    workdir = tempfile.mkdtemp(prefix="pct-bench-")
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3"
    )
    os.environ.setdefault("DJANGO_VAR_DIR", workdir)  # its own keys and caches
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pct_journal.settings")
    os.environ.setdefault("DJANGO_DEBUG", "True")  # development settings, throwaway data
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)


def production_django_in(
    workdir: str,
    *,
    database_url: str | None = None,
    before_migrate: Callable[[Any], None] | None = None,
) -> None:
    """Sets Django up with the production settings (DEBUG off, fresh keys) apart from plain
    HTTP, on a SQLite file in `workdir` (or `database_url`, a database you can wipe), with
    the server's garbage-collector tuning, and migrates it. `before_migrate(settings)`
    may change the settings first (a benchmark's own URLs, say)."""
    from cryptography.fernet import Fernet

    # STATIC_ROOT, which WhiteNoise looks for (the benchmarks serve no static files).
    Path(workdir, "static").mkdir(exist_ok=True)
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.update(
        DJANGO_VAR_DIR=workdir,
        DJANGO_DEBUG="False",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        DJANGO_SSL_REDIRECT="False",
        DJANGO_SECURE_COOKIES="False",
        DJANGO_LOG_LEVEL="WARNING",
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pct_journal.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # The garbage collector as the server's workers have it (gunicorn.conf.py).
    from pct_journal.garbage_collection import tune_garbage_collector

    tune_garbage_collector()
    # Plain files instead of the manifest: the benchmarks do not run collectstatic.
    settings.STORAGES["staticfiles"]["BACKEND"] = (
        "django.contrib.staticfiles.storage.StaticFilesStorage"
    )
    if before_migrate is not None:
        before_migrate(settings)
    call_command("migrate", verbosity=0)
