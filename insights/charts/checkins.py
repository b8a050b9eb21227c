"""PHQ-9 and GAD-7 scores over time, drawn over their published severity bands.

The bands are shaded in quiet neutral steps (never alarm colours) and named in words, so
the chart reads the same in colour, in grey and aloud.
"""

from dataclasses import dataclass

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from insights.charts.figure import axis_labels, render_empty_svg, render_svg, style_axes
from insights.charts.palette import colour
from insights.charts.summary import ChartSummary, ChartTable, empty_summary, plural

NAME = "checkins"
TITLE = "Wellbeing check-ins"
EMPTY_MESSAGE = (
    "No check-ins in this period. Take a PHQ-9 (mood) or GAD-7 (anxiety) check-in under "
    "More → Check-ins, and your scores show here over time."
)


@dataclass(frozen=True)
class Instrument:
    key: str
    label: str
    maximum: int
    bands: tuple[tuple[int, str], ...]  # (lowest score, name), from the published cut-offs


INSTRUMENTS = (
    Instrument(
        "phq9",
        "PHQ-9 (mood)",
        27,
        ((0, "minimal"), (5, "mild"), (10, "moderate"), (15, "moderately severe"), (20, "severe")),
    ),
    Instrument(
        "gad7",
        "GAD-7 (anxiety)",
        21,
        ((0, "minimal"), (5, "mild"), (10, "moderate"), (15, "severe")),
    ),
)
PANEL_HEIGHT = 1.75  # inches
DENSE = 40  # check-ins per questionnaire beyond which points are drawn smaller
SHORT_NAMES = {"moderately severe": "mod. severe"}  # fits beside the plot on a phone


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
        title=TITLE,
        description=_summary(panels).description,
    )


def _band(key: object) -> str:
    return str(key).replace("_", " ")  # "moderately_severe" -> "moderately severe"


def _scores_sentence(instrument: Instrument, scores: pd.DataFrame) -> str:
    first, latest = scores.iloc[0], scores.iloc[-1]
    latest_score = f"{int(latest['total'])} of {instrument.maximum} ({_band(latest['band'])})"
    if len(scores) == 1:
        day = f"{first['taken_at']:%-d %b %Y}"
        return f"{instrument.label}: 1 check-in, on {day}, score {latest_score}."
    low, high = int(scores["total"].min()), int(scores["total"].max())
    spread = (
        f"score {low} of {instrument.maximum} each time"
        if low == high
        else f"scores {low} to {high} of {instrument.maximum}; the latest was {latest_score}"
    )
    return (
        f"{instrument.label}: {plural(len(scores), 'check-in')} from "
        f"{first['taken_at']:%-d %b %Y} to {latest['taken_at']:%-d %b %Y}, {spread}."
    )


def _summary(panels: list[tuple[Instrument, pd.DataFrame]]) -> ChartSummary:
    sentences, dated_rows = [], []
    for instrument, scores in panels:
        sentences.append(_scores_sentence(instrument, scores))
        dated_rows += [
            (
                row.taken_at.date(),
                (
                    f"{row.taken_at:%-d %b %Y}",
                    instrument.label,
                    str(int(row.total)),
                    _band(row.band),
                ),
            )
            for row in scores.itertuples()
        ]
    # By day; a stable sort keeps the questionnaires of one day in the panels' order.
    dated_rows.sort(key=lambda dated: dated[0])
    rows = tuple(row for _day, row in dated_rows)
    table = ChartTable("Check-in scores", ("Day", "Questionnaire", "Score", "Band"), rows)
    return ChartSummary(NAME, TITLE, " ".join(sentences), table)


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
        axes.set_title(instrument.label, loc="left", fontsize=10, color=colour("ink"), pad=4)
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
        [SHORT_NAMES.get(name, name) for _, name in instrument.bands],
        side="right",
        fontsize=8,
        colours=[colour("muted")] * len(middles),
        pad=3,
    )


def _date_labels(start: pd.Timestamp, end: pd.Timestamp, days: int) -> tuple[list, list[str]]:
    """Where the dates go along the bottom, and their words."""
    most = 4 if days > 330 else 5  # "Jan 2026" needs more room than "Jan"
    locator = mdates.AutoDateLocator(minticks=2, maxticks=most)
    low, high = mdates.date2num(start), mdates.date2num(end)
    shown = [value for value in locator.tick_values(start, end) if low <= value <= high]
    fmt = _date_format(days)
    return shown, [mdates.num2date(value).strftime(fmt) for value in shown]


def _date_format(days: int) -> str:
    # Day and month for a few months of check-ins, then months, month-year, and years.
    if days <= 120:
        return "%-d %b"
    if days <= 330:
        return "%b"
    return "%b %Y" if days <= 800 else "%Y"
