"""SQLite keeps every acknowledged entry: under concurrent writers, and when a writer
is killed mid-stream. The settings behind it (WAL, synchronous=FULL, BEGIN IMMEDIATE,
a busy timeout) are checked on real connections. SQLite only."""

import json
import signal
import sqlite3
import uuid

from tests.sqlite_subprocess import WRITER, requires_sqlite, run, start

pytestmark = requires_sqlite

CHECK_PRAGMAS = """
import json, sqlite3, threading
from django.db import connection, connections, transaction

def pragmas():
    with connection.cursor() as cursor:
        values = {}
        for name in ("journal_mode", "synchronous", "busy_timeout"):
            cursor.execute(f"PRAGMA {name}")
            values[name] = cursor.fetchone()[0]
        return values

results = {"first": pragmas()}
connection.close()
results["reopened"] = pragmas()
in_thread = {}
def read_in_thread():
    in_thread.update(pragmas())
    connections.close_all()
thread = threading.Thread(target=read_in_thread)
thread.start()
thread.join()
results["thread"] = in_thread

# Inside atomic() the write lock is already held: another writer cannot begin.
with transaction.atomic():
    other = sqlite3.connect(connection.settings_dict["NAME"], timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")
        results["lock_at_begin"] = False
    except sqlite3.OperationalError as error:
        results["lock_at_begin"] = "locked" in str(error)
    finally:
        other.close()
print(json.dumps(results))
"""


def test_every_connection_uses_wal_full_sync_and_a_busy_timeout(sqlite_journal):
    result = json.loads(run(CHECK_PRAGMAS, sqlite_journal.env).stdout)

    for opened in ("first", "reopened", "thread"):
        assert result[opened] == {"journal_mode": "wal", "synchronous": 2, "busy_timeout": 20000}
    assert result["lock_at_begin"] is True


def _stored_ids(journal) -> set[str]:
    with sqlite3.connect(journal.path) as db:
        return {row[0] for row in db.execute("SELECT id FROM entries_entry")}


def _integrity(journal) -> str:
    with sqlite3.connect(journal.path) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def test_concurrent_writers_lose_no_entry_and_never_see_a_locked_database(sqlite_journal):
    writers, per_writer = 4, 40
    processes = [
        start(WRITER, sqlite_journal.env, f"writer{n}", str(per_writer)) for n in range(writers)
    ]

    acknowledged = set()
    for process in processes:
        stdout, stderr = process.communicate(timeout=180)
        assert process.returncode == 0, stderr[-2000:]
        assert "locked" not in stderr
        acknowledged |= {uuid.UUID(line).hex for line in stdout.split()}

    assert len(acknowledged) == writers * per_writer
    assert _stored_ids(sqlite_journal) == acknowledged
    assert _integrity(sqlite_journal) == "ok"


def test_a_writer_killed_mid_stream_keeps_every_acknowledged_entry(sqlite_journal):
    process = start(WRITER, sqlite_journal.env, "doomed", "0")
    acknowledged = []
    while len(acknowledged) < 25:
        line = process.stdout.readline()
        assert line, process.stderr.read()[-2000:]
        acknowledged.append(uuid.UUID(line.strip()).hex)

    process.send_signal(signal.SIGKILL)
    rest, _stderr = process.communicate(timeout=30)
    acknowledged += [uuid.UUID(line).hex for line in rest.split()]

    assert process.returncode == -signal.SIGKILL
    assert set(acknowledged) <= _stored_ids(sqlite_journal)
    assert _integrity(sqlite_journal) == "ok"
    assert sqlite_journal.path.with_name("db.sqlite3-wal").exists(), "killed before checkpoint"


def test_a_killed_writer_does_not_block_the_next_one(sqlite_journal):
    doomed = start(WRITER, sqlite_journal.env, "doomed", "0")
    assert doomed.stdout.readline()
    doomed.send_signal(signal.SIGKILL)
    doomed.communicate(timeout=30)

    result = run(WRITER, sqlite_journal.env, "survivor", "5")

    assert len(result.stdout.split()) == 5
