"""Entries and episodes per week or month, with the episode rate as a line."""

import datetime as dt
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from django.utils.translation import gettext, gettext_lazy, ngettext, pgettext
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

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
    long_label,
    long_labels,
    short_label,
    tick_positions,
)
from insights.charts.summary import ChartSummary, ChartTable, empty_summary, percent

if TYPE_CHECKING:
    from pct_journal.date_range import DateRange

NAME = "trend"
TITLE = gettext_lazy("Entries and episodes over time")
EMPTY_MESSAGE = gettext_lazy(
    "No entries in this period yet. Log every experience, the calm ones too, "
    "and your entries and episode rate show here week by week."
)


def trend_frame(entries: pd.DataFrame, span: Span) -> pd.DataFrame:
    """One row per week or month of the span: entries, episodes, rate (NaN without entries)."""
    days = local_days(entries)
    inside = in_span(days, span)
    buckets = bucket_indexes(days[inside], span)
    periods = bucket_periods(span)
    episodes_inside = entries["is_episode"].to_numpy(dtype=bool)[inside]
    counts = np.bincount(buckets, minlength=len(periods))
    episodes = np.bincount(buckets[episodes_inside], minlength=len(periods))
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = np.where(counts > 0, episodes / counts, np.nan)
    return pd.DataFrame(
        {"entries": counts.astype("int64"), "episodes": episodes.astype("int64"), "rate": rate},
        index=periods,
    )


def trend_summary(
    entries: pd.DataFrame, *, date_range: "DateRange", today: dt.date
) -> ChartSummary:
    span = chart_span(date_range, entries["local_date"], today=today)
    if span is None:
        return empty_summary(NAME, TITLE, EMPTY_MESSAGE)
    return _summary(trend_frame(entries, span), span)


def render_trend_svg(entries: pd.DataFrame, *, date_range: "DateRange", today: dt.date) -> bytes:
    span = chart_span(date_range, entries["local_date"], today=today)
    if span is None:
        return render_empty_svg(title=TITLE, message=EMPTY_MESSAGE)
    frame = trend_frame(entries, span)
    summary = _summary(frame, span)
    return render_svg(
        lambda figure: _draw(figure, frame, span.bucket),
        height=3.2,
        title=str(TITLE),
        description=summary.description,
    )


def _summary(frame: pd.DataFrame, span: Span) -> ChartSummary:
    bucket = span.bucket
    total, episodes = int(frame["entries"].sum()), int(frame["episodes"].sum())
    weekly = bucket == "week"
    values = {
        "period": span.label(),
        "entries": ngettext("%(count)s entry", "%(count)s entries", total) % {"count": total},
        "episodes": episodes,
        "share": percent(episodes, total),
    }
    if weekly:
        description = gettext(
            "%(period)s, per week: %(entries)s, %(episodes)s followed by an episode (%(share)s)."
        )
    else:
        description = gettext(
            "%(period)s, per month: %(entries)s, %(episodes)s followed by an episode (%(share)s)."
        )
    description %= values
    if episodes:
        peak = frame["episodes"].idxmax()
        row = frame.loc[peak]
        count = int(row["entries"])
        most = {"most": int(row["episodes"]), "when": long_label(peak, span), "count": count}
        if weekly:
            peak_text = ngettext(
                "The most episodes in one week was %(most)s (%(when)s: %(most)s of %(count)s "
                "entry).",
                "The most episodes in one week was %(most)s (%(when)s: %(most)s of %(count)s "
                "entries).",
                count,
            )
        else:
            peak_text = ngettext(
                "The most episodes in one month was %(most)s (%(when)s: %(most)s of %(count)s "
                "entry).",
                "The most episodes in one month was %(most)s (%(when)s: %(most)s of %(count)s "
                "entries).",
                count,
            )
        description = f"{description} {peak_text % most}"
    rows = tuple(
        (
            label,
            str(int(row["entries"])),
            str(int(row["episodes"])),
            percent(int(row["episodes"]), int(row["entries"])),
        )
        for label, row in zip(long_labels(frame.index, span), frame.to_dict("records"), strict=True)
    )
    if weekly:
        caption = gettext("Entries and episodes per week, %(period)s")
    else:
        caption = gettext("Entries and episodes per month, %(period)s")
    table = ChartTable(
        caption % {"period": span.label()},
        (
            gettext("Week") if weekly else gettext("Month"),
            gettext("Entries"),
            gettext("Episodes"),
            gettext("Episode rate"),
        ),
        rows,
    )
    return ChartSummary(NAME, str(TITLE), description, table)


def _draw(figure: Figure, frame: pd.DataFrame, bucket: str) -> None:
    axes = figure.add_subplot()
    style_axes(axes, grid_axis=None)
    positions = np.arange(len(frame))
    # Episodes are a part of the entries, so their bar stands inside the entries' bar.
    # One collection per series, not an artist per bar: years of monthly bars stay quick.
    for column, width in (("entries", 0.8), ("episodes", 0.46)):
        axes.add_collection(
            PolyCollection(
                # An (n, 4, 2) array is a sequence of polygons; the stubs want a list.
                _bars(positions, frame[column].to_numpy(), width),  # type: ignore[arg-type]
                facecolors=colour(column),
                edgecolors="none",
                gid=f"trend-{column}",
            )
        )
    entries_top = max(1, int(frame["entries"].max())) * 1.05
    axes.set_ylim(0, entries_top)
    axes.set_xlim(-0.6, len(frame) - 0.4)
    counts = MaxNLocator(nbins=4, integer=True).tick_values(0, entries_top)
    counts = [count for count in counts if 0 <= count <= entries_top]
    axis_labels(axes, counts, [f"{count:.0f}" for count in counts], side="left", grid=True)
    ticks = tick_positions(len(frame))
    axis_labels(axes, ticks, [short_label(frame.index[i], bucket) for i in ticks])

    # The rate on the same axes, scaled so that its own top (20% to 100%) is the top of
    # the plot, with its percentages on the right: a second, twin axes drew the same.
    top = _rate_axis_top(frame["rate"].max())
    scale = entries_top / (top * 1.05)
    axes.plot(
        positions,
        frame["rate"] * 100 * scale,
        color=colour("rate"),
        linewidth=1.8,
        marker="o",
        markersize=4.5,
        markeredgecolor=colour("halo"),
        markeredgewidth=0.8,
        gid="trend-rate",
    )
    rates = [0, top / 2, top]
    axis_labels(
        axes,
        [rate * scale for rate in rates],
        [f"{rate:.0f}%" for rate in rates],
        side="right",
        colours=[colour("rate")] * len(rates),
    )

    handles = [
        Patch(color=colour("entries"), label=pgettext("chart legend", "entries")),
        Patch(color=colour("episodes"), label=pgettext("chart legend", "episodes")),
        Line2D(
            [],
            [],
            color=colour("rate"),
            marker="o",
            markersize=4.5,
            label=pgettext("chart legend", "episode rate"),
        ),
    ]
    figure_legend(figure, handles, ncol=3, handlelength=1.4)
    figure.subplots_adjust(left=0.09, right=0.88, top=0.86, bottom=0.11)


def _bars(positions: np.ndarray, heights: np.ndarray, width: float) -> np.ndarray:
    """The four corners of each bar, for a PolyCollection."""
    left, right = positions - width / 2, positions + width / 2
    bottom = np.zeros_like(heights, dtype=float)
    return np.stack(
        [
            np.column_stack([left, bottom]),
            np.column_stack([right, bottom]),
            np.column_stack([right, heights]),
            np.column_stack([left, heights]),
        ],
        axis=1,
    )


def _rate_axis_top(highest_rate: float) -> float:
    """20%, 40%, 60% or 100%: room above the highest rate without flattening a low line."""
    highest = 0 if np.isnan(highest_rate) else highest_rate * 100
    return next(top for top in (20, 40, 60, 100) if highest <= top * 0.9 or top == 100)
