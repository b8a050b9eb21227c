"""The insights report turned into what the overview page shows: cards and sentences.

Kept out of the template so the page holds no logic and the wording can be tested.
"""

from dataclasses import dataclass
from typing import cast

from django.utils.translation import gettext, gettext_lazy, ngettext

from insights.analysis import CategoryResult, FactorResult, Report
from insights.categories import CATEGORY_MEANINGS, NEXT_STEPS
from insights.episode_profile import CopingOutcome, EpisodeProfile
from insights.factor_words import category_name, factor_label
from insights.factors import CHECKIN_FACTORS
from insights.wording import (
    EVIDENCE_LABELS,
    counts_sentence,
    fewer_episodes_sentence,
    more_needed_sentence,
    numbers_sentence,
    percent,
    plain_sentence,
)
from pct_journal.scales import Coping, intensity_label

EMOTION_LABELS = {
    "sadness": gettext_lazy("Sadness"),
    "irritation": gettext_lazy("Irritation"),
    "agitation": gettext_lazy("Agitation or restlessness"),
    "anxiety_after": gettext_lazy("Anxiety"),
}
# Cards at these levels open by default; the rest stay folded to keep the page calm.
OPEN_LEVELS = ("clear", "possible")


@dataclass(frozen=True)
class FactorLine:
    key: str
    label: str  # starts with a capital, for a line of its own
    evidence: str
    evidence_label: str
    counts: str
    numbers: str | None
    more_needed: str | None
    plain: str | None = None  # the numbers line in words
    fewer_episodes: str | None = None  # the interval lies wholly below 1
    # The questionnaire to offer ("phq9") while a check-in factor waits for data.
    take_checkin: str = ""
    take_checkin_name: str = ""


@dataclass(frozen=True)
class CategoryCard:
    key: str
    title: str
    evidence: str
    evidence_label: str
    is_open: bool
    meaning: str
    next_steps: list[str]
    lead: FactorLine  # the strongest factor, which sets the card's level
    others: list[FactorLine]


def factor_line(factor: FactorResult) -> FactorLine:
    checkin = CHECKIN_FACTORS.get(factor.key)
    waiting = checkin is not None and factor.evidence == "not_enough_data"
    return FactorLine(
        key=factor.key,
        label=factor_label(factor),
        evidence=factor.evidence,
        evidence_label=str(EVIDENCE_LABELS[factor.evidence]),
        counts=counts_sentence(factor),
        # Ratios from a handful of entries say little, so they wait for enough data.
        numbers=None if factor.evidence == "not_enough_data" else numbers_sentence(factor),
        more_needed=more_needed_sentence(factor),
        plain=plain_sentence(factor),
        fewer_episodes=fewer_episodes_sentence(factor),
        take_checkin=checkin.instrument if checkin and waiting else "",
        take_checkin_name=checkin.name if checkin and waiting else "",
    )


def _card(category: CategoryResult) -> CategoryCard:
    lines = [factor_line(factor) for factor in category.factors]
    return CategoryCard(
        key=category.key,
        title=category_name(category.label),
        evidence=category.evidence,
        evidence_label=str(EVIDENCE_LABELS[category.evidence]),
        is_open=category.evidence in OPEN_LEVELS,
        meaning=str(CATEGORY_MEANINGS[category.key]),
        next_steps=[str(step) for step in NEXT_STEPS[category.key]],
        lead=lines[0],
        others=lines[1:],
    )


def category_cards(report: Report) -> list[CategoryCard]:
    return [_card(category) for category in report.categories]


def _minutes(value: float) -> str:
    minutes = int(value + 0.5)
    return ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes}


def profile_sentences(profile: EpisodeProfile | None, *, threshold: int) -> list[str]:
    """What episodes looked like, in a few sentences; empty when there were none."""
    if profile is None or not profile.episodes:
        return []
    total = profile.episodes
    level = intensity_label(threshold).lower()
    sentences = [
        ngettext(
            "%(feeling)s reached %(level)s or more in %(count)s of %(total)s episode (%(share)s).",
            "%(feeling)s reached %(level)s or more in %(count)s of %(total)s episodes (%(share)s).",
            total,
        )
        % {
            "feeling": EMOTION_LABELS[emotion.key],
            "level": level,
            "count": emotion.episodes,
            "total": total,
            "share": percent(emotion.share),
        }
        for emotion in profile.emotions
        if emotion.episodes
    ]
    peaks = [
        gettext("%(level)s in %(count)s") % {"level": intensity_label(step).lower(), "count": count}
        for step, count in enumerate(profile.peak_counts)
        if count and step > 0
    ]
    if peaks:
        sentences.append(
            gettext("At their strongest, the feelings were %(peaks)s.")
            % {"peaks": ", ".join(peaks)}
        )
    sentences.append(
        ngettext(
            "You cried in %(count)s of the %(total)s episode (%(share)s).",
            "You cried in %(count)s of the %(total)s episodes (%(share)s).",
            total,
        )
        % {"count": profile.cried, "total": total, "share": percent(profile.cried_share)}
    )
    if profile.median_minutes is not None:
        values = {
            "median": _minutes(profile.median_minutes),
            # Both quartiles exist whenever the median does.
            "low": int(cast(float, profile.minutes_low) + 0.5),
            "high": _minutes(cast(float, profile.minutes_high)),
            "noted": profile.minutes_recorded,
        }
        if profile.minutes_recorded > 1 and profile.minutes_low != profile.minutes_high:
            sentence = gettext(
                "Episodes lasted about %(median)s (the median; half lasted between %(low)s and "
                "%(high)s), from %(noted)s with a length noted."
            )
        else:
            sentence = gettext(
                "Episodes lasted about %(median)s (the median), from %(noted)s with a length noted."
            )
        sentences.append(sentence % values)
    return sentences


def coping_sentences(outcomes: list[CopingOutcome]) -> list[str]:
    labels = dict(Coping.choices)
    sentences = []
    for outcome in outcomes:
        values = {
            "way": str(labels.get(outcome.key, outcome.key)),
            "count": outcome.episodes,
            "helped": outcome.helped,
            "rated": outcome.rated,
            "share": percent(outcome.helped_share),
        }
        if outcome.rated == 1 and outcome.helped:
            sentence = ngettext(
                "%(way)s: tried after %(count)s episode; you rated it once, as helping at least "
                "somewhat.",
                "%(way)s: tried after %(count)s episodes; you rated it once, as helping at "
                "least somewhat.",
                outcome.episodes,
            )
        elif outcome.rated == 1:
            sentence = ngettext(
                "%(way)s: tried after %(count)s episode; you rated it once, as helping little.",
                "%(way)s: tried after %(count)s episodes; you rated it once, as helping little.",
                outcome.episodes,
            )
        elif outcome.rated:
            sentence = ngettext(
                "%(way)s: tried after %(count)s episode; it helped at least somewhat "
                "%(helped)s of the %(rated)s times you rated it (%(share)s).",
                "%(way)s: tried after %(count)s episodes; it helped at least somewhat "
                "%(helped)s of the %(rated)s times you rated it (%(share)s).",
                outcome.episodes,
            )
        else:
            sentence = ngettext(
                "%(way)s: tried after %(count)s episode, not yet rated.",
                "%(way)s: tried after %(count)s episodes, not yet rated.",
                outcome.episodes,
            )
        sentences.append(sentence % values)
    return sentences
