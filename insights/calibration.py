"""How often the evidence levels cry wolf, and how often they find a planted effect.

Journals come from the demo generator behind `seed_demo` (entries.demo), go through the
same entry frame as the pages (insights.demo_frame mirrors the selector's columns, and
check-in factors are joined by checkins.exposure) and the same analysis
(insights.analysis). Used by benchmarks/bench_calibration.py and by the test that
guards the rates.
"""

import datetime as dt
from dataclasses import dataclass, field

from entries.demo import generate_checkins, generate_entries
from insights.analysis import Report, analyse_journal
from insights.demo_frame import demo_id, demo_journal

# A fixed end, so that a seed gives the same journal on every run.
END = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
PATTERN_LEVELS = ("clear", "possible")


@dataclass(frozen=True)
class Scenario:
    name: str
    plants: dict[str, float] = field(default_factory=dict)
    checkins: bool = False  # add a PHQ-9 and GAD-7 series (seed_demo --checkins)


@dataclass(frozen=True)
class Rates:
    journals: int
    any_pattern: int  # journals with a possible or clear pattern in a factor not planted
    any_clear: int  # journals with a clear pattern in a factor not planted
    planted_clear: int  # journals in which every planted factor reads clear

    def per_20(self, count: int) -> float:
        return 20 * count / self.journals if self.journals else 0.0


def factor_key(planted: str) -> str:
    """The analysis's key for a factor named as `seed_demo --plant` names it."""
    if planted.startswith("tag:"):
        return f"tag:{demo_id('tag', planted.removeprefix('tag:'))}"
    return planted


def demo_report(scenario: Scenario, *, size: int, seed: int) -> Report:
    checkins = generate_checkins(seed=seed, end=END) if scenario.checkins else None
    generated = generate_entries(
        size, seed=seed, plants=scenario.plants, end=END, checkins=checkins
    )
    journal = demo_journal(generated, checkins=checkins)
    return analyse_journal(
        journal.entries,
        threshold=journal.threshold,
        tag_names=journal.tag_names,
        partner_names=journal.partner_names,
    )


def calibration_rates(scenario: Scenario, *, size: int, seeds: range) -> Rates:
    planted = {factor_key(name) for name in scenario.plants}
    any_pattern = any_clear = planted_clear = 0
    for seed in seeds:
        levels = {
            f.key: f.evidence for f in demo_report(scenario, size=size, seed=seed).ranked_factors()
        }
        unplanted = [level for key, level in levels.items() if key not in planted]
        any_pattern += any(level in PATTERN_LEVELS for level in unplanted)
        any_clear += "clear" in unplanted
        planted_clear += bool(planted) and all(levels.get(key) == "clear" for key in planted)
    return Rates(len(seeds), any_pattern, any_clear, planted_clear)
