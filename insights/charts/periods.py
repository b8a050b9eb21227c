"""The days a chart covers and how they are grouped into weeks or months."""

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from django.utils.formats import date_format
from django.utils.translation import pgettext

from insights.charts.summary import day, day_and_month, full_month, month, month_and_year

if TYPE_CHECKING:  # the charts stay free of the database layer; only the type is borrowed
    from pct_journal.date_range import DateRange

# Up to about half a year, weekly bars; beyond that, monthly ones. Keeps a phone-width
# chart between 4 and 27 bars for every preset.
WEEKLY_UP_TO_DAYS = 190
LEAD_DAYS = 365


@dataclass(frozen=True)
class Span:
    """Inclusive calendar days in the user's time zone."""

    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def bucket(self) -> str:
        return "week" if self.days <= WEEKLY_UP_TO_DAYS else "month"

    def label(self) -> str:
        if self.start.year == self.end.year:
            return f"{day_and_month(self.start)} – {day(self.end)}"
        return f"{day(self.start)} – {day(self.end)}"


def chart_span(date_range: "DateRange", local_dates: pd.Series, *, today: dt.date) -> Span | None:
    """Fill in an open-ended range from the entries (start) and today (end).

    None when there is nothing to draw: no entry falls inside the range.
    """
    inside = local_dates
    if date_range.start:
        inside = inside[inside >= date_range.start]
    if date_range.end:
        inside = inside[inside <= date_range.end]
    if inside.empty:
        return None
    first = min(inside)
    # A period reaching far back before the first entry (say "since 1900") shows at most
    # a year of empty time before it. The end is today, or the last entry if that is
    # later (a clock a little ahead): never further, so an end far in the future cannot
    # make a chart of thousands of empty years.
    start = (
        max(date_range.start, first - dt.timedelta(days=LEAD_DAYS)) if date_range.start else first
    )
    latest = max(today, max(inside))
    end = min(date_range.end, latest) if date_range.end else latest
    return Span(start, end)


def bucket_frequency(span: Span) -> str:
    # Weeks are the 7-day stretches counted back from the span's last day, so the latest
    # bar is a whole week (not a Monday's worth of a calendar week that looks like a
    # sudden drop); months are calendar months.
    return f"W-{span.end:%a}".upper() if span.bucket == "week" else "M"


def bucket_periods(span: Span) -> pd.PeriodIndex:
    return pd.period_range(span.start, span.end, freq=bucket_frequency(span))


def local_days(entries: pd.DataFrame) -> np.ndarray:
    """Each entry's calendar day in the person's time zone, as numpy days.

    `local_date` holds them as date objects; when the frame has the zone-aware
    `occurred_at` they are derived from (insights.selectors), its local wall-clock time
    cut to the day gives the same days without a Python object each."""
    occurred_at = entries.get("occurred_at")
    if occurred_at is not None and isinstance(occurred_at.dtype, pd.DatetimeTZDtype):
        return occurred_at.array.tz_localize(None).to_numpy().astype("datetime64[D]")
    return np.array(entries["local_date"].tolist(), dtype="datetime64[D]").reshape(-1)


def in_span(days: np.ndarray, span: Span) -> np.ndarray:
    """Which of the days fall inside the span."""
    return (days >= np.datetime64(span.start, "D")) & (days <= np.datetime64(span.end, "D"))


def bucket_indexes(days: np.ndarray, span: Span) -> np.ndarray:
    """The position in bucket_periods(span) of each day's week or month (days inside
    the span), as integer arithmetic on the days rather than a pandas Period each."""
    if span.bucket == "week":
        # Each week ends on the span's last weekday; the first ends on the first such
        # day on or after the span's start.
        first_end = np.datetime64(span.start, "D") + (span.end - span.start).days % 7
        offsets = (days - first_end).astype("int64")
        return -(-offsets // 7)  # ceiling division: the week whose end is on or after
    months = days.astype("datetime64[M]").astype("int64")
    return months - np.datetime64(span.start, "M").astype("int64")


def short_label(period: pd.Period, bucket: str) -> str:
    """A tick label: "3 Mar" for the week from 3 March, "Mar" (or "Jan 2026")."""
    start = period.start_time.date()
    if bucket == "week":
        return day_and_month(start)
    return month_and_year(start) if start.month == 1 else month(start)


def long_labels(periods: pd.PeriodIndex, span: Span) -> list[str]:
    """Each period's table row label: "3 – 9 Mar 2026", "28 Feb – 6 Mar 2026" or
    "March 2026". A week cut off by the span's first day is labelled with the days it
    covers. The periods' first and last days are worked out for all of them at once."""
    starts, ends = periods.start_time.date, periods.end_time.date
    return [_long_label(start, end, span) for start, end in zip(starts, ends, strict=True)]


def long_label(period: pd.Period, span: Span) -> str:
    return _long_label(period.start_time.date(), period.end_time.date(), span)


def _long_label(start: dt.date, end: dt.date, span: Span) -> str:
    if span.bucket == "month":
        return full_month(start)
    start = max(start, span.start)
    if start == end:
        return day(start)
    if start.month == end.month:
        # Translators: the first day of a week whose month follows, "3" of "3 – 9 Mar 2026".
        first_day = date_format(start, pgettext("chart week start", "j"))
        return f"{first_day} – {day(end)}"
    if start.year == end.year:
        return f"{day_and_month(start)} – {day(end)}"
    return f"{day(start)} – {day(end)}"


def tick_positions(count: int, *, most: int = 6) -> list[int]:
    """Evenly spaced bar indexes to label, always including the last one."""
    if count <= most:
        return list(range(count))
    step = -(-count // most)  # ceiling division
    positions = list(range(count - 1, -1, -step))
    return sorted(positions)
