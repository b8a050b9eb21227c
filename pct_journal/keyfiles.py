"""Keys for a development or single-user install that sets none in the environment.

A key is generated once and kept in a file only the owner can read, so a restart does
not log everyone out or make encrypted notes unreadable. Production sets keys in the
environment and never reaches this module (settings refuse to start without them).
"""

import os
from collections.abc import Callable
from pathlib import Path

from pct_journal.private_files import private_directory, private_file


def read_or_create_key(path: Path, generate: Callable[[], str]) -> str:
    if path.exists():
        private_file(path)
        key = path.read_text().strip()
        if key:
            return key
    private_directory(path.parent)
    key = generate()
    # O_EXCL: two processes starting together must not write two different keys.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(key + "\n")
    return key
