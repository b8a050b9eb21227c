"""A seeded generator of synthetic journals, for the demo account and for validating the
insights against a known truth.

Every factor is drawn independently of everything else. An entry's chance of being an
episode starts at BASE_EPISODE_PROBABILITY and is multiplied, for each *planted*
factor the entry is exposed to, by that factor's multiplier (capped at 0.95). With no
plants, nothing in the data goes with episodes, which is what the "no false alarms"
tests rely on.

The demo account (`make demo`) plants PAIN x3: entries with moderate or worse pain
(4 or more of 10) are about three times as likely to be followed by an episode.
"""

import random
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

PLANTABLE = (
    *SCALE_EXPOSURE,
    "pain",
    *FLAG_EXPOSURE,
    "orgasm",
    "low_connection",
    "solo",
    *(f"tag:{name}" for name in DEMO_TAGS),
)


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
) -> list[DemoEntry]:
    plants = plants or {}
    rng = random.Random(seed)  # noqa: S311 (synthetic data must be reproducible, not secret)
    skip_rng = random.Random(f"context-skipped:{seed}")  # noqa: S311 (as above)
    start = end - timedelta(days=days)
    entries = []
    for _ in range(count):
        moment = start + timedelta(seconds=rng.uniform(0, days * 86400))
        # Most entries are in the evening or at night.
        moment = moment.replace(hour=rng.choice((7, 13, 20, 21, 22, 22, 23, 23)))
        fields, exposures = {}, set()
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
        tags = [name for name in DEMO_TAGS if rng.random() < TAG_SHARE]
        exposures.update(f"tag:{name}" for name in tags)

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
        entries.append(DemoEntry(moment, fields, partner, tags, exposures))
    entries.sort(key=lambda entry: entry.occurred_at)
    return entries
