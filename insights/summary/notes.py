"""The notes a person chose to put in their summary.

Notes are the one encrypted part of an entry and the statistics never read them
(`insights.selectors`), so this is the only place the summary decrypts anything.
"""

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.utils.formats import date_format
from django.utils.translation import pgettext

from entries.models import EMOTION_FIELDS, Entry
from pct_journal.date_range import DateRange


@dataclass(frozen=True)
class SharedNote:
    entry_id: str
    when: dt.datetime  # in the owner's time zone
    is_episode: bool
    text: str

    @property
    def when_text(self) -> str:
        # Formatted here, not by the template's date filter, which would convert to the
        # active time zone: a share link's reader is not in the owner's zone.
        # Translators: a note's day and time as a PHP-style format, "Thu 3 Sep 2026, 22:05".
        return date_format(self.when, pgettext("note date and time", "D j M Y, H:i"))


def _in_period(queryset, dates: DateRange, zone: zoneinfo.ZoneInfo):
    # Inclusive local calendar days, the same bounds the statistics use.
    if dates.start:
        queryset = queryset.filter(
            occurred_at__gte=dt.datetime.combine(dates.start, dt.time.min, tzinfo=zone)
        )
    if dates.end:
        after_end = dates.end + dt.timedelta(days=1)
        queryset = queryset.filter(
            occurred_at__lt=dt.datetime.combine(after_end, dt.time.min, tzinfo=zone)
        )
    return queryset


def notes_in_period(
    user: User, dates: DateRange, *, time_zone: str, threshold: int
) -> list[SharedNote]:
    """Every entry of the period that has a note, oldest first."""
    zone = zoneinfo.ZoneInfo(time_zone)
    # Only entries with a note leave the database ("" is the one value an encrypted
    # field can be compared with); one of only spaces is dropped below.
    queryset = _in_period(Entry.objects.filter(user=user).exclude(notes=""), dates, zone)
    entries = queryset.only("id", "occurred_at", "cried", "notes", *EMOTION_FIELDS).order_by(
        "occurred_at"
    )
    return [
        SharedNote(
            entry_id=str(entry.pk),
            when=entry.occurred_at.astimezone(zone),
            is_episode=entry.is_episode_at(threshold),
            text=entry.notes.strip(),
        )
        for entry in entries
        if entry.notes.strip()
    ]


def chosen_notes(notes: list[SharedNote], entry_ids: tuple[str, ...]) -> list[SharedNote]:
    wanted = set(entry_ids)
    return [note for note in notes if note.entry_id in wanted]
