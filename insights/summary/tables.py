"""The summary's tables and short lines, worded for a reader other than the person.

The insights page speaks to the person ("you cried in…"); a summary is read by a
therapist, so these say the same numbers in the third person, mostly as table cells.
"""

from dataclasses import dataclass
from typing import cast

from django.utils.translation import gettext, ngettext

from entries.models import RECORDABLE_FACTORS
from insights.analysis import FactorResult, Report
from insights.episode_profile import CopingOutcome, EpisodeProfile
from insights.factor_words import category_name, factor_label
from insights.overview_cards import EMOTION_LABELS
from insights.wording import EVIDENCE_LABELS, decimal, percent, ratio
from pct_journal.scales import Coping, intensity_label

# The table lists a category's strongest factor, and any other of its factors at these
# levels; categories still waiting for data are named in one line below it.
EXTRA_ROW_LEVELS = ("clear", "possible")


@dataclass(frozen=True)
class FactorRow:
    category: str
    label: str
    with_factor: str  # "7 of 9 (78%)"
    without_factor: str
    risk_ratio: str  # "5.8 (1.5–22)" or "–"
    evidence: str
    evidence_label: str
    first_in_category: bool
    # Entries that left this factor unanswered, and so out of its row; only for the
    # context factors, whose empty answer means "not recorded" (for a partner, say, the
    # entries left out are the solo ones, which is no gap in the journal).
    not_recorded: int = 0


@dataclass(frozen=True)
class FeelingRow:
    label: str
    reached: str  # "15 of 21 (71%)": episodes in which it reached the threshold
    mean: str  # mean intensity over all episodes, 0-4


@dataclass(frozen=True)
class CopingRow:
    label: str
    tried: int  # after how many episodes
    helped: str  # "3 of 4 ratings (75%)", or "not rated"


def _count(episodes: int, entries: int) -> str:
    if not entries:
        return "–"
    return gettext("%(episodes)s of %(entries)s (%(share)s)") % {
        "episodes": episodes,
        "entries": entries,
        "share": percent(episodes / entries),
    }


def _risk_ratio(factor: FactorResult) -> str:
    if factor.risk_ratio is None:
        return "–"
    return f"{ratio(factor.risk_ratio)} ({ratio(factor.ci_low)}–{ratio(factor.ci_high)})"


def _not_recorded(factor: FactorResult, entries: int) -> int:
    if factor.key not in RECORDABLE_FACTORS:
        return 0
    return entries - factor.exposed.entries - factor.unexposed.entries


def _row(category: str, factor: FactorResult, *, first: bool, entries: int) -> FactorRow:
    return FactorRow(
        category=category_name(category),
        label=factor_label(factor),
        with_factor=_count(factor.exposed.episodes, factor.exposed.entries),
        without_factor=_count(factor.unexposed.episodes, factor.unexposed.entries),
        risk_ratio=_risk_ratio(factor),
        evidence=factor.evidence,
        evidence_label=str(EVIDENCE_LABELS[factor.evidence]),
        first_in_category=first,
        not_recorded=_not_recorded(factor, entries),
    )


def factor_rows(report: Report) -> list[FactorRow]:
    """Ranked as on the insights page: evidence first, then the interval's lower bound."""
    rows = []
    for category in report.categories:
        if category.evidence == "not_enough_data":
            continue
        lead, *others = category.factors
        rows.append(_row(category.label, lead, first=True, entries=report.entries))
        rows += [
            _row(category.label, factor, first=False, entries=report.entries)
            for factor in others
            if factor.evidence in EXTRA_ROW_LEVELS
        ]
    return rows


def waiting_categories(report: Report) -> list[str]:
    return [
        category_name(category.label)
        for category in report.categories
        if category.evidence == "not_enough_data"
    ]


def feeling_rows(profile: EpisodeProfile | None, *, threshold: int) -> list[FeelingRow]:
    if profile is None or not profile.episodes:
        return []
    return [
        FeelingRow(
            label=str(EMOTION_LABELS[emotion.key]),
            reached=_count(emotion.episodes, profile.episodes),
            mean="–"
            if emotion.mean_intensity is None
            else decimal(f"{emotion.mean_intensity:.1f}"),
        )
        for emotion in profile.emotions
    ]


def peaks_text(profile: EpisodeProfile | None) -> str | None:
    """'At their strongest, the feelings were moderate in 10 episodes, strong in 8, …'"""
    if profile is None or not profile.episodes:
        return None
    parts = [
        gettext("%(level)s in %(count)s") % {"level": intensity_label(step).lower(), "count": count}
        for step, count in enumerate(profile.peak_counts)
        if count and step > 0
    ]
    if not parts:
        return None
    return gettext("At their strongest, the feelings were %(peaks)s of the episodes.") % {
        "peaks": ", ".join(parts)
    }


def _minutes(value: float) -> str:
    minutes = int(value + 0.5)
    return ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes}


def duration_text(profile: EpisodeProfile | None) -> str | None:
    if profile is None or profile.median_minutes is None:
        return None
    noted = profile.minutes_recorded
    values = {
        "median": _minutes(profile.median_minutes),
        # Both quartiles exist whenever the median does.
        "low": int(cast(float, profile.minutes_low) + 0.5),
        "high": _minutes(cast(float, profile.minutes_high)),
        "noted": noted,
    }
    if noted > 1 and profile.minutes_low != profile.minutes_high:
        text = ngettext(
            "Episodes lasted a median of %(median)s (half of them between %(low)s and "
            "%(high)s); %(noted)s episode had a length noted.",
            "Episodes lasted a median of %(median)s (half of them between %(low)s and "
            "%(high)s); %(noted)s episodes had a length noted.",
            noted,
        )
    else:
        text = ngettext(
            "Episodes lasted a median of %(median)s; %(noted)s episode had a length noted.",
            "Episodes lasted a median of %(median)s; %(noted)s episodes had a length noted.",
            noted,
        )
    return text % values


def coping_rows(outcomes: list[CopingOutcome]) -> list[CopingRow]:
    labels = dict(Coping.choices)
    rows = []
    for outcome in outcomes:
        if outcome.rated:
            helped = ngettext(
                "%(helped)s of %(rated)s rating (%(share)s)",
                "%(helped)s of %(rated)s ratings (%(share)s)",
                outcome.rated,
            ) % {
                "helped": outcome.helped,
                "rated": outcome.rated,
                "share": percent(outcome.helped_share),
            }
        else:
            helped = gettext("not rated")
        label = str(labels.get(outcome.key, outcome.key))
        rows.append(CopingRow(label=label, tried=outcome.episodes, helped=helped))
    return rows
