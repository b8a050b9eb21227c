"""What a copy of the SQLite files would show: no name, label or note in plain text,
nothing of a deleted account, and files only the app's own user can read."""

import os

import pytest
from cryptography.fernet import Fernet

from tests.security.on_disk import (
    EVERY_USER_STRING,
    NAMES,
    NOTE,
    USERNAME,
    WRITE_JOURNAL,
    modes,
    write_and_grep,
)
from tests.sqlite_subprocess import django_env, run, start


@pytest.fixture
def permissive_umask():
    """The usual umask of a shell, under which new files are world-readable."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_names_labels_and_notes_never_reach_the_database_files(sqlite_journal):
    found = write_and_grep(sqlite_journal, [*NAMES, NOTE])

    assert found == []


def test_the_grep_finds_what_is_stored_in_plain_text(sqlite_journal):
    # The greps here would pass on files they cannot read; a username, which is kept
    # in plain text, is found the same way.
    found = write_and_grep(sqlite_journal, [USERNAME])

    assert found == [f"{USERNAME} in db.sqlite3-wal", f"{USERNAME} in db.sqlite3"]


def test_nothing_of_a_deleted_account_is_left_in_the_database_files(sqlite_journal):
    found = write_and_grep(sqlite_journal, EVERY_USER_STRING, "delete")

    assert found == []


def test_the_database_and_its_wal_are_private_under_a_permissive_umask(
    sqlite_journal, permissive_umask
):
    # As a database made by an earlier version, or copied in by hand, would be.
    sqlite_journal.path.chmod(0o644)
    sqlite_journal.path.parent.chmod(0o755)
    writer = start(WRITE_JOURNAL, sqlite_journal.env)
    try:
        assert writer.stdout.readline().strip() == "written", writer.stderr.read()
        files = modes(sqlite_journal.files())
        folder = modes([sqlite_journal.path.parent])
    finally:
        writer.kill()
        writer.communicate(timeout=30)

    assert files == {"db.sqlite3": "0o600", "db.sqlite3-wal": "0o600", "db.sqlite3-shm": "0o600"}
    assert list(folder.values()) == ["0o700"]


NEW_INSTALL = """
from django.core.cache import caches
from django.db import connection

connection.ensure_connection()
caches["default"].set("probe", 1)
caches["derived"].set("probe", b"sealed")
"""


def test_a_new_install_keeps_its_database_keys_and_caches_private(tmp_path, permissive_umask):
    var = tmp_path / "var"
    env = django_env(var / "db.sqlite3", Fernet.generate_key().decode())

    run(NEW_INSTALL, env)

    made = sorted(var.rglob("*"))
    assert {path.name for path in made} >= {"db.sqlite3", "secret_key", "limits", "derived"}
    assert modes([var]) == {"var": "0o700"}
    assert {
        str(path.relative_to(var)): oct(path.stat().st_mode & 0o777)
        for path in made
        if oct(path.stat().st_mode & 0o777) != ("0o700" if path.is_dir() else "0o600")
    } == {}
