"""Everything a user owns as one JSON document (format described in spec.py)."""

import datetime as dt
import json
import zoneinfo

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from accounts.services import preferences_for
from entries.models import Entry, Partner, Tag
from entries.portability.sections import registered_sections
from entries.portability.spec import (
    ENTRY_KEYS,
    ENTRY_VALUE_KEYS,
    FORMAT_NAME,
    FORMAT_VERSION,
    PREFERENCE_KEYS,
    name_key,
)


def iso_instant(moment: dt.datetime, zone: zoneinfo.ZoneInfo) -> str:
    """To the microsecond, with the offset, so an entry is found again exactly."""
    return timezone.localtime(moment, zone).isoformat(timespec="microseconds")


def _by_name(name: str) -> tuple[str, str]:
    # The exact name breaks ties between names that differ only in case (SQLite's
    # constraint only folds ASCII), so the order never depends on the database.
    return (name_key(name), name)


def entry_as_backup(entry: Entry, zone: zoneinfo.ZoneInfo) -> dict:
    """Needs select_related("partner") and prefetch_related("tags") to stay cheap."""
    values = {key: getattr(entry, key) for key in ENTRY_VALUE_KEYS}
    values["coping"] = list(entry.coping)
    values["occurred_at"] = iso_instant(entry.occurred_at, zone)
    values["partner"] = entry.partner.nickname if entry.partner else None
    values["tags"] = sorted((tag.name for tag in entry.tags.all()), key=_by_name)
    return {key: values[key] for key in ENTRY_KEYS}


def backup_for_user(user: AbstractBaseUser) -> dict:
    """The backup document; its order is deterministic, so exporting the same journal
    twice gives the same document apart from `exported_at`."""
    preferences = preferences_for(user)
    zone = zoneinfo.ZoneInfo(preferences.time_zone)
    partners = sorted(Partner.objects.filter(user=user), key=lambda p: _by_name(p.nickname))
    tags = sorted(Tag.objects.filter(user=user), key=lambda t: _by_name(t.name))
    entries = Entry.objects.filter(user=user).select_related("partner").prefetch_related("tags")
    records = [(entry.occurred_at, entry_as_backup(entry, zone)) for entry in entries]
    # Entries at the same instant are ordered by their content.
    records.sort(key=lambda pair: (pair[0], json.dumps(pair[1], ensure_ascii=False)))
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": timezone.localtime(timezone.now(), zone).isoformat(timespec="seconds"),
        "preferences": {key: getattr(preferences, key) for key in PREFERENCE_KEYS},
        "partners": [{"nickname": p.nickname, "active": p.active} for p in partners],
        "tags": [{"name": tag.name} for tag in tags],
        "entries": [record for _moment, record in records],
    }
    for section in registered_sections():
        document[section.key] = section.export(user)
    return document


def backup_json_bytes(document: dict) -> bytes:
    # ensure_ascii=False keeps notes readable in a text editor; the file is UTF-8.
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
