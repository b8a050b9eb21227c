"""The two questionnaires: their standard wording, scoring and severity bands.

Pure Python, no Django: the wording is the instruments' own and is reproduced as
published, because a therapist reads these scores against the standard form.
"""

from collections.abc import Sequence
from dataclasses import dataclass

PHQ9 = "phq9"
GAD7 = "gad7"

# The same four answers, worth 0-3, for every item of both questionnaires.
ANSWER_CHOICES = (
    (0, "Not at all"),
    (1, "Several days"),
    (2, "More than half the days"),
    (3, "Nearly every day"),
)
ANSWER_MAX = 3
# A total at or above this is the usual cut-off for a closer look (both instruments).
HIGH_TOTAL = 10
# PHQ-9 item 9 asks about thoughts of death or self-harm; any answer above 0 is met
# with the support screen before anything else.
SAFETY_ITEM = 9

ATTRIBUTION = (
    "Developed by Drs. Robert L. Spitzer, Janet B. W. Williams, Kurt Kroenke and "
    "colleagues, with an educational grant from Pfizer Inc. No permission is required to "
    "reproduce, translate, display or distribute."
)
SOURCE_URL = "https://www.phqscreeners.com/"


@dataclass(frozen=True)
class Band:
    key: str
    label: str
    low: int
    high: int

    def __contains__(self, total: int) -> bool:
        return self.low <= total <= self.high


@dataclass(frozen=True)
class Instrument:
    key: str
    name: str  # the short name clinicians use
    title: str  # what it asks about, in plain words
    stem: str  # the question every item answers
    items: tuple[str, ...]
    bands: tuple[Band, ...]
    reference: str

    @property
    def max_total(self) -> int:
        return len(self.items) * ANSWER_MAX

    def band_for(self, total: int) -> Band:
        for band in self.bands:
            if total in band:
                return band
        raise ValueError(f"{total} is not a possible {self.name} total (0 to {self.max_total}).")

    def band_label(self, key: str) -> str:
        return next((band.label for band in self.bands if band.key == key), key)


MINIMAL = "minimal"
MILD = "mild"
MODERATE = "moderate"
MODERATELY_SEVERE = "moderately_severe"
SEVERE = "severe"

INSTRUMENTS: dict[str, Instrument] = {
    PHQ9: Instrument(
        key=PHQ9,
        name="PHQ-9",
        title="Mood",
        stem=(
            "Over the last 2 weeks, how often have you been bothered by any of the "
            "following problems?"
        ),
        items=(
            "Little interest or pleasure in doing things",
            "Feeling down, depressed, or hopeless",
            "Trouble falling or staying asleep, or sleeping too much",
            "Feeling tired or having little energy",
            "Poor appetite or overeating",
            "Feeling bad about yourself — or that you are a failure or have let yourself "
            "or your family down",
            "Trouble concentrating on things, such as reading the newspaper or watching television",
            "Moving or speaking so slowly that other people could have noticed? Or the "
            "opposite — being so fidgety or restless that you have been moving around a lot "
            "more than usual",
            "Thoughts that you would be better off dead or of hurting yourself in some way",
        ),
        bands=(
            Band(MINIMAL, "Minimal", 0, 4),
            Band(MILD, "Mild", 5, 9),
            Band(MODERATE, "Moderate", 10, 14),
            Band(MODERATELY_SEVERE, "Moderately severe", 15, 19),
            Band(SEVERE, "Severe", 20, 27),
        ),
        reference=(
            "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression "
            "severity measure. J Gen Intern Med 2001;16:606–613."
        ),
    ),
    GAD7: Instrument(
        key=GAD7,
        name="GAD-7",
        title="Worry and anxiety",
        stem=("Over the last 2 weeks, how often have you been bothered by the following problems?"),
        items=(
            "Feeling nervous, anxious, or on edge",
            "Not being able to stop or control worrying",
            "Worrying too much about different things",
            "Trouble relaxing",
            "Being so restless that it is hard to sit still",
            "Becoming easily annoyed or irritable",
            "Feeling afraid, as if something awful might happen",
        ),
        bands=(
            Band(MINIMAL, "Minimal", 0, 4),
            Band(MILD, "Mild", 5, 9),
            Band(MODERATE, "Moderate", 10, 14),
            Band(SEVERE, "Severe", 15, 21),
        ),
        reference=(
            "Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing "
            "generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166:1092–1097."
        ),
    ),
}
INSTRUMENT_CHOICES = tuple((key, instrument.name) for key, instrument in INSTRUMENTS.items())
MAX_ITEMS = max(len(instrument.items) for instrument in INSTRUMENTS.values())
BAND_KEYS = (MINIMAL, MILD, MODERATE, MODERATELY_SEVERE, SEVERE)


class InvalidAnswers(ValueError):
    """Answers that do not fit the instrument; the message can be shown as is."""


def instrument_for(key: str) -> Instrument:
    try:
        return INSTRUMENTS[key]
    except KeyError:
        raise InvalidAnswers(f"“{key}” is not a questionnaire this journal knows.") from None


def validated_answers(instrument: Instrument, answers: Sequence[object]) -> list[int]:
    """One whole number from 0 to 3 per item, in item order; anything else is refused."""
    if isinstance(answers, str | bytes) or len(answers) != len(instrument.items):
        raise InvalidAnswers(
            f"The {instrument.name} has {len(instrument.items)} questions; "
            f"every one needs an answer."
        )
    checked = []
    for number, answer in enumerate(answers, start=1):
        # bool is an int in Python; True is not an answer.
        if isinstance(answer, bool) or not isinstance(answer, int):
            raise InvalidAnswers(f"Question {number}: the answer must be a whole number.")
        if not 0 <= answer <= ANSWER_MAX:
            raise InvalidAnswers(f"Question {number}: the answer must be from 0 to {ANSWER_MAX}.")
        checked.append(answer)
    return checked


def score(instrument: Instrument, answers: Sequence[object]) -> tuple[int, Band]:
    """The total and its band, from validated answers only."""
    total = sum(validated_answers(instrument, answers))
    return total, instrument.band_for(total)


def answer_label(value: int | None) -> str:
    return dict(ANSWER_CHOICES).get(value, "") if value is not None else ""
