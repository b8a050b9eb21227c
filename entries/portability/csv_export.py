"""The journal as a spreadsheet: one row per entry, every field, the person's own notes.

Times are ISO 8601 with the offset of the user's time zone. Tags and coping are joined
with "; ". A cell that a spreadsheet would run as a formula (one starting with =, +, -,
@, a tab or a carriage return) is prefixed with a single quote, so a note such as
"=HYPERLINK(...)" is shown as text instead of being executed.
"""

import csv
import zoneinfo
from collections.abc import Iterator, Mapping

from django.contrib.auth.models import User

from accounts.services import preferences_for
from entries.models import Entry, is_episode_of, peak_of
from entries.plain_rows import plain_values
from entries.portability.spec import ENTRY_KEYS, ENTRY_VALUE_KEYS
from entries.portability.tag_names import id_text, partner_nicknames, tag_names_by_entry

# After the entry's own fields: what the journal derives from them, and the row's
# timestamps, which a backup leaves out but a spreadsheet reader may want.
DERIVED_COLUMNS = ("episode", "peak_intensity", "created_at", "updated_at")
COLUMNS = (*ENTRY_KEYS, *DERIVED_COLUMNS)
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
JOIN = "; "
READ_FIELDS = (
    "id_text",
    "partner_text",
    *ENTRY_VALUE_KEYS,
    "occurred_at",
    "created_at",
    "updated_at",
)


def spreadsheet_safe(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_TRIGGERS) else cell


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


def entry_row(
    entry: Mapping,
    zone: zoneinfo.ZoneInfo,
    threshold: int,
    *,
    partner: str | None,
    tag_names: list[str],
) -> list[str]:
    """`entry` holds READ_FIELDS (plain_values or .values()); `partner` is its partner's
    nickname, `tag_names` its factors."""
    values = {key: entry[key] for key in ENTRY_VALUE_KEYS}
    values["partner"] = partner
    values["tags"] = JOIN.join(sorted(tag_names, key=str.lower))
    values["coping"] = JOIN.join(entry["coping"])
    values["episode"] = is_episode_of(entry, threshold)
    values["peak_intensity"] = peak_of(entry)
    for key in ("occurred_at", "created_at", "updated_at"):
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
        )
        yield writer.writerow(row)
