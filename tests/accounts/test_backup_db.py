"""`manage.py backup_db`: an online, consistent SQLite copy, and a restore drill."""

import json
import sqlite3
import stat

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db import connection

from tests.sqlite_subprocess import WRITER, django_env, manage, requires_sqlite, run, start

WRITE_NOTES = """
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.utils import timezone
from entries.services import entry_create, tag_create

user = get_user_model().objects.get(username="writer")
tag = tag_create(user=user, name="after an argument")
for i in range(12):
    entry_create(
        user=user, occurred_at=timezone.now() - timedelta(days=i), sadness=i % 5,
        notes=f"restore drill note {i}", tags=[tag] if i % 2 else [],
    )
"""

READ_JOURNAL = """
import json
from django.contrib.auth import get_user_model
from entries.models import Entry

user = get_user_model().objects.get(username="writer")
entries = Entry.objects.filter(user=user).prefetch_related("tags")
print(json.dumps(sorted(
    [e.notes, e.sadness, [t.name for t in e.tags.all()]] for e in entries
)))
"""


@requires_sqlite
def test_a_backup_restores_to_the_same_journal(sqlite_journal, tmp_path):
    run(WRITE_NOTES, sqlite_journal.env)
    before = json.loads(run(READ_JOURNAL, sqlite_journal.env).stdout)
    backup = tmp_path / "backups" / "journal.sqlite3"

    result = manage(sqlite_journal.env, "backup_db", "--output", str(backup))

    assert result.returncode == 0, result.stderr
    restored = tmp_path / "restored" / "db.sqlite3"
    restored.parent.mkdir()
    restored.write_bytes(backup.read_bytes())
    after = json.loads(run(READ_JOURNAL, django_env(restored, sqlite_journal.key)).stdout)
    assert len(before) == 12
    assert after == before


@requires_sqlite
def test_a_restored_backup_without_the_key_fails_loudly(sqlite_journal, tmp_path):
    run(WRITE_NOTES, sqlite_journal.env)
    backup = tmp_path / "journal.sqlite3"
    manage(sqlite_journal.env, "backup_db", "--output", str(backup))
    wrong_key = Fernet.generate_key().decode()

    result = manage(django_env(backup, wrong_key), "shell", "-c", READ_JOURNAL)

    assert result.returncode != 0
    assert "could not be decrypted" in result.stderr
    assert "restore drill note" not in result.stdout


@requires_sqlite
def test_a_backup_taken_while_someone_writes_is_consistent(sqlite_journal, tmp_path):
    writer = start(WRITER, sqlite_journal.env, "busy", "0")
    acknowledged_before = [writer.stdout.readline().strip() for _ in range(10)]
    backup = tmp_path / "during.sqlite3"

    result = manage(sqlite_journal.env, "backup_db", "--output", str(backup))
    writer.kill()
    writer.communicate(timeout=30)

    assert result.returncode == 0, result.stderr
    with sqlite3.connect(backup) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in db.execute("SELECT id FROM entries_entry")}
    assert set(acknowledged_before) <= stored


@requires_sqlite
def test_the_backup_file_is_private_and_complete_on_its_own(sqlite_journal, tmp_path):
    backup = tmp_path / "journal.sqlite3"

    manage(sqlite_journal.env, "backup_db", "--output", str(backup))

    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert not backup.with_name("journal.sqlite3-wal").exists()
    with sqlite3.connect(backup) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


@requires_sqlite
def test_it_will_not_overwrite_an_existing_file(sqlite_journal, tmp_path):
    backup = tmp_path / "journal.sqlite3"
    backup.write_text("something precious")

    result = manage(sqlite_journal.env, "backup_db", "--output", str(backup))

    assert result.returncode != 0
    assert "already exists" in result.stderr
    assert backup.read_text() == "something precious"


@requires_sqlite
def test_by_default_it_writes_into_var_backups(sqlite_journal):
    result = manage(sqlite_journal.env, "backup_db")

    assert result.returncode == 0, result.stderr
    written = list((sqlite_journal.path.parent / "backups").glob("db-*.sqlite3"))
    assert len(written) == 1


@pytest.mark.django_db
def test_on_postgresql_it_points_to_pg_dump(monkeypatch):
    monkeypatch.setattr(connection, "vendor", "postgresql")

    with pytest.raises(CommandError, match="pg_dump"):
        call_command("backup_db")
