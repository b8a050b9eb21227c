"""A consistent copy of the SQLite database, taken while the app keeps running.

Uses SQLite's online backup API (sqlite3.Connection.backup), which copies the database
page by page and restarts if a writer changes it meanwhile, so the copy is always one
consistent moment, WAL included. Copying the file with `cp` is not safe: it can catch a
half-written page, and it misses whatever is still in the -wal file.

On PostgreSQL use pg_dump instead (see SECURITY.md, "Backups").
"""

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

PAGES_PER_STEP = 1024


def _default_output() -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"db-{stamp}.sqlite3"


class Command(BaseCommand):
    help = "Copy the SQLite database to a file with SQLite's online backup API."
    # A backup must work even while something else in the project fails its checks.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Where to write the copy (default: var/backups/db-<UTC time>.sqlite3).",
        )

    def handle(self, *args, output: Path | None, **options):
        if connection.vendor != "sqlite":
            raise CommandError(
                "backup_db copies SQLite databases. On PostgreSQL use pg_dump, e.g. "
                '`pg_dump --format=custom --file=journal.dump "$DATABASE_URL"`, and '
                "restore with pg_restore."
            )
        source_path = Path(settings.DATABASES["default"]["NAME"])
        if not source_path.is_file():
            raise CommandError(f"There is no database file at {source_path}.")
        output = output or _default_output()
        if output.exists():
            raise CommandError(f"{output} already exists; choose another --output.")
        # A folder made here is for this user only, like var/ (an existing one is left).
        output.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._copy(source_path, output)
        self.stdout.write(f"Backed up {source_path} to {output}")
        self.stdout.write(
            "Notes in it are encrypted: keep DJANGO_FIELD_ENCRYPTION_KEYS with it, but "
            "not next to it."
        )

    @staticmethod
    def _copy(source_path: Path, output: Path) -> None:
        # The copy holds intimate data: readable by its owner only, from the start.
        descriptor = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(descriptor)
        source = sqlite3.connect(source_path, timeout=20)
        target = sqlite3.connect(output)
        try:
            source.backup(target, pages=PAGES_PER_STEP)
            # A single file that needs no -wal beside it.
            target.execute("PRAGMA journal_mode=DELETE")
            result = target.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            target.close()
            source.close()
        if result != "ok":
            output.unlink()
            raise CommandError(f"The copy failed its integrity check ({result}); removed it.")
