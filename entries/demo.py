"""A seeded generator of synthetic journals, for the demo account and for validating the
insights against a known truth.

Every factor is drawn independently of everything else. An entry's chance of being an
episode starts at BASE_EPISODE_PROBABILITY and is multiplied, for each *planted*
factor the entry is exposed to, by that factor's multiplier (capped at 0.95). With no
plants, nothing in the data goes with episodes, which is what the "no false alarms"
tests rely on.

The demo account (`make demo`) plants PAIN x3: entries with moderate or worse pain
(4 or more of 10) are about three times as likely to be followed by an episode.

`generate_checkins` adds a PHQ-9 and a GAD-7 series (`seed_demo --checkins`). Given to
`generate_entries`, it makes the check-in factors ("latest PHQ-9 / GAD-7 of 10 or more
within the 14 days before") exposures that can be planted like any other; entries with
no check-in in those 14 days are unknown for them.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

BASE_EPISODE_PROBABILITY = 0.15
MAX_EPISODE_PROBABILITY = 0.95
DEMO_PLANTS = {"pain": 3.0}
DEMO_PARTNERS = ("Alex", "Sam")
DEMO_TAGS = ("after an argument", "very tired", "new medication")
COPING_KEYS = ("talked", "closeness", "time_alone", "breathing", "journaling", "other")
DEMO_NOTES = (
    "Felt far away afterwards, then better after a cup of tea.",
    "Talked it through in the morning.",
    "Didn't expect to feel like this. Wrote it down to show my therapist.",
    "Calm evening, nothing much to say.",
)

# How often each factor is present, and how an exposed / unexposed value is drawn.
# Scale factors count as exposed at 2 ("moderate") or more; pain at 4 of 10 or more.
SCALE_EXPOSURE = {
    "stress": 0.30,
    "low_mood": 0.20,
    "performance_anxiety": 0.15,
    "felt_vulnerable": 0.15,
    "relationship_tension": 0.15,
}
PAIN_EXPOSURE = 0.20
FLAG_EXPOSURE = {"memories_surfaced": 0.08, "alcohol_or_drugs": 0.15}
SOLO_SHARE = 0.15
TAG_SHARE = 0.15
# How often the "what was going on" section is left closed, so every factor in it stays
# "not recorded". Decided apart from everything else (missing at random): the factors
# still act on the episode, the entry just does not say so, and the analysis leaves it
# out of those tables. A second random stream keeps the other draws of a seed unchanged.
CONTEXT_SKIPPED_SHARE = 0.1
CONTEXT_FACTORS = (*SCALE_EXPOSURE, "pain", *FLAG_EXPOSURE)

# Check-ins: one of each questionnaire about every CHECKIN_EVERY_DAYS days, some weeks
# skipped; a total of HIGH_TOTAL or more in about HIGH_SHARE of them. The factor is the
# latest score in the CHECKIN_WINDOW_DAYS before an entry (as checkins.exposure has it).
CHECKIN_EVERY_DAYS = 7
CHECKIN_SKIP_SHARE = 0.25
CHECKIN_WINDOW_DAYS = 14
HIGH_TOTAL = 10
HIGH_SHARE = {"phq9": 0.30, "gad7": 0.30}
ITEM_COUNTS = {"phq9": 9, "gad7": 7}
ANSWER_MAX = 3
CHECKIN_FACTORS = {"phq9": "phq9_recent_high", "gad7": "gad7_recent_high"}

PLANTABLE = (
    *SCALE_EXPOSURE,
    "pain",
    *FLAG_EXPOSURE,
    "orgasm",
    "low_connection",
    "solo",
    *(f"tag:{name}" for name in DEMO_TAGS),
    *CHECKIN_FACTORS.values(),
)


@dataclass(frozen=True)
class DemoCheckIn:
    instrument: str  # "phq9" or "gad7" (checkins.instruments)
    taken_at: datetime
    answers: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.answers)

    def as_backup_record(self) -> dict:
        """The record the backup's "checkins" list holds (checkins.services reads it)."""
        return {
            "instrument": self.instrument,
            "taken_at": self.taken_at.isoformat(),
            "answers": list(self.answers),
        }


def _answers(rng: random.Random, instrument: str, total: int) -> tuple[int, ...]:
    # The PHQ-9's last question (thoughts of self-harm) is always answered 0 here: a demo
    # must not open the support screen.
    items = ITEM_COUNTS[instrument] - (1 if instrument == "phq9" else 0)
    answers = [0] * ITEM_COUNTS[instrument]
    for _ in range(total):
        open_items = [i for i in range(items) if answers[i] < ANSWER_MAX]
        answers[rng.choice(open_items)] += 1
    return tuple(answers)


def generate_checkins(*, seed: int, end: datetime, days: int = 182) -> list[DemoCheckIn]:
    """A PHQ-9 and a GAD-7 about once a week over `days` (and the 14 days before, so the
    first entries can have a recent score), oldest first."""
    rng = random.Random(f"checkins:{seed}")  # noqa: S311 (reproducible, not secret)
    start = end - timedelta(days=days + CHECKIN_WINDOW_DAYS)
    checkins = []
    moment = start
    while moment < end:
        for instrument, share in HIGH_SHARE.items():
            if rng.random() < CHECKIN_SKIP_SHARE:
                continue
            high = rng.random() < share
            total = rng.randint(HIGH_TOTAL, 18) if high else rng.randint(0, HIGH_TOTAL - 1)
            taken_at = moment + timedelta(hours=rng.uniform(8, 20))
            if taken_at < end:
                checkins.append(DemoCheckIn(instrument, taken_at, _answers(rng, instrument, total)))
        moment += timedelta(days=CHECKIN_EVERY_DAYS)
    checkins.sort(key=lambda checkin: checkin.taken_at)
    return checkins


def checkin_exposures(moment: datetime, checkins: list[DemoCheckIn]) -> dict[str, bool | None]:
    """For each check-in factor: whether the latest score of that questionnaire taken at
    most 14 days before `moment` was high; None when there was none."""
    window = timedelta(days=CHECKIN_WINDOW_DAYS)
    result = {}
    for instrument, factor in CHECKIN_FACTORS.items():
        recent = [
            c
            for c in checkins
            if c.instrument == instrument and moment - window <= c.taken_at <= moment
        ]
        result[factor] = recent[-1].total >= HIGH_TOTAL if recent else None
    return result


@dataclass
class DemoEntry:
    occurred_at: datetime
    fields: dict
    partner: str | None
    tags: list[str] = field(default_factory=list)
    exposures: set[str] = field(default_factory=set)

    @property
    def is_episode(self) -> bool:
        emotions = ("sadness", "irritation", "agitation", "anxiety_after")
        return self.fields["cried"] or max(self.fields[name] for name in emotions) >= 2


def parse_plants(specs: list[str]) -> dict[str, float]:
    """Turn ["pain=4.0", "stress=2"] into {"pain": 4.0, "stress": 2.0}."""
    plants = {}
    for spec in specs:
        name, _, multiplier = spec.partition("=")
        name = name.strip()
        if name not in PLANTABLE:
            raise ValueError(f"Unknown factor {name!r}; choose from {', '.join(PLANTABLE)}.")
        try:
            value = float(multiplier)
        except ValueError:
            raise ValueError(f"{spec!r} needs a number after '=', such as pain=4.0.") from None
        if value <= 0:
            raise ValueError(f"The multiplier in {spec!r} must be positive.")
        plants[name] = value
    return plants


def _scale_value(rng: random.Random, exposed: bool) -> int:
    return rng.choice((2, 3, 3, 4)) if exposed else rng.choice((0, 0, 0, 1))


def _emotions(rng: random.Random, episode: bool) -> dict:
    if not episode:
        return {
            "sadness": rng.choice((0, 0, 0, 1)),
            "irritation": rng.choice((0, 0, 0, 1)),
            "agitation": rng.choice((0, 0, 0, 0, 1)),
            "anxiety_after": rng.choice((0, 0, 0, 1)),
            "cried": False,
        }
    values = {name: rng.choice((0, 1, 1, 2)) for name in ("irritation", "agitation")}
    values["sadness"] = rng.choice((1, 2, 2, 3, 3, 4))
    values["anxiety_after"] = rng.choice((0, 1, 2, 2, 3))
    values["cried"] = rng.random() < 0.45
    if not values["cried"] and max(values.values()) < 2:
        values["sadness"] = 2
    return values


def generate_entries(
    count: int,
    *,
    seed: int,
    plants: dict[str, float] | None = None,
    end: datetime,
    days: int = 182,
    checkins: list[DemoCheckIn] | None = None,
    tags: Sequence[str] = DEMO_TAGS,
) -> list[DemoEntry]:
    """`count` entries over the `days` before `end`, each with every one of `tags` on
    TAG_SHARE of them. With `checkins` (oldest first), the check-in factors are exposures
    too; the entries drawn stay the same either way."""
    plants = plants or {}
    rng = random.Random(seed)  # noqa: S311 (synthetic data must be reproducible, not secret)
    skip_rng = random.Random(f"context-skipped:{seed}")  # noqa: S311 (as above)
    start = end - timedelta(days=days)
    entries = []
    for _ in range(count):
        moment = start + timedelta(seconds=rng.uniform(0, days * 86400))
        # Most entries are in the evening or at night.
        moment = moment.replace(hour=rng.choice((7, 13, 20, 21, 22, 22, 23, 23)))
        fields: dict[str, object] = {}
        exposures: set[str] = set()
        solo = rng.random() < SOLO_SHARE
        fields["activity"] = "solo" if solo else "partnered"
        if solo:
            exposures.add("solo")
        for name, share in SCALE_EXPOSURE.items():
            exposed = rng.random() < share
            fields[name] = _scale_value(rng, exposed)
            if exposed:
                exposures.add(name)
        pain_exposed = rng.random() < PAIN_EXPOSURE
        fields["pain"] = rng.randint(4, 8) if pain_exposed else rng.choice((0, 0, 0, 1, 2, 3))
        if pain_exposed:
            exposures.add("pain")
        for name, share in FLAG_EXPOSURE.items():
            fields[name] = rng.random() < share
            if fields[name]:
                exposures.add(name)
        fields["orgasm"] = rng.choices(("yes", "no", "unsure"), weights=(70, 20, 10))[0]
        if fields["orgasm"] == "yes":
            exposures.add("orgasm")
        fields["satisfaction"] = rng.choice((1, 2, 3, 3, 4, 4))
        low_connection = rng.random() < 0.2
        fields["connection_after"] = rng.choice((0, 1)) if low_connection else rng.choice((2, 3, 4))
        if low_connection:
            exposures.add("low_connection")
        ticked = [name for name in tags if rng.random() < TAG_SHARE]
        exposures.update(f"tag:{name}" for name in ticked)
        if checkins:
            known = checkin_exposures(moment, checkins)
            exposures.update(factor for factor, high in known.items() if high)

        probability = BASE_EPISODE_PROBABILITY
        for name, multiplier in plants.items():
            if name in exposures:
                probability *= multiplier
        episode = rng.random() < min(probability, MAX_EPISODE_PROBABILITY)
        fields.update(_emotions(rng, episode))
        if episode:
            fields["episode_minutes"] = rng.choice((5, 10, 15, 20, 30, 45, 60, 90))
            fields["coping"] = sorted(rng.sample(COPING_KEYS, rng.randint(1, 2)))
            fields["coping_helped"] = rng.randint(0, 4)
        else:
            fields["episode_minutes"] = None
            fields["coping"] = []
            fields["coping_helped"] = None
        fields["notes"] = rng.choice(DEMO_NOTES) if rng.random() < 0.1 else ""
        if skip_rng.random() < CONTEXT_SKIPPED_SHARE:
            fields.update(dict.fromkeys(CONTEXT_FACTORS))
        partner = None if solo else rng.choice(DEMO_PARTNERS)
        entries.append(DemoEntry(moment, fields, partner, ticked, exposures))
    entries.sort(key=lambda entry: entry.occurred_at)
    return entries
