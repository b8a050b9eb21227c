"""Each chart fed with one user's data for a period: the Django side of `insights.charts`.

The chart functions stay pure; this module reads through the selectors (entries, the
analysis report, check-ins) and hands them DataFrames. Caching is the caller's concern
(`insights.chart_cache`).
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from django.contrib.auth.models import AbstractBaseUser

from checkins.selectors import checkins_dataframe
from insights import charts
from insights.charts import ChartSummary
from insights.journal_report import journal_report
from insights.selectors import DateRange, entries_dataframe

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


def checkins_frame(user: AbstractBaseUser, dates: DateRange) -> pd.DataFrame:
    """The user's check-ins in the period: the one place charts touch the check-ins app."""
    return checkins_dataframe(user, dates)


def render_chart(name: str, *, user: AbstractBaseUser, dates: DateRange, today: dt.date) -> bytes:
    """The SVG of chart `name` (one of CHART_NAMES) for the user's period."""
    if name == "factors":
        return charts.render_factors_svg(journal_report(user, dates).ranked_factors())
    if name == "checkins":
        return charts.render_checkins_svg(checkins_frame(user, dates))
    render = _ENTRY_CHARTS[name].render
    return render(entries_dataframe(user, dates).entries, date_range=dates, today=today)


def chart_summary(
    name: str, *, user: AbstractBaseUser, dates: DateRange, today: dt.date
) -> ChartSummary:
    """What a page shows around chart `name`: text alternative, table, empty state."""
    if name == "factors":
        return charts.factors_summary(journal_report(user, dates).ranked_factors())
    if name == "checkins":
        return charts.checkins_summary(checkins_frame(user, dates))
    summarise = _ENTRY_CHARTS[name].summarise
    return summarise(entries_dataframe(user, dates).entries, date_range=dates, today=today)
