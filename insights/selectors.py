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


def _uuid_texts(values: pd.Series) -> pd.Series:
    """_uuid_text of each value, worked out once per distinct value."""
    return values.map({value: _uuid_text(value) for value in values.dropna().unique()})


def _empty_frame() -> pd.DataFrame:
    columns = [name for name in ENTRY_COLUMNS if name != "partner__nickname"]
    frame = pd.DataFrame(columns=[*columns, "partner", "tags", "local_date", "is_episode", "peak"])
    frame["occurred_at"] = pd.to_datetime(frame["occurred_at"], utc=True)
    return frame


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

    frame = pd.DataFrame(rows, columns=ENTRY_COLUMNS).rename(
        columns={"partner__nickname": "partner"}
    )
    tag_pairs = plain_rows(
        Entry.tags.through.objects.filter(entry__in=queryset).annotate(
            entry_text=Cast("entry_id", output_field=CharField()),
            tag_text=Cast("tag_id", output_field=CharField()),
        ),
        ("entry_text", "tag_text"),
    )
    # Pairs are matched on the database's own text of the entry id (the same Cast as the
    # entries'), and each of the few tag ids is converted once rather than once a pair.
    tag_ids: dict[str, str | None] = {}
    tags_by_entry: dict[str, list[str | None]] = {}
    for entry_id, tag_id in tag_pairs:
        if tag_id not in tag_ids:
            tag_ids[tag_id] = _uuid_text(tag_id)
        tags_by_entry.setdefault(entry_id, []).append(tag_ids[tag_id])

    frame["tags"] = [tags_by_entry.get(pk, []) for pk in frame["id"].tolist()]
    frame["id"] = frame["id"].map(_uuid_text)
    frame["partner_id"] = _uuid_texts(frame["partner_id"])
    frame["orgasm"] = frame["orgasm"].replace("", None)
    frame["cried"] = frame["cried"].astype(bool)
    for name in NULLABLE_BOOLEANS:
        frame[name] = frame[name].astype("boolean")
    for name in NULLABLE_INTS:
        frame[name] = frame[name].astype("Int64")
    frame["occurred_at"] = pd.to_datetime(
        frame["occurred_at"], format="ISO8601", utc=True
    ).dt.tz_convert(zone)
    frame["local_date"] = frame["occurred_at"].dt.date
    frame["peak"] = frame[list(EMOTION_FIELDS)].max(axis=1)
    frame["is_episode"] = frame["cried"] | (frame["peak"] >= threshold)
    partner_names = dict(
        frame.dropna(subset=["partner_id"])[["partner_id", "partner"]].drop_duplicates().values
    )
    return JournalFrame(frame, tag_names, partner_names, threshold, time_zone)
