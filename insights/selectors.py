"""The only ORM reads for statistics and charts: a user's journal as pandas DataFrames.

One query for the entries and one for their tags, however many entries there are.
Notes are never read here (they are not needed, and decrypting them costs time).

The rows come from entries.plain_rows, which skips Django's per-value converters: for
a journal of 20,000 entries they took longer than the database. pandas then converts
whole columns at once.
"""

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from django.contrib.auth.models import User
from django.db.models import CharField
from django.db.models.functions import Cast

from entries.models import CONTEXT_FIELDS, CONTEXT_FLAGS, EMOTION_FIELDS, Entry, Tag
from entries.plain_rows import plain_rows
from pct_journal.date_range import DateRange

ENTRY_COLUMNS = [
    "id",
    "occurred_at",
    "activity",
    "partner_id",
    "partner__nickname",
    "orgasm",
    "satisfaction",
    "connection_after",
    *EMOTION_FIELDS,
    "cried",
    "episode_minutes",
    *CONTEXT_FIELDS,
    "pain",
    "memories_surfaced",
    "alcohol_or_drugs",
    "coping",
    "coping_helped",
]
# Nullable columns keep None as <NA>: a factor not recorded is unknown, never "none".
NULLABLE_INTS = [
    "satisfaction",
    "connection_after",
    "episode_minutes",
    "coping_helped",
    *CONTEXT_FIELDS,
    "pain",
]
NULLABLE_BOOLEANS = list(CONTEXT_FLAGS)
UUID_COLUMNS = ("id", "partner_id")


@dataclass
class JournalFrame:
    entries: pd.DataFrame
    tag_names: dict[str, str] = field(default_factory=dict)
    partner_names: dict[str, str] = field(default_factory=dict)
    threshold: int = 2
    time_zone: str = "UTC"


def _uuid_text(value: str | None) -> str | None:
    """The usual dashed form: SQLite gives 32 hex digits, PostgreSQL the dashed form."""
    if not isinstance(value, str):
        return None  # no partner (pandas may have turned None into NaN)
    if len(value) != 32:
        return value
    return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"


def _uuid_texts(values: tuple[str, ...]) -> list[str | None] | np.ndarray:
    """_uuid_text of every value, none of them None: SQLite's 32 hex digits get their
    dashes as one numpy operation on the characters rather than a slice per id."""
    hex_digits = np.array(values)
    if hex_digits.dtype != np.dtype("<U32"):
        return [_uuid_text(value) for value in values]
    characters = hex_digits.view("<U1").reshape(len(values), 32)
    dashed = np.insert(characters, [8, 12, 16, 20], "-", axis=1)
    return dashed.view("<U36").ravel()


def _empty_frame() -> pd.DataFrame:
    columns = [name for name in ENTRY_COLUMNS if name != "partner__nickname"]
    frame = pd.DataFrame(columns=[*columns, "partner", "tags", "local_date", "is_episode", "peak"])
    frame["occurred_at"] = pd.to_datetime(frame["occurred_at"], utc=True)
    return frame


def _tags_by_entry(tag_pairs: list[tuple]) -> dict[str, list[str | None]]:
    # Pairs are matched on the database's own text of the entry id (the same Cast as the
    # entries'), and each of the few tag ids is converted once rather than once a pair.
    tag_ids: dict[str, str | None] = {}
    tags_by_entry: dict[str, list[str | None]] = {}
    for entry_id, tag_id in tag_pairs:
        if tag_id not in tag_ids:
            tag_ids[tag_id] = _uuid_text(tag_id)
        tags_by_entry.setdefault(entry_id, []).append(tag_ids[tag_id])
    return tags_by_entry


def _nullable(values: tuple, dtype: str) -> pd.api.extensions.ExtensionArray:
    """A column with None in it as Int64 or boolean, without pandas looking at each value:
    numpy reads None as NaN when it makes floats, in C."""
    numbers = np.array(values, dtype="float64")
    missing = np.isnan(numbers)
    if dtype == "boolean":
        return pd.arrays.BooleanArray(numbers > 0, missing)
    return pd.arrays.IntegerArray(np.where(missing, 0, numbers).astype("int64"), missing)


def _frame(
    rows: list[tuple], tag_pairs: list[tuple], zone: zoneinfo.ZoneInfo, threshold: int
) -> tuple[pd.DataFrame, dict[str, str]]:
    """The entries frame and the partners' names, built a column at a time from the
    rows: each column once, in its final type, and the frame in one constructor (a
    frame of the rows converted column by column afterwards took several times longer)."""
    columns = dict(zip(ENTRY_COLUMNS, zip(*rows, strict=True), strict=True))
    tags_by_entry = _tags_by_entry(tag_pairs)
    ids = columns["id"]
    emotions = np.array([columns[name] for name in EMOTION_FIELDS], dtype="int64")
    peak = emotions.max(axis=0)
    cried = np.array(columns["cried"], dtype=bool)
    occurred_at = pd.to_datetime(
        pd.Series(columns["occurred_at"], dtype="str"), format="ISO8601", utc=True
    ).dt.tz_convert(zone)
    partner_ids = {pk: _uuid_text(pk) for pk in set(columns["partner_id"])}
    data: dict[str, object] = {
        "id": pd.array(_uuid_texts(ids), dtype="str"),
        "occurred_at": occurred_at.array,
        "activity": pd.array(columns["activity"], dtype="str"),
        "partner_id": pd.array([partner_ids[pk] for pk in columns["partner_id"]], dtype="str"),
        "partner": pd.array(columns["partner__nickname"], dtype="str"),
        "orgasm": pd.array([value or None for value in columns["orgasm"]], dtype="str"),
    }
    for index, name in enumerate(EMOTION_FIELDS):
        data[name] = emotions[index]
    data["cried"] = cried
    for name in NULLABLE_INTS:
        data[name] = _nullable(columns[name], "Int64")
    for name in NULLABLE_BOOLEANS:
        data[name] = _nullable(columns[name], "boolean")
    data["coping"] = list(columns["coping"])
    data["tags"] = [tags_by_entry.get(pk, []) for pk in ids]
    data["local_date"] = occurred_at.dt.date.to_numpy()
    data["peak"] = peak
    data["is_episode"] = cried | (peak >= threshold)
    partner_names: dict[str, str] = {}
    for pk, nickname in zip(columns["partner_id"], columns["partner__nickname"], strict=True):
        if (partner_id := partner_ids[pk]) is not None:
            partner_names[partner_id] = nickname
    # In the columns' usual order, then what is worked out from them.
    order = ["partner" if name == "partner__nickname" else name for name in ENTRY_COLUMNS]
    frame = pd.DataFrame({name: data[name] for name in order} | data)
    return frame, partner_names


def entries_dataframe(
    user: User,
    date_range: DateRange | None = None,
    *,
    threshold: int | None = None,
    time_zone: str | None = None,
) -> JournalFrame:
    """The user's entries, oldest first, with `is_episode` by their threshold.

    Columns: every analysed Entry field (ids as strings, nullable scales as Int64),
    `partner` (nickname or None), `tags` (list of tag ids), `occurred_at` converted to
    the user's time zone, `local_date` (the calendar day there), `peak` (strongest
    emotion) and `is_episode`.
    """
    preferences = user.preferences
    threshold = threshold or preferences.episode_threshold
    time_zone = time_zone or preferences.time_zone
    zone = zoneinfo.ZoneInfo(time_zone)

    queryset = Entry.objects.filter(user=user).order_by("occurred_at")
    if date_range and date_range.start:
        queryset = queryset.filter(
            occurred_at__gte=dt.datetime.combine(date_range.start, dt.time.min, tzinfo=zone)
        )
    # date.max has no day after it; insights.ranges refuses such an end, and here it
    # simply means "no end" rather than an OverflowError.
    if date_range and date_range.end and date_range.end < dt.date.max:
        queryset = queryset.filter(
            occurred_at__lt=dt.datetime.combine(
                date_range.end + dt.timedelta(days=1), dt.time.min, tzinfo=zone
            )
        )
    rows = plain_rows(
        # Ids as text: the frame holds them as strings (and a uuid.UUID each is slow).
        queryset.annotate(
            **{f"{name}_text": Cast(name, output_field=CharField()) for name in UUID_COLUMNS}
        ),
        tuple(f"{name}_text" if name in UUID_COLUMNS else name for name in ENTRY_COLUMNS),
    )
    tag_names = {
        str(pk): name for pk, name in Tag.objects.filter(user=user).values_list("pk", "name")
    }
    if not rows:
        return JournalFrame(_empty_frame(), tag_names, {}, threshold, time_zone)

    tag_pairs = plain_rows(
        Entry.tags.through.objects.filter(entry__in=queryset).annotate(
            entry_text=Cast("entry_id", output_field=CharField()),
            tag_text=Cast("tag_id", output_field=CharField()),
        ),
        ("entry_text", "tag_text"),
    )
    frame, partner_names = _frame(rows, tag_pairs, zone, threshold)
    return JournalFrame(frame, tag_names, partner_names, threshold, time_zone)
