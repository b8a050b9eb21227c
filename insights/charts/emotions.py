"""How strong sadness, irritation, agitation and anxiety were afterwards, over time.

Each point is a rolling mean: the average over every entry in that week (or month) and
the ones just before it, which steadies a line drawn from a few entries a week. The
times the person cried are marked on their own row, at the day they happened.
"""

import datetime as dt
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy, ngettext
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from insights.charts.figure import axis_labels, render_empty_svg, render_svg, style_axes
from insights.charts.palette import colour
from insights.charts.periods import (
    Span,
    bucket_of,
    bucket_periods,
    chart_span,
    long_labels,
    short_label,
    tick_positions,
)
from insights.charts.summary import ChartSummary, ChartTable, empty_summary, one_decimal

if TYPE_CHECKING:
    from pct_journal.date_range import DateRange

NAME = "emotions"
TITLE = gettext_lazy("How you felt afterwards")
EMPTY_MESSAGE = gettext_lazy(
    "No entries in this period yet. Once you log how you felt afterwards, "
    "sadness, irritation, agitation and anxiety show here over time."
)
# (column, label, line style, marker): styles and markers differ too, not only colours.
EMOTIONS = (
    ("sadness", gettext_lazy("sadness"), "-", "o"),
    ("irritation", gettext_lazy("irritation"), (0, (5, 2)), "s"),
    ("agitation", gettext_lazy("agitation"), (0, (1, 1.6)), "^"),
    ("anxiety_after", gettext_lazy("anxiety"), (0, (6, 2, 1.5, 2)), "D"),
)
ROLLING_BUCKETS = {"week": 3, "month": 2}
SCALE_WORDS = (
    gettext_lazy("none"),
    gettext_lazy("mild"),
    gettext_lazy("moderate"),
    gettext_lazy("strong"),
    gettext_lazy("severe"),
)
BUCKET_WORDS = {"week": gettext_lazy("Week"), "month": gettext_lazy("Month")}
CRIED_ROW = -0.55


def emotions_frame(entries: pd.DataFrame, span: Span) -> pd.DataFrame:
    """Per week or month: entries, times cried, and the rolling mean of each emotion."""
    dates = entries["local_date"]
    inside = entries[(dates >= span.start) & (dates <= span.end)]
    buckets = bucket_of(inside["local_date"], span)
    periods = bucket_periods(span)
    columns = [column for column, *_ in EMOTIONS]
    sums = inside[columns].astype(float).groupby(buckets).sum().reindex(periods, fill_value=0)
    counts = inside.groupby(buckets).size().reindex(periods, fill_value=0)
    window = ROLLING_BUCKETS[span.bucket]
    rolling_counts = counts.rolling(window, min_periods=1).sum()
    frame = (
        sums.rolling(window, min_periods=1)
        .sum()
        .div(rolling_counts.where(rolling_counts > 0), axis=0)
    )
    frame.insert(0, "entries", counts.astype(int))
    frame.insert(
        1,
        "cried",
        inside["cried"]
        .astype(bool)
        .groupby(buckets)
        .sum()
        .reindex(periods, fill_value=0)
        .astype(int),
    )
    return frame


def cried_positions(entries: pd.DataFrame, span: Span) -> np.ndarray:
    """Where each time the person cried sits on the bar axis, at its own day."""
    dates = entries["local_date"]
    cried = entries[(dates >= span.start) & (dates <= span.end) & entries["cried"].astype(bool)]
    if cried.empty:
        return np.array([])
    periods = bucket_periods(span)
    buckets = bucket_of(cried["local_date"], span)
    index = periods.get_indexer(pd.PeriodIndex(buckets))
    starts = pd.PeriodIndex(buckets).start_time
    lengths = np.array(
        [period.days_in_month if span.bucket == "month" else 7 for period in buckets]
    )
    offsets = (pd.to_datetime(cried["local_date"]).to_numpy() - starts.to_numpy()) / np.timedelta64(
        1, "D"
    )
    return index - 0.5 + (offsets + 0.5) / lengths


def emotions_summary(
    entries: pd.DataFrame, *, date_range: "DateRange", today: dt.date
) -> ChartSummary:
    span = chart_span(date_range, entries["local_date"], today=today)
    if span is None:
        return empty_summary(NAME, TITLE, EMPTY_MESSAGE)
    return _summary(entries, emotions_frame(entries, span), span)


def render_emotions_svg(entries: pd.DataFrame, *, date_range: "DateRange", today: dt.date) -> bytes:
    span = chart_span(date_range, entries["local_date"], today=today)
    if span is None:
        return render_empty_svg(title=TITLE, message=EMPTY_MESSAGE)
    frame = emotions_frame(entries, span)
    summary = _summary(entries, frame, span)
    crying = cried_positions(entries, span)
    return render_svg(
        lambda figure: _draw(figure, frame, crying, span.bucket),
        height=3.4,
        title=str(TITLE),
        description=summary.description,
    )


def _summary(entries: pd.DataFrame, frame: pd.DataFrame, span: Span) -> ChartSummary:
    bucket, window = span.bucket, ROLLING_BUCKETS[span.bucket]
    dates = entries["local_date"]
    inside = entries[(dates >= span.start) & (dates <= span.end)]
    averages = ", ".join(
        f"{label} {one_decimal(inside[column].astype(float).mean())}"
        for column, label, *_ in EMOTIONS
    )
    cried = int(frame["cried"].sum())
    description = gettext(
        "%(period)s, on the scale from 0 (none) to 4 (severe): over %(entries)s the averages "
        "were %(averages)s. You cried after %(cried)s of them."
    ) % {
        "period": span.label(),
        "entries": ngettext("%(count)s entry", "%(count)s entries", len(inside))
        % {"count": len(inside)},
        "averages": averages,
        "cried": cried,
    }
    before = window - 1
    if bucket == "week":
        rolling = ngettext(
            "Each point averages the entries of that week and the week before it.",
            "Each point averages the entries of that week and the %(count)s weeks before it.",
            before,
        )
        caption = gettext(
            "Rolling average of each feeling per week (0 none to 4 severe), %(period)s"
        )
    else:
        rolling = ngettext(
            "Each point averages the entries of that month and the month before it.",
            "Each point averages the entries of that month and the %(count)s months before it.",
            before,
        )
        caption = gettext(
            "Rolling average of each feeling per month (0 none to 4 severe), %(period)s"
        )
    description = f"{description} {rolling % {'count': before}}"
    rows = tuple(
        (
            label,
            str(int(row["entries"])),
            *(one_decimal(row[column]) for column, *_ in EMOTIONS),
            str(int(row["cried"])),
        )
        for label, row in zip(long_labels(frame.index, span), frame.to_dict("records"), strict=True)
    )
    table = ChartTable(
        caption % {"period": span.label()},
        (
            str(BUCKET_WORDS[bucket]),
            gettext("Entries"),
            *(str(capfirst(label)) for _, label, *_ in EMOTIONS),
            gettext("Cried"),
        ),
        rows,
    )
    return ChartSummary(NAME, str(TITLE), description, table)


def _draw(figure: Figure, frame: pd.DataFrame, crying: np.ndarray, bucket: str) -> None:
    axes = figure.add_subplot()
    style_axes(axes, grid_axis=None)
    positions = np.arange(len(frame))
    handles = []
    for column, label, linestyle, marker in EMOTIONS:
        (line,) = axes.plot(
            positions,
            frame[column],
            color=colour(column.removesuffix("_after")),
            linestyle=linestyle,
            linewidth=1.8,
            marker=marker,
            markersize=3.6,
            label=str(label),
            gid=f"emotions-{column}",
        )
        handles.append(line)
    axes.scatter(
        crying,
        np.full(len(crying), CRIED_ROW),
        marker="v",
        s=22,
        color=colour("episodes"),
        edgecolors=colour("halo"),
        linewidths=0.5,
        gid="emotions-cried",
        zorder=3,
    )
    handles.append(
        Line2D(
            [], [], color=colour("episodes"), marker="v", linestyle="none", label=gettext("cried")
        )
    )
    # Up to "moderate" at least, higher only when a line gets there: calm journals keep
    # their detail, and the words on the axis say what each height means.
    highest = frame[[column for column, *_ in EMOTIONS]].max().max()
    top = int(min(4, max(2, np.ceil(0 if np.isnan(highest) else highest))))
    axes.set_ylim(CRIED_ROW - 0.35, top + 0.15)
    axes.set_xlim(-0.6, len(frame) - 0.4)
    axis_labels(
        axes,
        [CRIED_ROW, *range(top + 1)],
        [gettext("cried"), *(str(word) for word in SCALE_WORDS[: top + 1])],
        side="left",
        colours=[colour("muted"), *[colour("ink")] * (top + 1)],
        grid=True,
    )
    ticks = tick_positions(len(frame))
    axis_labels(axes, ticks, [short_label(frame.index[i], bucket) for i in ticks])
    figure.legend(handles=handles, loc="upper center", ncol=3, handlelength=2.2, columnspacing=1.2)
    figure.subplots_adjust(left=0.21, right=0.97, top=0.8, bottom=0.1)
