"""The synthetic journals of `entries.demo` as entry frames, without a database.

Mirrors the columns of `insights.selectors.entries_dataframe` (a test checks they agree),
so the planted-truth tests and the benchmark can run the analysis on thousands of
generated entries in milliseconds.
"""

import uuid
import zoneinfo

import pandas as pd

from entries.demo import DemoEntry
from insights.selectors import ENTRY_COLUMNS, NULLABLE_BOOLEANS, NULLABLE_INTS, Journal

EMOTIONS = ("sadness", "irritation", "agitation", "anxiety_after")
_NAMESPACE = uuid.UUID("6f1c7d52-9a4e-4c1e-8f1f-0d7a1b2c3e4f")


def demo_id(kind: str, name: str) -> str:
    """A stable id for a demo partner or tag, as the database would give it one."""
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{name}"))


def demo_journal(
    generated: list[DemoEntry], *, threshold: int = 2, time_zone: str = "UTC"
) -> Journal:
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
    return Journal(frame, tag_names, partner_names, threshold, time_zone)
