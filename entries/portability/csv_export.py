"""The journal as a spreadsheet: one row per entry, every field, the person's own notes.

Each coded answer is written twice, in words and as its code (csv_columns.py), so the
file reads well and imports back exactly (csv_import.py). Times are ISO 8601 with the
offset of the user's time zone. Tags and coping are joined with "; ". A cell that a
spreadsheet would run as a formula (one starting with =, +, -, @, a tab or a carriage
return) is prefixed with a single quote, so a note such as "=HYPERLINK(...)" is shown as
text instead of being executed; the import takes the quote away again.
"""

import csv
import json
import zoneinfo
from collections.abc import Iterator, Mapping
from typing import cast

from django.contrib.auth.models import User
from django.db.models import Field

from accounts.services import preferences_for
from entries.models import Entry, is_episode_of, peak_of
from entries.plain_rows import plain_values
from entries.portability.csv_columns import (
    CODED_KEYS,
    COLUMNS,
    JOIN,
    code_column,
    spreadsheet_safe,
)
from entries.portability.spec import ENTRY_VALUE_KEYS
from entries.portability.tag_names import id_text, partner_nicknames, tag_names_by_entry
from pct_journal.scales import INTENSITY_CHOICES, Coping

__all__ = ["COLUMNS", "entries_csv_lines", "spreadsheet_safe"]
READ_FIELDS = (
    "id_text",
    "partner_text",
    *ENTRY_VALUE_KEYS,
    "occurred_at",
    "created_at",
    "updated_at",
)


def _cell(value: object) -> str:
    # Identity and exact-type checks: this runs for every cell of every row.
    if value is None:
        return ""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if type(value) is int:
        return str(value)  # a number, never a formula
    return spreadsheet_safe(str(value))


def answer_words() -> dict[str, dict]:
    """Each coded answer's words in the active language, by code: worked out once per
    file rather than once per cell."""
    words = {
        key: {
            code: str(label) for code, label in cast(Field, Entry._meta.get_field(key)).flatchoices
        }
        for key in CODED_KEYS
    }
    words["coping"] = {code: str(label) for code, label in Coping.choices}
    words["peak_intensity"] = {code: str(label) for code, label in INTENSITY_CHOICES}
    return words


def entry_row(
    entry: Mapping,
    zone: zoneinfo.ZoneInfo,
    threshold: int,
    *,
    partner: str | None,
    tag_names: list[str],
    words: dict[str, dict],
) -> list[str]:
    """`entry` holds READ_FIELDS (plain_values or .values()); `partner` is its partner's
    nickname, `tag_names` its factors, `words` is answer_words()."""
    values = {key: entry[key] for key in ENTRY_VALUE_KEYS}
    for key in CODED_KEYS:
        values[code_column(key)] = values[key]
        values[key] = words[key].get(values[key], "")
    names = sorted(tag_names, key=str.lower)
    values["partner"] = partner
    values["tags"] = JOIN.join(names)
    values["tags_code"] = json.dumps(names, ensure_ascii=False) if names else ""
    values["coping"] = JOIN.join(words["coping"][key] for key in entry["coping"])
    values["coping_code"] = JOIN.join(entry["coping"])
    values["episode"] = is_episode_of(entry, threshold)
    values["peak_intensity_code"] = peak = peak_of(entry)
    values["peak_intensity"] = words["peak_intensity"][peak]
    # The moment of the entry to the microsecond when it has any (a backup's precision),
    # so an import finds the same instant; the row's own timestamps to the second.
    values["occurred_at"] = entry["occurred_at"].astimezone(zone).isoformat()
    for key in ("created_at", "updated_at"):
        values[key] = entry[key].astimezone(zone).isoformat(timespec="seconds")
    return [_cell(values[key]) for key in COLUMNS]


class _Echo:
    """A file-like object for csv.writer that hands each line back instead of keeping it."""

    def write(self, value: str) -> str:
        return value


def entries_csv_lines(user: User) -> Iterator[str]:
    """The CSV text, line by line and oldest entry first."""
    preferences = preferences_for(user)
    zone = zoneinfo.ZoneInfo(preferences.time_zone)
    writer = csv.writer(_Echo())
    # A byte-order mark makes spreadsheet programs read the file as UTF-8.
    yield "\ufeff" + writer.writerow(COLUMNS)
    nicknames = partner_nicknames(user)
    tags = tag_names_by_entry(user)
    words = answer_words()
    entries = (
        Entry.objects.filter(user=user)
        .annotate(id_text=id_text("id"), partner_text=id_text("partner_id"))
        .order_by("occurred_at", "created_at")
    )
    # Plain values (entries.plain_rows): building an Entry for each row, and Django's
    # converters, were most of the time of a long journal. The view builds the whole file
    # at once anyway.
    for entry in plain_values(entries, READ_FIELDS):
        row = entry_row(
            entry,
            zone,
            preferences.episode_threshold,
            partner=nicknames.get(entry["partner_text"]),
            tag_names=tags.get(entry["id_text"], []),
            words=words,
        )
        yield writer.writerow(row)
