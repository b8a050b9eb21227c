"""What an import would add, shown before anything is written."""

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.utils.translation import gettext as _

from accounts.services import preferences_for
from entries.models import Partner, Tag, peak_of
from entries.portability.daylio import imported_tag_name
from entries.portability.imports import ImportKind, ReadImport
from entries.portability.restore import RestoreReport, backup_restore_trial
from entries.portability.spec import name_key
from entries.portability.validate import ValidBackup, parse_backup
from pct_journal.scales import Activity, intensity_label

FIRST_ROWS = 10
NOTE_PREVIEW_CHARACTERS = 80


@dataclass(frozen=True)
class PreviewRow:
    occurred_at: dt.datetime
    activity: str
    partner: str
    peak: str
    tags: list[str]
    notes: str


@dataclass
class ImportPreview:
    kind: str
    kind_label: str
    report: RestoreReport  # what the import would do, counted by a trial run
    entries: int
    first: dt.datetime | None
    last: dt.datetime | None
    new_partners: list[str]
    new_tags: list[str]
    rows: list[PreviewRow]
    warnings: list[str] = field(default_factory=list)

    @property
    def to_add(self) -> int:
        return self.report.entries.added

    @property
    def already_there(self) -> int:
        return self.report.entries.already_there


def _new_names(existing: set[str], names: list[str]) -> list[str]:
    return sorted((name for name in names if name_key(name) not in existing), key=str.casefold)


def _short(notes: str) -> str:
    line = " ".join(notes.split())
    if len(line) <= NOTE_PREVIEW_CHARACTERS:
        return line
    return line[: NOTE_PREVIEW_CHARACTERS - 1] + "…"


def _other_zone(backup: ValidBackup, zone: zoneinfo.ZoneInfo) -> bool:
    return any(
        entry.occurred_at.utcoffset() != entry.occurred_at.astimezone(zone).utcoffset()
        for entry in backup.entries
    )


def import_preview(*, user: User, read: ReadImport) -> ImportPreview:
    """Raises BackupInvalid when the import would fail (it is tried, then undone)."""
    backup = read.checked or parse_backup(read.document)
    report = backup_restore_trial(
        user=user, data=read.document, restore_preferences=read.restore_preferences
    )
    zone = zoneinfo.ZoneInfo(preferences_for(user).time_zone)
    partners = {name_key(p.nickname) for p in Partner.objects.filter(user=user)}
    tags = {name_key(t.name) for t in Tag.objects.filter(user=user)}
    moments = [entry.occurred_at.astimezone(zone) for entry in backup.entries]
    activities = dict(Activity.choices)
    rows = [
        PreviewRow(
            occurred_at=entry.occurred_at.astimezone(zone),
            activity=str(activities.get(entry.values["activity"], "")),
            partner=entry.partner or "",
            peak=intensity_label(peak_of(entry.values)),
            tags=sorted(entry.tags, key=str.casefold),
            notes=_short(entry.values["notes"]),
        )
        for entry in sorted(backup.entries, key=lambda e: e.occurred_at)[:FIRST_ROWS]
    ]
    warnings = list(read.skipped)
    if read.kind == ImportKind.DAYLIO:
        warnings.insert(
            0,
            _(
                "Daylio entries are general mood entries, not necessarily about sex. Each "
                "becomes an entry here: its sadness follows the mood (rad and good: none, "
                "meh: mild, bad: moderate, awful: strong), its activities become your "
                "factors, and it gets the factor “%(tag)s”, so you can find, "
                "filter or remove them. They count in your charts like any entry."
            )
            % {"tag": imported_tag_name()},
        )
    if read.kind == ImportKind.JOURNAL_CSV and _other_zone(backup, zone):
        warnings.append(
            _(
                "The times in this file were written in another time zone than yours "
                "(%(zone)s). Each entry keeps its moment and is shown in your time zone; "
                "Settings can change it."
            )
            % {"zone": zone.key}
        )
    if report.account_record_left_out:
        warnings.append(
            _(
                "The file’s account record (how that account signed in, its sessions, "
                "share links and security log) stays with the account it came from."
            )
        )
    return ImportPreview(
        kind=read.kind,
        kind_label=str(ImportKind(read.kind).label),
        entries=len(backup.entries),
        report=report,
        first=min(moments, default=None),
        last=max(moments, default=None),
        new_partners=_new_names(partners, [p.nickname for p in backup.partners]),
        new_tags=_new_names(tags, [t.name for t in backup.tags]),
        rows=rows,
        warnings=warnings,
    )
