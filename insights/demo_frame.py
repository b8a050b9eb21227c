"""The synthetic journals of `entries.demo` as entry frames, without a database.

Mirrors the columns of `insights.selectors.entries_dataframe` (a test checks they agree),
so the planted-truth tests and the benchmark can run the analysis on thousands of
generated entries in milliseconds.
"""

import uuid
import zoneinfo

import pandas as pd

from checkins.exposure import recent_high_flags
from checkins.instruments import instrument_for, score
from entries.demo import DemoCheckIn, DemoEntry
from insights.selectors import ENTRY_COLUMNS, NULLABLE_BOOLEANS, NULLABLE_INTS, JournalFrame

EMOTIONS = ("sadness", "irritation", "agitation", "anxiety_after")
_NAMESPACE = uuid.UUID("6f1c7d52-9a4e-4c1e-8f1f-0d7a1b2c3e4f")


def demo_id(kind: str, name: str) -> str:
    """A stable id for a demo partner or tag, as the database would give it one."""
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{name}"))


def demo_checkins_frame(checkins: list[DemoCheckIn], *, time_zone: str = "UTC") -> pd.DataFrame:
    """The columns of checkins.selectors.checkins_dataframe that the exposure reads,
    scored by the check-ins app's own scoring."""
    zone = zoneinfo.ZoneInfo(time_zone)
    rows = [
        {
            "taken_at": checkin.taken_at,
            "instrument": checkin.instrument,
            "total": score(instrument_for(checkin.instrument), list(checkin.answers))[0],
        }
        for checkin in checkins
    ]
    frame = pd.DataFrame(rows, columns=["taken_at", "instrument", "total"])
    frame["taken_at"] = pd.to_datetime(frame["taken_at"], utc=True).dt.tz_convert(zone)
    frame["total"] = frame["total"].astype("int64")
    return frame


def demo_journal(
    generated: list[DemoEntry],
    *,
    threshold: int = 2,
    time_zone: str = "UTC",
    checkins: list[DemoCheckIn] | None = None,
) -> JournalFrame:
    """With `checkins`, their factors are joined on as insights.journal does for
    a person's check-ins (checkins.exposure.recent_high_flags)."""
    zone = zoneinfo.ZoneInfo(time_zone)
    partner_names = {demo_id("partner", e.partner): e.partner for e in generated if e.partner}
    tag_names = {demo_id("tag", name): name for e in generated for name in e.tags}
    rows = []
    for index, item in enumerate(generated):
        row = {name: item.fields.get(name) for name in ENTRY_COLUMNS}
        row["id"] = str(uuid.UUID(int=index + 1))
        row["occurred_at"] = item.occurred_at
        row["partner_id"] = demo_id("partner", item.partner) if item.partner else None
        row["partner__nickname"] = item.partner
        row["orgasm"] = item.fields.get("orgasm") or None  # the selector reads "" as unknown
        row["coping"] = list(item.fields.get("coping") or [])
        row["tags"] = [demo_id("tag", name) for name in item.tags]
        rows.append(row)
    frame = pd.DataFrame(rows, columns=[*ENTRY_COLUMNS, "tags"]).rename(
        columns={"partner__nickname": "partner"}
    )
    for name in NULLABLE_INTS:
        frame[name] = frame[name].astype("Int64")
    for name in NULLABLE_BOOLEANS:
        frame[name] = frame[name].astype("boolean")
    frame["occurred_at"] = pd.to_datetime(frame["occurred_at"], utc=True).dt.tz_convert(zone)
    frame["local_date"] = frame["occurred_at"].dt.date
    frame["peak"] = frame[list(EMOTIONS)].max(axis=1)
    frame["is_episode"] = frame["cried"].astype(bool) | (frame["peak"] >= threshold)
    if checkins and not frame.empty:
        flags = recent_high_flags(frame["occurred_at"], demo_checkins_frame(checkins))
        frame = frame.join(flags)
    return JournalFrame(frame, tag_names, partner_names, threshold, time_zone)
