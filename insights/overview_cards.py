"""The insights report turned into what the overview page shows: cards and sentences.

Kept out of the template so the page holds no logic and the wording can be tested.
"""

from dataclasses import dataclass

from insights.analysis import CategoryResult, FactorResult, Report
from insights.categories import CATEGORY_MEANINGS, NEXT_STEPS
from insights.episode_profile import CopingOutcome, EpisodeProfile
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
    "sadness": "Sadness",
    "irritation": "Irritation",
    "agitation": "Agitation or restlessness",
    "anxiety_after": "Anxiety",
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
        label=factor.label[:1].upper() + factor.label[1:],
        evidence=factor.evidence,
        evidence_label=EVIDENCE_LABELS[factor.evidence],
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
        title=category.label,
        evidence=category.evidence,
        evidence_label=EVIDENCE_LABELS[category.evidence],
        is_open=category.evidence in OPEN_LEVELS,
        meaning=CATEGORY_MEANINGS[category.key],
        next_steps=NEXT_STEPS[category.key],
        lead=lines[0],
        others=lines[1:],
    )


def category_cards(report: Report) -> list[CategoryCard]:
    return [_card(category) for category in report.categories]


def _minutes(value: float) -> str:
    minutes = int(value + 0.5)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def profile_sentences(profile: EpisodeProfile | None, *, threshold: int) -> list[str]:
    """What episodes looked like, in a few sentences; empty when there were none."""
    if profile is None or not profile.episodes:
        return []
    total = profile.episodes
    level = intensity_label(threshold).lower()
    sentences = [
        f"{EMOTION_LABELS[emotion.key]} reached {level} or more in {emotion.episodes} of "
        f"{total} episodes ({percent(emotion.share)})."
        for emotion in profile.emotions
        if emotion.episodes
    ]
    peaks = [
        f"{intensity_label(step).lower()} in {count}"
        for step, count in enumerate(profile.peak_counts)
        if count and step > 0
    ]
    if peaks:
        sentences.append(f"At their strongest, the feelings were {', '.join(peaks)}.")
    sentences.append(
        f"You cried in {profile.cried} of the {total} episodes ({percent(profile.cried_share)})."
    )
    if profile.median_minutes is not None:
        sentence = f"Episodes lasted about {_minutes(profile.median_minutes)} (the median"
        low, high = profile.minutes_low, profile.minutes_high
        if profile.minutes_recorded > 1 and low is not None and high is not None and low != high:
            sentence += f"; half lasted between {int(low + 0.5)} and {_minutes(high)}"
        sentences.append(f"{sentence}), from {profile.minutes_recorded} with a length noted.")
    return sentences


def coping_sentences(outcomes: list[CopingOutcome]) -> list[str]:
    labels = dict(Coping.choices)
    sentences = []
    for outcome in outcomes:
        label = str(labels.get(outcome.key, outcome.key))
        tried = (
            f"{label}: tried after {outcome.episodes} episode{'s' if outcome.episodes != 1 else ''}"
        )
        if outcome.rated == 1:
            verdict = "as helping at least somewhat" if outcome.helped else "as helping little"
            tried += f"; you rated it once, {verdict}."
        elif outcome.rated:
            tried += (
                f"; it helped at least somewhat {outcome.helped} of the {outcome.rated} "
                f"times you rated it ({percent(outcome.helped_share)})."
            )
        else:
            tried += ", not yet rated."
        sentences.append(tried)
    return sentences
