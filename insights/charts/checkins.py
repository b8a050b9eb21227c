"""PHQ-9 and GAD-7 scores over time, drawn over their published severity bands.

The bands are shaded in quiet neutral steps (never alarm colours) and named in words, so
the chart reads the same in colour, in grey and aloud.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import matplotlib.dates as mdates
import pandas as pd
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from insights.charts.figure import axis_labels, render_empty_svg, render_svg, style_axes
from insights.charts.palette import colour
from insights.charts.summary import (
    ChartSummary,
    ChartTable,
    day,
    day_and_month,
    empty_summary,
    month,
    month_and_year,
)

NAME = "checkins"
TITLE = gettext_lazy("Wellbeing check-ins")
EMPTY_MESSAGE = gettext_lazy(
    "No check-ins in this period. Take a PHQ-9 (mood) or GAD-7 (anxiety) check-in under "
    "More → Check-ins, and your scores show here over time."
)


@dataclass(frozen=True)
class Instrument:
    key: str
    label: str | Promise  # in the reader's language once shown
    maximum: int
    # (lowest score, name), from the published cut-offs.
    bands: tuple[tuple[int, str | Promise], ...]


INSTRUMENTS = (
    Instrument(
        "phq9",
        gettext_lazy("PHQ-9 (mood)"),
        27,
        (
            (0, gettext_lazy("minimal")),
            (5, gettext_lazy("mild")),
            (10, gettext_lazy("moderate")),
            (15, gettext_lazy("moderately severe")),
            (20, gettext_lazy("severe")),
        ),
    ),
    Instrument(
        "gad7",
        gettext_lazy("GAD-7 (anxiety)"),
        21,
        (
            (0, gettext_lazy("minimal")),
            (5, gettext_lazy("mild")),
            (10, gettext_lazy("moderate")),
            (15, gettext_lazy("severe")),
        ),
    ),
)
PANEL_HEIGHT = 1.75  # inches
DENSE = 40  # check-ins per questionnaire beyond which points are drawn smaller
# Fits beside the plot on a phone.
SHORT_NAMES = {"moderately severe": gettext_lazy("mod. severe")}
# The published band names, as the check-ins store them ("moderately_severe").
BAND_NAMES = {
    "minimal": gettext_lazy("minimal"),
    "mild": gettext_lazy("mild"),
    "moderate": gettext_lazy("moderate"),
    "moderately_severe": gettext_lazy("moderately severe"),
    "severe": gettext_lazy("severe"),
}


def _present(checkins: pd.DataFrame) -> list[tuple[Instrument, pd.DataFrame]]:
    ordered = checkins.sort_values("taken_at")
    panels = []
    for instrument in INSTRUMENTS:
        rows = ordered[ordered["instrument"] == instrument.key]
        if not rows.empty:
            panels.append((instrument, rows))
    return panels


def checkins_summary(checkins: pd.DataFrame) -> ChartSummary:
    panels = _present(checkins)
    if not panels:
        return empty_summary(NAME, TITLE, EMPTY_MESSAGE)
    return _summary(panels)


def render_checkins_svg(checkins: pd.DataFrame) -> bytes:
    """`checkins`: columns taken_at (aware), instrument ("phq9"/"gad7"), total, band."""
    panels = _present(checkins)
    if not panels:
        return render_empty_svg(title=TITLE, message=EMPTY_MESSAGE)
    return render_svg(
        lambda figure: _draw(figure, panels),
        height=0.55 + PANEL_HEIGHT * len(panels),
        title=str(TITLE),
        description=_summary(panels).description,
    )


def _band(key: object) -> str:
    name = BAND_NAMES.get(str(key))
    return str(name) if name else str(key).replace("_", " ")


def _scores_sentence(instrument: Instrument, scores: pd.DataFrame) -> str:
    first, latest = scores.iloc[0], scores.iloc[-1]
    values = {
        "questionnaire": instrument.label,
        "latest": int(latest["total"]),
        "maximum": instrument.maximum,
        "band": _band(latest["band"]),
        "first_day": day(first["taken_at"]),
        "latest_day": day(latest["taken_at"]),
        "count": len(scores),
        "low": int(scores["total"].min()),
        "high": int(scores["total"].max()),
    }
    if len(scores) == 1:
        return (
            gettext(
                "%(questionnaire)s: 1 check-in, on %(first_day)s, score %(latest)s of "
                "%(maximum)s (%(band)s)."
            )
            % values
        )
    if values["low"] == values["high"]:
        sentence = gettext(
            "%(questionnaire)s: %(count)s check-ins from %(first_day)s to %(latest_day)s, "
            "score %(low)s of %(maximum)s each time."
        )
    else:
        sentence = gettext(
            "%(questionnaire)s: %(count)s check-ins from %(first_day)s to %(latest_day)s, "
            "scores %(low)s to %(high)s of %(maximum)s; the latest was %(latest)s of "
            "%(maximum)s (%(band)s)."
        )
    return sentence % values


def _summary(panels: list[tuple[Instrument, pd.DataFrame]]) -> ChartSummary:
    sentences, dated_rows = [], []
    for instrument, scores in panels:
        sentences.append(_scores_sentence(instrument, scores))
        dated_rows += [
            (
                row.taken_at.date(),
                (
                    day(row.taken_at),
                    str(instrument.label),
                    str(int(row.total)),
                    _band(row.band),
                ),
            )
            for row in scores.itertuples()
        ]
    # By day; a stable sort keeps the questionnaires of one day in the panels' order.
    dated_rows.sort(key=lambda dated: dated[0])
    rows = tuple(row for _day, row in dated_rows)
    table = ChartTable(
        gettext("Check-in scores"),
        (gettext("Day"), gettext("Questionnaire"), gettext("Score"), gettext("Band")),
        rows,
    )
    return ChartSummary(NAME, str(TITLE), " ".join(sentences), table)


def _draw(figure: Figure, panels: list[tuple[Instrument, pd.DataFrame]]) -> None:
    days = pd.concat([scores["taken_at"] for _, scores in panels]).dt.tz_localize(None)
    length = (days.max() - days.min()).days
    pad = pd.Timedelta(days=max(3, length * 0.04))
    dates = _date_labels(days.min() - pad, days.max() + pad, length)
    for row, (instrument, scores) in enumerate(panels):
        axes = figure.add_subplot(len(panels), 1, row + 1)
        style_axes(axes, grid_axis=None)
        _draw_bands(axes, instrument)
        axes.plot(
            scores["taken_at"].dt.tz_localize(None),
            scores["total"],
            color=colour("ink"),
            # Thinner, smaller points for years of check-ins, so the line stays readable.
            linewidth=1.6 if len(scores) <= DENSE else 1.1,
            marker="o",
            markersize=5 if len(scores) <= DENSE else 3.2,
            markerfacecolor=colour("entries"),
            markeredgecolor=colour("halo"),
            markeredgewidth=0.9,
            gid=f"checkins-{instrument.key}",
            zorder=3,
        )
        axes.set_title(str(instrument.label), loc="left", fontsize=10, color=colour("ink"), pad=4)
        axes.set_ylim(-1, instrument.maximum + 0.5)
        scores_shown = range(0, instrument.maximum + 1, 5)
        axis_labels(axes, scores_shown, [str(score) for score in scores_shown], side="left")
        start, end = days.min() - pad, days.max() + pad
        axes.set_xlim(start, end)
        axis_labels(axes, *dates)
    margin = 0.3 / figure.get_figheight()
    figure.subplots_adjust(left=0.09, right=0.78, top=1 - margin, bottom=margin, hspace=0.5)


def _draw_bands(axes: Axes, instrument: Instrument) -> None:
    """Shade each band, and name it beside the plot (where no point can cover it)."""
    middles = []
    for index, (low, _name) in enumerate(instrument.bands):
        next_low = (
            instrument.bands[index + 1][0]
            if index + 1 < len(instrument.bands)
            else instrument.maximum + 1
        )
        bottom, top = (low - 0.5 if low else -1), next_low - 0.5
        axes.axhspan(bottom, top, color=colour(f"band{index}"), linewidth=0, zorder=0)
        middles.append((bottom + top) / 2)
    axis_labels(
        axes,
        middles,
        [str(SHORT_NAMES.get(str(name), name)) for _, name in instrument.bands],
        side="right",
        fontsize=8,
        colours=[colour("muted")] * len(middles),
        pad=3,
    )


def _date_labels(
    start: pd.Timestamp, end: pd.Timestamp, days: int
) -> tuple[list[float], list[str]]:
    """Where the dates go along the bottom, and their words."""
    most = 4 if days > 330 else 5  # "Jan 2026" needs more room than "Jan"
    locator = mdates.AutoDateLocator(minticks=2, maxticks=most)
    low, high = mdates.date2num(start), mdates.date2num(end)
    shown = [value for value in locator.tick_values(start, end) if low <= value <= high]
    words = _date_words(days)
    return shown, [words(mdates.num2date(value).date()) for value in shown]


def _date_words(days: int) -> Callable[[dt.date], str]:
    # Day and month for a few months of check-ins, then months, month-year, and years;
    # month names in the reader's language.
    if days <= 120:
        return day_and_month
    if days <= 330:
        return month
    if days <= 800:
        return month_and_year
    return lambda value: str(value.year)
