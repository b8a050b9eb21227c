"""Reading the bytes of an on-disk SQLite journal, for the tests of what is at rest."""

import sqlite3
from pathlib import Path

from tests.sqlite_subprocess import SqliteJournal, start

# Distinctive strings: none of them can turn up in the files by chance.
NICKNAME = "canary-nick-4f1a Robin"
TAG_NAME = "canary-tag-9e2b after the wedding"
LABEL = "canary-label-77c0 Dr Okafor"
NOTE = "canary-note-2d8e I cried in the car"
USERNAME = "canary-user-5b3f"
EMAIL = "canary-mail-8a61@example.org"
NAMES = [NICKNAME, TAG_NAME, LABEL]
EVERY_USER_STRING = [*NAMES, NOTE, USERNAME, EMAIL]

WRITE_JOURNAL = f"""
import sys
import time

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.services import account_delete
from entries.services import entry_create, tag_create
from insights.ranges import SelectedRange
from pct_journal.date_range import DateRange
from insights.summary.options import SummaryOptions
from sharing.services import share_link_create

user = get_user_model().objects.create_user({USERNAME!r}, email={EMAIL!r})
EmailAddress.objects.create(user=user, email={EMAIL!r}, primary=True, verified=True)
tag = tag_create(user=user, name={TAG_NAME!r})
entry_create(
    user=user, occurred_at=timezone.now(), sadness=3, new_partner={NICKNAME!r}, tags=[tag],
    notes={NOTE!r},
)
all_time = SelectedRange("all", "All time", DateRange(None, None))
share_link_create(user=user, options=SummaryOptions(period=all_time), days=14, label={LABEL!r})
if "delete" in sys.argv:
    account_delete(user=user)
print("written", flush=True)
time.sleep(60)  # holds the connection open, so SQLite keeps its WAL as it is
"""


def grep(files: list[Path], needles: list[str]) -> list[str]:
    found = []
    for path in files:
        data = path.read_bytes()
        for needle in needles:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                if needle.encode(encoding) in data:
                    found.append(f"{needle} in {path.name}")
    return found


def grep_while_writing(
    journal: SqliteJournal, body: str, needles: list[str], *args: str
) -> tuple[list[str], list[str]]:
    """Runs `body` (which prints "written", then stays connected) in a child process and
    greps every database file while it holds the WAL open, and again after it is gone."""
    writer = start(body, journal.env, *args)
    try:
        assert writer.stdout.readline().strip() == "written", writer.stderr.read()
        files = journal.files()
        assert journal.path.with_name("db.sqlite3-wal") in files, "the WAL is checked too"
        while_open = grep(files, needles)
    finally:
        writer.kill()
        writer.communicate(timeout=30)
    with sqlite3.connect(journal.path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return while_open, grep(journal.files(), needles)


def write_and_grep(journal: SqliteJournal, needles: list[str], *args: str) -> list[str]:
    """Writes the journal (and deletes it with "delete") and greps for the needles, while
    the writer is connected and after."""
    while_open, after = grep_while_writing(journal, WRITE_JOURNAL, needles, *args)
    return while_open + after


def modes(paths: list[Path]) -> dict[str, str]:
    return {path.name: oct(path.stat().st_mode & 0o777) for path in paths}
