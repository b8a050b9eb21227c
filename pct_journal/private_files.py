"""The files that hold the journal are for the app's own user only: 0600 files in
0700 folders, whatever the umask of the process that made them.

SQLite creates a new database file 0644 under the usual umask, and gives its -wal and
-shm files the database file's own permissions (whatever the umask), so a database
made 0600 keeps its WAL and shared-memory file 0600 too. The key files and the file
caches under var/ are created with private modes where they are made (keyfiles.py,
Django's file cache); this module makes their folders private.
"""

import errno
import os
import stat
from pathlib import Path

PRIVATE_DIRECTORY = 0o700
PRIVATE_FILE = 0o600
SQLITE_SIDECARS = ("-wal", "-shm", "-journal")


def _restrict(path: Path, mode: int) -> None:
    # Only what this user owns: chmod on anything else fails, and a folder someone
    # else owns (a shared /srv, say) is theirs to set.
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) != mode:
        try:
            path.chmod(mode)
        except OSError as error:
            # A read-only file system (an image with var/ baked in): nothing can be
            # written there, so there is nothing to keep private either.
            if error.errno != errno.EROFS:
                raise


def private_directory(path: Path) -> Path:
    """Make the folder (and any missing parents) and leave it 0700."""
    path.mkdir(mode=PRIVATE_DIRECTORY, parents=True, exist_ok=True)
    _restrict(path, PRIVATE_DIRECTORY)
    return path


def private_file(path: Path) -> None:
    """An existing file of this user's left 0600 (one made before this rule, say)."""
    _restrict(path, PRIVATE_FILE)


def private_sqlite_files(database: Path) -> None:
    """The database file, its WAL, shared-memory and journal files 0600, its folder 0700."""
    _restrict(database.parent, PRIVATE_DIRECTORY)
    for path in (database, *(database.with_name(database.name + s) for s in SQLITE_SIDECARS)):
        _restrict(path, PRIVATE_FILE)


def make_sqlite_files_private(sender, connection, **kwargs) -> None:
    """connection_created receiver: runs before the new connection's first query.

    A new database file was made 0644 a moment ago, still empty; from here on it and
    every -wal and -shm file SQLite makes beside it are 0600."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA database_list")
        files = [row[2] for row in cursor.fetchall() if row[2]]  # "" for in-memory
    for name in files:
        private_sqlite_files(Path(name))
