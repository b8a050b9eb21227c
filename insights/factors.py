"""Which logged answers count as each factor, in plain words, and the category each belongs to.

Pure (pandas only). A factor's exposure is an array aligned with the entries: EXPOSED
(1) = the entry had the factor, NOT_EXPOSED (0) = it did not, UNKNOWN (-1) = not known
(for example orgasm "not sure" or not recorded), and unknown entries are left out of
that factor's table. Plain int8 codes rather than a nullable boolean Series each: the
analysis counts them for every factor at once, right after every new entry.
"""

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

# The six categories of the article, then everything else; this order breaks ranking ties.
CATEGORY_LABELS = {
    "distress": "Psychological distress or low mood",
    "anxiety": "Anxiety, including worry about performance",
    "vulnerability": "Feeling exposed, and memories of difficult experiences",
    "pain": "Physical pain",
    "hormonal": "The change after orgasm (a hypothesis)",
    "relationship": "Relationship factors",
    "other": "Other factors",
}
CATEGORY_ORDER = tuple(CATEGORY_LABELS)

MODERATE = 2  # "moderate" on the 0-4 scales
PAIN_MODERATE = 4  # of 10
LOW_CONNECTION_MAX = 1  # "a little" or "not at all"


@dataclass(frozen=True)
class FactorDefinition:
    key: str
    label: str  # fits "entries with {label}"
    category: str
    exposed_words: str  # "entries with moderate or worse pain"
    unexposed_words: str  # "entries without moderate or worse pain"
    # How the comparison arm is named after "and 2 of 15 ..." in the counts sentence.
    unexposed_short: str = "without"


EXPOSED, NOT_EXPOSED, UNKNOWN = 1, 0, -1


@dataclass(frozen=True)
class FactorExposure:
    definition: FactorDefinition
    exposure: np.ndarray  # int8: EXPOSED, NOT_EXPOSED or UNKNOWN for each entry


def _with(key: str, label: str, category: str, rest: str = "") -> FactorDefinition:
    return FactorDefinition(
        key, label, category, f"entries with {label}", rest or f"entries without {label}"
    )


# (column, what counts, the rest, category) for 0-4 scales that count from "moderate" up.
SCALE_FACTORS = (
    ("low_mood", "moderate or stronger low mood", "mild or no low mood", "distress"),
    ("stress", "moderate or stronger stress", "mild or no stress", "distress"),
    (
        "performance_anxiety",
        "moderate or stronger worry about performance",
        "mild or no worry about performance",
        "anxiety",
    ),
    (
        "felt_vulnerable",
        "moderate or stronger feelings of being exposed",
        "mild or no feelings of being exposed",
        "vulnerability",
    ),
    (
        "relationship_tension",
        "moderate or stronger tension with your partner",
        "mild or no tension with your partner",
        "relationship",
    ),
)


@dataclass(frozen=True)
class CheckinFactor:
    """A factor read from the wellbeing check-ins (the latest PHQ-9 or GAD-7 of the 14
    days before scored 10 or more), joined onto the entries as a nullable-boolean column
    by insights.journal (checkins.exposure)."""

    instrument: str  # the checkins.instruments key, for a link to take one
    name: str  # "PHQ-9"
    label: str
    rest: str
    category: str


# Always tested, like every named factor: without check-ins every entry is unknown
# for them, so they read "not enough data" and say how to start (insights.wording).
CHECKIN_FACTORS = {
    "phq9_recent_high": CheckinFactor(
        "phq9",
        "PHQ-9",
        "a PHQ-9 score of 10 or more in the 14 days before",
        "entries with a lower PHQ-9 score in the 14 days before",
        "distress",
    ),
    "gad7_recent_high": CheckinFactor(
        "gad7",
        "GAD-7",
        "a GAD-7 score of 10 or more in the 14 days before",
        "entries with a lower GAD-7 score in the 14 days before",
        "anxiety",
    ),
}

PAIN = _with("pain", "moderate or worse pain", "pain", "entries with mild or no pain")
MEMORIES = _with("memories_surfaced", "difficult memories coming up", "vulnerability")
ORGASM = _with("orgasm", "an orgasm", "hormonal")
LOW_CONNECTION = _with(
    "low_connection",
    "little or no connection afterwards",
    "relationship",
    "entries where you felt at least somewhat connected afterwards",
)
ALCOHOL = _with("alcohol_or_drugs", "alcohol or drugs", "other")
SOLO = FactorDefinition(
    "solo",
    "solo experiences",
    "other",
    "solo entries",
    "partnered entries",
    unexposed_short="partnered ones",
)
# A partner is compared with the *other partnered* entries (another partner, or nobody
# named). Solo entries are left out: solo vs partnered is a factor of its own, and mixing
# it in would make every partner look different merely for being a partner.
PARTNER_REST = "partnered entries with someone else or nobody named"


def _codes(condition: np.ndarray, unknown: np.ndarray) -> np.ndarray:
    """`condition` as EXPOSED / NOT_EXPOSED, UNKNOWN wherever `unknown` holds."""
    return np.where(unknown, UNKNOWN, condition).astype("int8")


def _numbers(values: pd.Series) -> np.ndarray:
    """The values as floats, NaN where unknown (not recorded, or not a number)."""
    if not pd.api.types.is_numeric_dtype(values.dtype):
        values = pd.to_numeric(values, errors="coerce")
    return values.to_numpy(dtype="float64", na_value=np.nan)


def _flag(values: pd.Series) -> np.ndarray:
    numbers = values.astype("boolean").to_numpy(dtype="float64", na_value=np.nan)
    return _codes(numbers > 0, np.isnan(numbers))


def _at_least(values: pd.Series, minimum: int) -> np.ndarray:
    numbers = _numbers(values)
    return _codes(numbers >= minimum, np.isnan(numbers))


def _at_most(values: pd.Series, maximum: int) -> np.ndarray:
    numbers = _numbers(values)
    return _codes(numbers <= maximum, np.isnan(numbers))


def _orgasm(values: pd.Series) -> np.ndarray:
    # "Not sure" and unanswered are unknown, not "no".
    answers = values.to_numpy(dtype=object)
    yes, no = answers == "yes", answers == "no"
    return _codes(yes, ~(yes | no))


def _tag_exposures(entries: pd.DataFrame, tag_names: Mapping[str, str]) -> list[FactorExposure]:
    # Every entry's tags read once, whatever the number of tags; an entry either has a
    # tag or not (never unknown).
    tagged: dict[str, np.ndarray] = {
        tag_id: np.zeros(len(entries), dtype="int8") for tag_id in tag_names
    }
    for position, tags in enumerate(entries["tags"].to_numpy()):
        for tag_id in tags if isinstance(tags, list | tuple) else ():
            if tag_id in tagged:
                tagged[tag_id][position] = EXPOSED
    result = []
    for tag_id, name in sorted(tag_names.items(), key=lambda item: item[1].casefold()):
        definition = FactorDefinition(
            f"tag:{tag_id}",
            f"“{name}”",
            "other",
            f"entries tagged “{name}”",
            f"entries without “{name}”",
        )
        result.append(FactorExposure(definition, tagged[tag_id]))
    return result


def _partner_exposures(
    entries: pd.DataFrame, partner_names: Mapping[str, str]
) -> list[FactorExposure]:
    solo = entries["activity"].to_numpy(dtype=object) != "partnered"
    partner_ids = entries["partner_id"].to_numpy(dtype=object)
    result = []
    for partner_id, nickname in sorted(partner_names.items(), key=lambda item: item[1].casefold()):
        exposure = _codes(partner_ids == partner_id, solo)
        definition = FactorDefinition(
            f"partner:{partner_id}",
            nickname,
            "relationship",
            f"entries with {nickname}",
            PARTNER_REST,
            unexposed_short=PARTNER_REST,
        )
        result.append(FactorExposure(definition, exposure))
    return result


PRIMARY = "primary"
SECONDARY = "secondary"
# One factor per category of the article, named before any data is seen: the one that
# states the category itself and is asked on every entry (the PHQ-9 needs check-ins,
# stress is broader than low mood).
PRIMARY_FACTORS = (
    "low_mood",
    "performance_anxiety",
    "felt_vulnerable",
    "pain",
    "orgasm",
    "relationship_tension",
)


def factor_family(definition: FactorDefinition) -> str:
    """Which family of tests a factor's q value is adjusted in.

    "primary": the six categories' primary factors, a list fixed in advance, so their q
    values never change because a person added a tag or a partner, or began check-ins.
    "secondary": every other factor (the categories' other factors, partners, the
    person's own factors, alcohol or drugs, solo vs partnered)."""
    return PRIMARY if definition.key in PRIMARY_FACTORS else SECONDARY


def factor_exposures(
    entries: pd.DataFrame,
    *,
    tag_names: Mapping[str, str],
    partner_names: Mapping[str, str],
) -> list[FactorExposure]:
    """Every factor the journal can be tested for, in category order."""
    factors = [
        FactorExposure(
            _with(column, label, category, f"entries with {rest}"),
            _at_least(entries[column], MODERATE),
        )
        for column, label, rest, category in SCALE_FACTORS
    ]
    factors += [
        FactorExposure(PAIN, _at_least(entries["pain"], PAIN_MODERATE)),
        FactorExposure(MEMORIES, _flag(entries["memories_surfaced"])),
        FactorExposure(ORGASM, _orgasm(entries["orgasm"])),
        FactorExposure(LOW_CONNECTION, _at_most(entries["connection_after"], LOW_CONNECTION_MAX)),
        FactorExposure(ALCOHOL, _flag(entries["alcohol_or_drugs"])),
        FactorExposure(SOLO, (entries["activity"].to_numpy(dtype=object) == "solo").astype("int8")),
    ]
    for column, checkin in CHECKIN_FACTORS.items():
        definition = _with(column, checkin.label, checkin.category, checkin.rest)
        if column in entries.columns:
            exposure = _flag(entries[column])
        else:  # no check-ins joined on: unknown for every entry
            exposure = np.full(len(entries), UNKNOWN, dtype="int8")
        factors.append(FactorExposure(definition, exposure))
    factors += _partner_exposures(entries, partner_names)
    factors += _tag_exposures(entries, tag_names)
    order = {key: index for index, key in enumerate(CATEGORY_ORDER)}
    return sorted(factors, key=lambda factor: order[factor.definition.category])
