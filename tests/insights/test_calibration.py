"""The evidence levels rarely cry wolf and find a planted effect, on seed_demo's journals.

A guard for CI: 40 fixed journals of 200 entries each, with nothing planted and with
pain planted x3, through the same frame and analysis as the pages (insights.calibration).
The targets are the rule's, scaled from 20 journals to 40; the full table at 50, 200
and 1,000 entries comes from benchmarks/bench_calibration.py.
"""

import pandas as pd

from entries.demo import checkin_exposures, generate_checkins, generate_entries
from insights.calibration import END, Scenario, calibration_rates
from insights.demo_frame import demo_journal

SEEDS = range(40)


def test_with_nothing_planted_few_journals_show_any_pattern():
    rates = calibration_rates(Scenario("none"), size=200, seeds=SEEDS)

    assert rates.any_pattern <= 10  # at most 5 in 20
    assert rates.any_clear <= 4  # at most 2 in 20


def test_a_planted_threefold_pain_effect_reads_clear_in_most_journals():
    rates = calibration_rates(Scenario("pain", {"pain": 3.0}), size=200, seeds=SEEDS)

    # 18 in 20, scaled to 40.
    assert rates.planted_clear >= 36
    assert rates.any_clear <= 4


def test_the_generators_check_in_factors_match_the_apps_own_exposure():
    checkins = generate_checkins(seed=5, end=END)
    generated = generate_entries(120, seed=5, end=END, checkins=checkins)

    frame = demo_journal(generated, checkins=checkins).entries

    for item, (_, row) in zip(generated, frame.iterrows(), strict=True):
        known = checkin_exposures(item.occurred_at, checkins)
        for column, high in known.items():
            shown = row[column]
            assert (None if shown is pd.NA else bool(shown)) == high
            assert (column in item.exposures) == bool(high)


def test_a_planted_check_in_effect_is_found():
    rates = calibration_rates(
        Scenario("phq9", {"phq9_recent_high": 3.0}, checkins=True), size=200, seeds=range(5)
    )

    assert rates.planted_clear >= 4
