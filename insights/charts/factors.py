"""For each factor tested, the episode rate with it and without it, with 95% intervals.

Factors come ranked from `insights.analysis.Report.ranked_factors()`, strongest first.
Each factor gets its own band: its name, then a dot for the entries with it and a square
for those without, each with a line across its 95% interval. Factors with too few
entries to judge are drawn hollow, so they do not look as certain as the rest.
"""

from collections.abc import Sequence

import numpy as np
from django.utils.translation import gettext, gettext_lazy, ngettext
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from insights.analysis import Arm, FactorResult
from insights.charts.figure import axis_labels, render_empty_svg, render_svg, style_axes
from insights.charts.legend import figure_legend
from insights.charts.palette import colour
from insights.charts.summary import ChartSummary, ChartTable, empty_summary
from insights.factor_words import factor_label, factor_words
from insights.wording import EVIDENCE_IN_SENTENCE, EVIDENCE_LABELS, counts_sentence, percent

NAME = "factors"
TITLE = gettext_lazy("Episode rate with and without each factor")
EMPTY_MESSAGE = gettext_lazy(
    "No entries in this period yet. As you log (calm times too), each factor's episode "
    "rate with and without it shows here."
)
ROW = 3  # y units per factor: its name, the "with" line, the "without" line
ROW_HEIGHT = 0.5  # inches per factor
# Short enough to sit beside a factor's name on a phone; the table has the full words.
PATTERN_WORDS = {
    "clear": gettext_lazy("clear pattern"),
    "possible": gettext_lazy("possible"),
    "none": gettext_lazy("no pattern"),
    "not_enough_data": gettext_lazy("too few yet"),
}
TICK_STEP = {0.25: 0.05, 0.5: 0.1, 0.75: 0.25, 1.0: 0.25}
LABEL_CHARACTERS = 38  # beside the pattern words on a phone-width chart
ARMS = (("with", "exposed", "o", "episodes"), ("without", "unexposed", "s", "entries"))


def _drawable(factors: Sequence[FactorResult]) -> list[FactorResult]:
    return [factor for factor in factors if factor.exposed.entries or factor.unexposed.entries]


def factors_summary(factors: Sequence[FactorResult]) -> ChartSummary:
    shown = _drawable(factors)
    if not shown:
        return empty_summary(NAME, TITLE, EMPTY_MESSAGE)
    return _summary(shown)


def render_factors_svg(factors: Sequence[FactorResult]) -> bytes:
    shown = _drawable(factors)
    if not shown:
        return render_empty_svg(title=TITLE, message=EMPTY_MESSAGE)
    return render_svg(
        lambda figure: _draw(figure, shown),
        height=0.75 + ROW_HEIGHT * len(shown),
        title=str(TITLE),
        description=_summary(shown).description,
    )


def _arm_cell(arm: Arm) -> str:
    if not arm.entries:
        return gettext("no entries")
    return gettext("%(episodes)s of %(entries)s (%(share)s; 95%% CI %(low)s to %(high)s)") % {
        "episodes": arm.episodes,
        "entries": arm.entries,
        "share": percent(arm.rate),
        "low": percent(arm.rate_ci_low),
        "high": percent(arm.rate_ci_high),
    }


def _summary(factors: list[FactorResult]) -> ChartSummary:
    levels = [factor.evidence for factor in factors]
    tally = ", ".join(
        f"{EVIDENCE_IN_SENTENCE[level]}: {levels.count(level)}"
        for level in EVIDENCE_LABELS
        if level in levels
    )
    top = factors[0]
    compared = ngettext(
        "%(count)s factor compared, strongest first (%(tally)s).",
        "%(count)s factors compared, strongest first (%(tally)s).",
        len(factors),
    ) % {"count": len(factors), "tally": tally}
    first = gettext("First: %(factor)s (%(level)s).") % {
        "factor": factor_words(top).label,
        "level": EVIDENCE_IN_SENTENCE[top.evidence],
    }
    description = f"{compared} {first} {counts_sentence(top)}"
    rows = tuple(
        (
            factor_words(factor).label,
            _arm_cell(factor.exposed),
            _arm_cell(factor.unexposed),
            str(EVIDENCE_LABELS[factor.evidence]),
        )
        for factor in factors
    )
    table = ChartTable(
        gettext("Episodes after entries with and without each factor, strongest first"),
        (gettext("Factor"), gettext("With it"), gettext("Without it"), gettext("Pattern")),
        rows,
    )
    return ChartSummary(NAME, str(TITLE), description, table)


def _fit(label: str) -> str:
    if len(label) <= LABEL_CHARACTERS:
        return label
    return label[: LABEL_CHARACTERS - 1].rstrip() + "…"


def _axis_top(factors: list[FactorResult]) -> float:
    highest = max(
        (arm.rate_ci_high or 0 for factor in factors for arm in (factor.exposed, factor.unexposed)),
        default=0,
    )
    return next(top for top in (0.25, 0.5, 0.75, 1.0) if highest <= top)


def _draw(figure: Figure, factors: list[FactorResult]) -> None:
    axes = figure.add_subplot()
    style_axes(axes, grid_axis=None)
    top = _axis_top(factors)
    for index, factor in enumerate(factors):
        base = index * ROW
        name = _fit(factor_label(factor))
        axes.text(0, base + 0.15, name, fontsize=9, va="center", color=colour("ink"))
        axes.text(
            top,
            base + 0.15,
            str(PATTERN_WORDS[factor.evidence]),
            fontsize=8,
            ha="right",
            va="center",
            color=colour("muted"),
        )
    # One collection per arm (rather than an artist per factor) keeps a journal with
    # dozens of tags quick to draw.
    for offset, (word, attribute, marker, role) in enumerate(ARMS, start=1):
        drawn = [
            (index * ROW + offset, getattr(factor, attribute), factor.evidence)
            for index, factor in enumerate(factors)
            if getattr(factor, attribute).rate is not None
        ]
        ys = [y for y, _, _ in drawn]
        arms = [arm for _, arm, _ in drawn]
        axes.hlines(
            ys,
            [arm.rate_ci_low for arm in arms],
            [arm.rate_ci_high for arm in arms],
            color=colour(role),
            linewidth=1.6,
            gid=f"factors-{word}-ci",
        )
        axes.scatter(
            [arm.rate for arm in arms],
            ys,
            marker=marker,
            s=30,
            edgecolors=colour(role),
            facecolors=[
                colour("halo") if evidence == "not_enough_data" else colour(role)
                for _, _, evidence in drawn
            ],
            linewidths=1.3,
            gid=f"factors-{word}",
            zorder=3,
        )
        for y, arm, _ in drawn:
            _count_label(axes, arm, y, top)
    axes.set_ylim(len(factors) * ROW - 0.4, -0.6)
    axes.yaxis.set_visible(False)  # the factors' names label the rows
    # A little room either side, so a rate of 0% or 100% shows its whole marker.
    axes.set_xlim(-0.03 * top, top * 1.03)
    rates = np.arange(0, top + TICK_STEP[top] / 2, TICK_STEP[top])
    axis_labels(axes, rates, [f"{rate * 100:.0f}%" for rate in rates], side="top", grid=True)
    axes.spines["bottom"].set_visible(False)
    arm_words = {"with": gettext("with the factor"), "without": gettext("without the factor")}
    handles = [
        Line2D([], [], color=colour(role), marker=marker, label=arm_words[word])
        for word, _, marker, role in ARMS
    ]
    figure_legend(figure, handles, ncol=2, title=gettext("episode rate, 95% CI"))
    height = figure.get_figheight()
    figure.subplots_adjust(left=0.04, right=0.93, top=1 - 0.82 / height, bottom=0.08 / height)


def _count_label(axes, arm: Arm, y: float, top: float) -> None:
    """Write "9 of 34" beside the interval where there is room (the table always has it)."""
    gap = 0.012 * top
    low, high = arm.rate_ci_low, arm.rate_ci_high
    if low is None or high is None:  # no entries on this side: nothing to label
        return
    if high < top * 0.8:
        x, align = high + gap, "left"
    elif low > top * 0.2:
        x, align = low - gap, "right"
    else:
        return
    axes.text(
        x,
        y,
        f"{arm.episodes} of {arm.entries}",
        fontsize=8,
        ha=align,
        va="center",
        color=colour("muted"),
    )
