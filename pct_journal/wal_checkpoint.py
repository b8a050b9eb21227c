"""After a deletion, nothing of what was deleted stays readable in the SQLite files.

With `PRAGMA secure_delete=ON` (settings) SQLite overwrites deleted rows with zeros in
the database file. In WAL mode, though, the pages as they were before the deletion
still sit in the -wal file until a checkpoint copies the WAL into the database and the
WAL is started again. A TRUNCATE checkpoint does both and empties the -wal file.

On PostgreSQL nothing here applies: deleted rows stay in the table's pages as dead
tuples until VACUUM reclaims them, and in WAL archives and backups for as long as those
are kept (see the data-at-rest documentation).
"""

import logging

from django.db import connection, transaction

logger = logging.getLogger("pct_journal.security")


def _checkpoint() -> None:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        busy, _, _ = cursor.fetchone()
    if busy:
        # Another connection was still reading an older snapshot; the next checkpoint
        # (SQLite's own, or the next deletion's) folds the rest in.
        logger.warning("The WAL could not be emptied after a deletion; another reader was busy.")


def wal_fold_after_commit() -> None:
    """Once the current transaction commits, fold the WAL into the database and empty it."""
    if connection.vendor == "sqlite":
        transaction.on_commit(_checkpoint)
