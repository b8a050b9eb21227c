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
from insights.charts.legend import figure_legend
from insights.charts.palette import colour
from insights.charts.periods import (
    Span,
    bucket_indexes,
    bucket_periods,
    chart_span,
    in_span,
    local_days,
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


def _rolling_sum(values: np.ndarray, window: int) -> np.ndarray:
    """The sum over each row and the window - 1 rows before it (fewer at the start),
    along the first axis: pandas' rolling(window, min_periods=1).sum()."""
    totals = np.cumsum(values, axis=0)
    before = np.zeros_like(totals)
    before[window:] = totals[:-window]
    return totals - before


def emotions_frame(entries: pd.DataFrame, span: Span) -> pd.DataFrame:
    """Per week or month: entries, times cried, and the rolling mean of each emotion.

    Counted with numpy on integer scores, so every sum is exact and the means are the
    ones pandas' grouped rolling means gave."""
    days = local_days(entries)
    inside = in_span(days, span)
    buckets = bucket_indexes(days[inside], span)
    periods = bucket_periods(span)
    size = len(periods)
    columns = [column for column, *_ in EMOTIONS]
    counts = np.bincount(buckets, minlength=size)
    sums = np.column_stack(
        [
            np.bincount(
                buckets, weights=entries[column].to_numpy(dtype="float64")[inside], minlength=size
            )
            for column in columns
        ]
    ).reshape(size, len(columns))
    cried = np.bincount(buckets[entries["cried"].to_numpy(dtype=bool)[inside]], minlength=size)
    window = ROLLING_BUCKETS[span.bucket]
    rolling_counts = _rolling_sum(counts.astype("float64"), window)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = (
            _rolling_sum(sums, window)
            / np.where(rolling_counts > 0, rolling_counts, np.nan)[:, None]
        )
    frame = pd.DataFrame(means, index=periods, columns=columns)
    frame.insert(0, "entries", counts.astype("int64"))
    frame.insert(1, "cried", cried.astype("int64"))
    return frame


def cried_positions(entries: pd.DataFrame, span: Span) -> np.ndarray:
    """Where each time the person cried sits on the bar axis, at its own day."""
    days = local_days(entries)
    cried = days[in_span(days, span) & entries["cried"].to_numpy(dtype=bool)]
    if not len(cried):
        return np.array([])
    index = bucket_indexes(cried, span)
    if span.bucket == "month":
        starts = cried.astype("datetime64[M]").astype("datetime64[D]")
        lengths = ((starts.astype("datetime64[M]") + 1).astype("datetime64[D]") - starts).astype(
            "int64"
        )
    else:
        # The week that ends on or after the day, seven days long.
        first_end = np.datetime64(span.start, "D") + (span.end - span.start).days % 7
        starts = first_end + 7 * index - 6
        lengths = np.full(len(cried), 7)
    offsets = (cried - starts).astype("int64")
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


def _mean(values: np.ndarray) -> float | None:
    return float(values.sum() / len(values)) if len(values) else None


def _summary(entries: pd.DataFrame, frame: pd.DataFrame, span: Span) -> ChartSummary:
    bucket, window = span.bucket, ROLLING_BUCKETS[span.bucket]
    inside = in_span(local_days(entries), span)
    count = int(np.count_nonzero(inside))
    averages = ", ".join(
        f"{label} {one_decimal(_mean(entries[column].to_numpy(dtype='float64')[inside]))}"
        for column, label, *_ in EMOTIONS
    )
    cried = int(frame["cried"].sum())
    description = gettext(
        "%(period)s, on the scale from 0 (none) to 4 (severe): over %(entries)s the averages "
        "were %(averages)s. You cried after %(cried)s of them."
    ) % {
        "period": span.label(),
        "entries": ngettext("%(count)s entry", "%(count)s entries", count) % {"count": count},
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
    figure_legend(figure, handles, ncol=3, handlelength=2.2, columnspacing=1.2)
    figure.subplots_adjust(left=0.21, right=0.97, top=0.8, bottom=0.1)
