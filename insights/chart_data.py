"""Each chart fed with one user's data for a period: the Django side of `insights.charts`.

The chart functions stay pure; this module reads through the selectors (entries, the
analysis report, check-ins) and hands them DataFrames. Caching is the caller's concern
(`pct_journal.chart_cache`).
"""

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from django.contrib.auth.models import User

from checkins.selectors import checkins_dataframe
from insights import charts
from insights.charts import ChartSummary
from insights.journal_cache import journal_frame
from insights.journal_report import journal_report
from pct_journal import chart_cache
from pct_journal.date_range import DateRange

CHART_NAMES = ("trend", "emotions", "factors", "calendar", "checkins")


@dataclass(frozen=True)
class _EntryChart:
    render: Callable[..., bytes]
    summarise: Callable[..., ChartSummary]


# The charts drawn from the entries alone.
_ENTRY_CHARTS = {
    "trend": _EntryChart(charts.render_trend_svg, charts.trend_summary),
    "emotions": _EntryChart(charts.render_emotions_svg, charts.emotions_summary),
    "calendar": _EntryChart(charts.render_calendar_svg, charts.calendar_summary),
}


def checkins_frame(user: User, dates: DateRange) -> pd.DataFrame:
    """The user's check-ins in the period: the one place charts touch the check-ins app."""
    return checkins_dataframe(user, dates)


def checkins_fingerprint(user: User, dates: DateRange, *, data_version: int, today: dt.date) -> str:
    """A digest of everything the check-ins chart draws: the period's check-ins, with
    their times in the person's time zone. The chart view keys that chart on it rather
    than on the data version, which every logged entry bumps, so logging an entry does
    not draw the same check-ins again (reading them is a small query; drawing them is
    the cost of a whole chart). The digest itself is kept per data version: revisiting
    the page then costs a cache read, not a query and a hash."""
    key = chart_cache.chart_cache_key(
        "checkins-digest", user=user, data_version=data_version, name="", dates=dates, today=today
    )
    return chart_cache.cached(key, lambda: _checkins_digest(user, dates))


def chart_version(
    name: str, *, user: User, dates: DateRange, data_version: int, today: dt.date
) -> int | str:
    """What chart `name`'s picture, text and table depend on, for their cache keys: the
    data version, or for the check-ins chart the digest of its check-ins."""
    if name == "checkins":
        return checkins_fingerprint(user, dates, data_version=data_version, today=today)
    return data_version


def _checkins_digest(user: User, dates: DateRange) -> str:
    frame = checkins_frame(user, dates)
    digest = hashlib.sha256(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
    digest.update(f"{list(frame.columns)} {frame['taken_at'].dt.tz}".encode())
    return f"checkins-{digest.hexdigest()[:32]}"


def render_chart(
    name: str,
    *,
    user: User,
    dates: DateRange,
    today: dt.date,
    data_version: int | None = None,
) -> bytes:
    """The SVG of chart `name` (one of CHART_NAMES) for the user's period. With
    `data_version`, the factors chart reuses the cached report (insights.journal_report)."""
    if name == "factors":
        report = journal_report(user, dates, data_version=data_version)
        return charts.render_factors_svg(report.ranked_factors())
    if name == "checkins":
        return charts.render_checkins_svg(checkins_frame(user, dates))
    render = _ENTRY_CHARTS[name].render
    return render(journal_frame(user, dates).entries, date_range=dates, today=today)


def chart_summary(
    name: str,
    *,
    user: User,
    dates: DateRange,
    today: dt.date,
    data_version: int | None = None,
) -> ChartSummary:
    """What a page shows around chart `name`: text alternative, table, empty state.
    With `data_version` it is worked out once per version and then read from the cache."""
    if data_version is None:
        return _chart_summary(name, user=user, dates=dates, today=today)
    version = chart_version(name, user=user, dates=dates, data_version=data_version, today=today)
    key = chart_cache.chart_cache_key(
        "summary", user=user, data_version=version, name=name, dates=dates, today=today
    )
    return chart_cache.cached(
        key,
        lambda: _chart_summary(
            name, user=user, dates=dates, today=today, data_version=data_version
        ),
    )


def _chart_summary(
    name: str,
    *,
    user: User,
    dates: DateRange,
    today: dt.date,
    data_version: int | None = None,
) -> ChartSummary:
    if name == "factors":
        report = journal_report(user, dates, data_version=data_version)
        return charts.factors_summary(report.ranked_factors())
    if name == "checkins":
        return charts.checkins_summary(checkins_frame(user, dates))
    summarise = _ENTRY_CHARTS[name].summarise
    return summarise(journal_frame(user, dates).entries, date_range=dates, today=today)
