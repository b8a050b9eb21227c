"""Any file a person may import, recognised and read into a backup document.

Three kinds are read: the journal's JSON backup, the journal's own CSV and Daylio's CSV.
The two CSVs become a backup document as well, so every import is validated, previewed
and written by the same code (validate.py, restore.py), and importing a file twice adds
nothing whatever its kind.
"""

import zoneinfo
from dataclasses import dataclass, field
from typing import cast

from django.contrib.auth.models import User
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from accounts.services import preferences_for
from entries.portability.csv_columns import is_journal_csv
from entries.portability.csv_import import csv_records, journal_csv_entries
from entries.portability.daylio import REQUIRED_COLUMNS as DAYLIO_COLUMNS
from entries.portability.daylio import daylio_entries
from entries.portability.spec import (
    FORMAT_NAME,
    FORMAT_VERSION,
    PREFERENCE_KEYS,
    BackupInvalid,
    name_key,
)
from entries.portability.validate import ValidBackup, load_backup_json, parse_backup


class ImportKind(models.TextChoices):
    BACKUP = "backup", gettext_lazy("a PCT Journal backup (JSON)")
    JOURNAL_CSV = "journal_csv", gettext_lazy("a PCT Journal spreadsheet (CSV)")
    DAYLIO = "daylio", gettext_lazy("a Daylio export (CSV)")


@dataclass
class ReadImport:
    kind: str
    document: dict  # a backup document (spec.py), whatever the file was
    restore_preferences: bool
    # Rows of the file left out on purpose, each as a sentence for the preview.
    skipped: list[str] = field(default_factory=list)
    # The document as checked by parse_backup, while the upload's request lasts.
    checked: ValidBackup | None = field(default=None, repr=False, compare=False)


def _unknown_csv() -> BackupInvalid:
    return BackupInvalid(
        [
            _(
                "This CSV doesn’t look like an export from PCT Journal or Daylio, so "
                "nothing was imported. Choose the file that PCT Journal’s “Download your "
                "entries as a spreadsheet”, or Daylio’s “Export entries (CSV)”, gave you."
            )
        ]
    )


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BackupInvalid(
            [
                _(
                    "This file cannot be read as text (UTF-8), so it is neither a backup "
                    "nor a spreadsheet from PCT Journal or Daylio. If a spreadsheet program "
                    "saved it again, save it as “CSV UTF-8”."
                )
            ]
        ) from None


def _document(user: User, entries: list[dict]) -> dict:
    """A backup document holding `entries`, with the partners and factors they name
    and the account's own settings (a CSV has none, and they are not taken from it)."""
    preferences = preferences_for(user)
    partners: dict[str, str] = {}
    tags: dict[str, str] = {}
    for entry in entries:
        if entry["partner"] is not None:
            partners.setdefault(name_key(entry["partner"]), entry["partner"])
        for name in entry["tags"]:
            tags.setdefault(name_key(name), name)
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(timespec="seconds"),
        "preferences": {key: getattr(preferences, key) for key in PREFERENCE_KEYS},
        "partners": [{"nickname": name, "active": True} for name in partners.values()],
        "tags": [{"name": name} for name in tags.values()],
        "entries": entries,
    }


def import_read(*, user: User, raw: bytes, restore_preferences: bool) -> ReadImport:
    """The file, recognised, read and validated in full; BackupInvalid says why not."""
    start = raw.removeprefix(b"\xef\xbb\xbf").lstrip()
    if start.startswith((b"{", b"[")) or not start:
        # JSON's own reader says what is wrong with a broken backup (bad UTF-8 included).
        document = load_backup_json(raw)
        checked = parse_backup(document)
        return ReadImport(
            ImportKind.BACKUP,
            cast(dict, document),  # parse_backup refused anything but an object
            restore_preferences,
            checked=checked,
        )
    records = csv_records(_text(raw))
    try:
        _number, header = next(records)
    except StopIteration:
        raise _unknown_csv() from None
    header = [name.strip() for name in header]
    if is_journal_csv(header):
        read = ReadImport(
            ImportKind.JOURNAL_CSV, _document(user, journal_csv_entries(header, records)), False
        )
    elif "mood" in header and ("full_date" in header or "date" in header):
        read = _daylio(user, header, records)
    else:
        raise _unknown_csv()
    read.checked = parse_backup(read.document)  # the same checks as a backup's
    return read


def _daylio(user: User, header: list[str], records) -> ReadImport:
    missing = [column for column in DAYLIO_COLUMNS if column not in header]
    if missing:
        raise BackupInvalid(
            [
                _(
                    "This looks like a Daylio export, but the columns %(columns)s are "
                    "missing, so nothing was imported. Export it from Daylio again."
                )
                % {"columns": ", ".join(missing)}
            ]
        )
    zone = zoneinfo.ZoneInfo(preferences_for(user).time_zone)
    rows = daylio_entries(header, records, zone)
    skipped = [
        ngettext(
            "%(count)s entry with the mood “%(mood)s” is left out: it is a mood you "
            "named yourself in Daylio, and it has no place on this journal’s scale.",
            "%(count)s entries with the mood “%(mood)s” are left out: it is a mood you "
            "named yourself in Daylio, and it has no place on this journal’s scale.",
            count,
        )
        % {"count": count, "mood": mood}
        for mood, count in sorted(rows.unknown_moods.items())
    ]
    return ReadImport(ImportKind.DAYLIO, _document(user, rows.entries), False, skipped)
