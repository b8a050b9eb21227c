"""Extra top-level lists that other apps add to the backup (e.g. "checkins").

An app registers its section once, from its AppConfig.ready():

    from entries.portability.sections import BackupSection, register_backup_section

    register_backup_section(
        BackupSection(
            key="checkins",
            label="check-ins",
            export=checkins_for_backup,  # (user) -> list of JSON-ready dicts, stable order
            restore=checkins_restore,  # (*, user, items) -> .created, .already_present
        )
    )

`restore` runs inside the import's transaction, before the journal's own rows are
written. It must validate every item before writing any, and raise
django.core.exceptions.ValidationError (messages naming the item) for a bad one: the
whole import is then rolled back and the messages are shown to the person. It must
skip items the user already has, so that importing a file twice adds nothing.

A file may carry a section that this install has not registered; the import accepts it
as long as it is a list, and the report says those items were left out.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol


class SectionRestoreResult(Protocol):
    @property
    def created(self) -> int: ...
    @property
    def already_present(self) -> int: ...


@dataclass(frozen=True)
class BackupSection:
    key: str
    label: str
    export: Callable[[Any], list[dict]]
    restore: Callable[..., SectionRestoreResult]


# Top-level keys a file may carry beyond the journal's own, registered or not.
OPTIONAL_SECTION_KEYS = ("checkins",)
OPTIONAL_SECTION_LABELS = {"checkins": "check-ins"}

_registered: dict[str, BackupSection] = {}


def register_backup_section(section: BackupSection) -> None:
    if section.key not in OPTIONAL_SECTION_KEYS:
        # A new key is a change of the format: document it and list it above first.
        raise ValueError(f"Backup section {section.key!r} is not part of the backup format.")
    _registered[section.key] = section


def unregister_backup_section(key: str) -> None:
    _registered.pop(key, None)


def registered_sections() -> list[BackupSection]:
    """In the order of OPTIONAL_SECTION_KEYS, so files are written the same way each time."""
    return [_registered[key] for key in OPTIONAL_SECTION_KEYS if key in _registered]
