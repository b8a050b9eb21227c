"""Run Django in child processes against a real SQLite file, for the tests that need
what the in-memory test database cannot show: WAL files, several processes, a crash.
"""

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.conf import settings

from tests.production_env import clean_env

BASE_DIR = Path(settings.BASE_DIR)
ON_SQLITE = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
requires_sqlite = pytest.mark.skipif(
    not ON_SQLITE, reason="SQLite durability tests; this run uses another database"
)

# Prepended to every child script: settings from the environment, then django.setup().
PROLOGUE = """
import django
django.setup()
"""


def django_env(db_path: Path, key: str) -> dict[str, str]:
    env = clean_env()
    env.update(
        DJANGO_SETTINGS_MODULE="pct_journal.settings",
        DJANGO_DEBUG="True",
        DJANGO_VAR_DIR=str(db_path.parent),
        DATABASE_URL=f"sqlite:///{db_path}",
        DJANGO_FIELD_ENCRYPTION_KEYS=key,
        DJANGO_LOG_LEVEL="WARNING",
        PYTHONPATH=str(BASE_DIR),
    )
    return env


def script(body: str) -> list[str]:
    return [sys.executable, "-c", PROLOGUE + textwrap.dedent(body)]


def run(body: str, env: dict, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    result = subprocess.run(  # noqa: S603  (our own interpreter and script)
        [*script(body), *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def start(body: str, env: dict, *args: str) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603  (our own interpreter and script)
        [*script(body), *args],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(  # noqa: S603  (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result


class SqliteJournal:
    """A migrated on-disk database with one user, and the environment to reach it."""

    def __init__(self, db_path: Path, key: str):
        self.path = db_path
        self.key = key
        self.env = django_env(db_path, key)

    def files(self) -> list[Path]:
        return [p for p in (self.path, *self._sidecars()) if p.exists()]

    def _sidecars(self) -> list[Path]:
        return [self.path.with_name(self.path.name + suffix) for suffix in ("-wal", "-shm")]


CREATE_USER = """
from django.contrib.auth import get_user_model
get_user_model().objects.create_user("writer", password="not-used-here-123")
"""

# Writes entries the way a person does (read, then write, in one transaction) and
# prints each entry's id once its transaction has committed: an acknowledgement.
WRITER = """
import sys
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from entries.models import Entry
from entries.services import entry_create

user = get_user_model().objects.get(username="writer")
name, count = sys.argv[1], int(sys.argv[2])
i = 0
while count == 0 or i < count:
    with transaction.atomic():
        Entry.objects.filter(user=user).count()
        entry = entry_create(
            user=user,
            occurred_at=timezone.now() - timedelta(minutes=i),
            sadness=i % 5,
            notes=f"{name} entry {i}",
        )
    print(entry.pk.hex, flush=True)
    i += 1
"""


@pytest.fixture(scope="session")
def _migrated_template(tmp_path_factory) -> SqliteJournal:
    # The children run on their own SQLite file whatever database this run uses, so
    # tests of what SQLite leaves on disk run on a PostgreSQL run too.
    directory = tmp_path_factory.mktemp("sqlite-template")
    journal = SqliteJournal(directory / "db.sqlite3", Fernet.generate_key().decode())
    result = manage(journal.env, "migrate", "--noinput", "--skip-checks")
    assert result.returncode == 0, result.stderr[-3000:]
    run(CREATE_USER, journal.env)
    # Fold the WAL into the main file so a plain copy of it is complete.
    with sqlite3.connect(journal.path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return journal


@pytest.fixture
def sqlite_journal(_migrated_template, tmp_path) -> SqliteJournal:
    """A fresh copy of a migrated on-disk database for one test."""
    path = tmp_path / "db.sqlite3"
    shutil.copyfile(_migrated_template.path, path)
    return SqliteJournal(path, _migrated_template.key)
