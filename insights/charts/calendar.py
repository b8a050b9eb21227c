"""A calendar of the days with entries: one row per month, one square per day.

Rows of months (rather than a year-wide strip of weeks) keep the squares large enough to
read on a phone however long the range is: the chart grows downwards instead.
"""

import datetime as dt
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from django.utils.translation import gettext, gettext_lazy, ngettext
from matplotlib.artist import Artist
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.path import Path

from insights.charts.figure import WIDTH, axis_labels, render_empty_svg, render_svg, style_axes
from insights.charts.legend import figure_legend
from insights.charts.palette import colour
from insights.charts.periods import Span, chart_span, in_span, local_days
from insights.charts.summary import (
    ChartSummary,
    ChartTable,
    empty_summary,
    month,
    month_and_year,
    weekday_and_day,
)

if TYPE_CHECKING:
    from pct_journal.date_range import DateRange

NAME = "calendar"
TITLE = gettext_lazy("Days with entries")
EMPTY_MESSAGE = gettext_lazy(
    "No entries in this period yet. Each day you log something shows here as a "
    "coloured square, with a dot on the days an episode followed."
)
LEVELS = ("cell0", "cell1", "cell2", "cell3")  # 0, 1, 2, 3 or more entries that day
CELL = 0.84  # share of a day column a square fills
# Month rows are a little taller than day columns are wide, so that the month names
# beside them have room to breathe; the squares stay square.
ROW_STRETCH = 1.35
# Inches: margins around the grid, and its width (the figure's width minus the labels).
LEFT, RIGHT, TOP, BOTTOM = 0.68, 0.06, 0.78, 0.06
X_UNITS = 31.2  # the grid spans days 0.4 to 31.6
MAX_MONTHS = 24


def calendar_span(span: Span) -> Span:
    """The latest MAX_MONTHS of the span: beyond that a calendar is too tall to read."""
    year, month = span.end.year, span.end.month - (MAX_MONTHS - 1)
    while month < 1:
        year, month = year - 1, month + 12
    return Span(max(span.start, dt.date(year, month, 1)), span.end)


def days_frame(entries: pd.DataFrame, span: Span) -> pd.DataFrame:
    """Every day of the span: entries and episodes that day."""
    days = local_days(entries)
    inside = in_span(days, span)
    offsets = (days[inside] - np.datetime64(span.start, "D")).astype("int64")
    episodes = entries["is_episode"].to_numpy(dtype=bool)[inside]
    index = pd.Index([span.start + dt.timedelta(days=n) for n in range(span.days)])
    return pd.DataFrame(
        {
            "entries": np.bincount(offsets, minlength=span.days).astype("int64"),
            "episodes": np.bincount(offsets[episodes], minlength=span.days).astype("int64"),
        },
        index=index,
    )


def calendar_summary(
    entries: pd.DataFrame, *, date_range: "DateRange", today: dt.date
) -> ChartSummary:
    span = chart_span(date_range, entries["local_date"], today=today)
    if span is None:
        return empty_summary(NAME, TITLE, EMPTY_MESSAGE)
    shown = calendar_span(span)
    return _summary(days_frame(entries, shown), shown, cut=shown != span)


def render_calendar_svg(entries: pd.DataFrame, *, date_range: "DateRange", today: dt.date) -> bytes:
    span = chart_span(date_range, entries["local_date"], today=today)
    if span is None:
        return render_empty_svg(title=TITLE, message=EMPTY_MESSAGE)
    shown = calendar_span(span)
    frame = days_frame(entries, shown)
    months = _months(shown)
    step = (WIDTH - LEFT - RIGHT) / X_UNITS * ROW_STRETCH
    return render_svg(
        lambda figure: _draw(figure, frame, months),
        height=TOP + BOTTOM + step * len(months),
        title=str(TITLE),
        description=_summary(frame, shown, cut=shown != span).description,
    )


def _months(span: Span) -> list[tuple[int, int]]:
    months, year, month = [], span.start.year, span.start.month
    while (year, month) <= (span.end.year, span.end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _summary(frame: pd.DataFrame, span: Span, *, cut: bool) -> ChartSummary:
    logged = frame[frame["entries"] > 0]
    episode_days = int((frame["episodes"] > 0).sum())
    period = span.label()
    if cut:
        period = gettext("%(period)s (the latest %(months)s months of the period)") % {
            "period": period,
            "months": MAX_MONTHS,
        }
    days = ngettext(
        "entries on %(logged)s of %(count)s day",
        "entries on %(logged)s of %(count)s days",
        span.days,
    ) % {"logged": len(logged), "count": span.days}
    episodes = ngettext(
        "an episode followed on %(count)s day",
        "an episode followed on %(count)s days",
        episode_days,
    ) % {"count": episode_days}
    description = gettext(
        "%(period)s: %(days)s; %(episodes)s. The most entries in one day was %(most)s."
    ) % {"period": period, "days": days, "episodes": episodes, "most": int(frame["entries"].max())}
    rows = tuple(
        (weekday_and_day(day), str(entries), str(episodes))
        for day, entries, episodes in zip(
            logged.index, logged["entries"].tolist(), logged["episodes"].tolist(), strict=True
        )
    )
    table = ChartTable(
        gettext("Days with entries, %(period)s") % {"period": span.label()},
        (gettext("Day"), gettext("Entries"), gettext("Episodes")),
        rows,
    )
    return ChartSummary(NAME, str(TITLE), description, table)


def _draw(figure: Figure, frame: pd.DataFrame, months: list[tuple[int, int]]) -> None:
    axes = figure.add_subplot()
    style_axes(axes, grid_axis=None)
    axes.spines["bottom"].set_visible(False)
    row_of = {month: row for row, month in enumerate(months)}
    half_width, half_height = CELL / 2, CELL / ROW_STRETCH / 2  # square on the page
    corners = np.array(
        [
            (-half_width, -half_height),
            (half_width, -half_height),
            (half_width, half_height),
            (-half_width, half_height),
        ]
    )
    xs = np.array([day.day for day in frame.index])
    ys = np.array([row_of[(day.year, day.month)] for day in frame.index])
    squares = np.stack([xs, ys], axis=1)[:, None, :] + corners
    # One compound path per colour rather than a path per day: two years of days drawn
    # one by one made this the slowest chart to draw and a 180 KB file.
    levels = np.minimum(frame["entries"].to_numpy(), len(LEVELS) - 1)
    shown = [level for level in range(len(LEVELS)) if (levels == level).any()]
    axes.add_collection(
        PathCollection(
            [Path.make_compound_path_from_polys(squares[levels == level]) for level in shown],
            facecolors=[colour(LEVELS[level]) for level in shown],
            edgecolors="none",
            gid="calendar-days",
        )
    )
    episode_days = frame["episodes"].to_numpy() > 0
    episode_x, episode_y = xs[episode_days], ys[episode_days]
    axes.scatter(
        episode_x,
        episode_y,
        s=16,
        color=colour("episodes"),
        edgecolors=colour("halo"),
        linewidths=0.9,
        gid="calendar-episodes",
        zorder=3,
    )
    axes.set_xlim(0.4, 0.4 + X_UNITS)
    axes.set_ylim(len(months) - 0.5, -0.5)  # the first month at the top
    days = [1, 5, 10, 15, 20, 25, 31]
    axis_labels(axes, days, [str(day) for day in days], side="top")
    axis_labels(
        axes,
        np.arange(len(months)),
        [
            month_and_year(dt.date(year, number, 1))
            if row == 0 or number == 1
            else month(dt.date(year, number, 1))
            for row, (year, number) in enumerate(months)
        ],
        side="left",
        fontsize=8.5,
    )
    handles: list[Artist] = [
        Patch(color=colour(level), label=label)
        for level, label in zip(LEVELS, (gettext("none"), "1", "2", "3+"), strict=True)
    ]
    handles.append(
        Line2D(
            [], [], marker="o", linestyle="none", color=colour("episodes"), label=gettext("episode")
        )
    )
    figure_legend(
        figure,
        handles,
        ncol=5,
        handlelength=1,
        handletextpad=0.4,
        columnspacing=1,
        title=gettext("entries that day"),
        title_fontsize=9,
    )
    height = figure.get_figheight()
    figure.subplots_adjust(
        left=LEFT / WIDTH, right=1 - RIGHT / WIDTH, top=1 - TOP / height, bottom=BOTTOM / height
    )
