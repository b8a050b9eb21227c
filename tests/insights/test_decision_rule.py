"""The calibrated evidence rule on hand-made journals, without a database."""

import math

import pandas as pd
import pytest

from insights.analysis import CLEAR_Q, POSSIBLE_Q
from insights.factors import CATEGORY_ORDER, PRIMARY, PRIMARY_FACTORS, SECONDARY
from insights.overview_cards import factor_line
from tests.analysis_frames import analyse, demo_entry, factor, table_entries

PAIN = {"pain": 6}


def test_a_large_ratio_without_a_test_behind_it_is_no_pattern():
    pain = factor(analyse(table_entries(PAIN, 4, 10, 6, 30)), "pain")

    assert pain.risk_ratio == pytest.approx(2.0)
    assert pain.q_value >= POSSIBLE_Q
    assert pain.evidence == "none"


def test_a_ratio_with_a_weak_test_behind_it_is_a_possible_pattern():
    pain = factor(analyse(table_entries(PAIN, 5, 10, 7, 30)), "pain")

    assert CLEAR_Q[PRIMARY] <= pain.q_value < POSSIBLE_Q
    assert pain.evidence == "possible"


def test_a_strong_difference_is_a_clear_pattern():
    pain = factor(analyse(table_entries(PAIN, 7, 9, 2, 15)), "pain")

    assert pain.q_value < CLEAR_Q[PRIMARY] and pain.ci_low > 1
    assert pain.evidence == "clear"


def test_fewer_than_five_entries_on_a_side_is_not_enough_data_and_shows_no_numbers():
    pain = factor(analyse(table_entries(PAIN, 4, 4, 0, 40)), "pain")
    line = factor_line(pain)

    assert pain.evidence == "not_enough_data"
    assert pain.q_value is None
    assert (line.numbers, line.plain) == (None, None)


@pytest.mark.parametrize(
    "table",
    [(5, 5, 0, 20), (0, 5, 10, 20), (5, 5, 20, 20), (0, 5, 0, 20)],
    ids=["exposed-all-episodes", "exposed-none", "everything-an-episode", "no-episode"],
)
def test_zero_cells_never_give_an_infinite_or_missing_number_on_screen(table):
    pain = factor(analyse(table_entries(PAIN, *table)), "pain")
    line = factor_line(pain)

    for number in (pain.risk_ratio, pain.ci_low, pain.ci_high, pain.p_value, pain.q_value):
        assert number is None or math.isfinite(number)
    shown = " ".join(text for text in (line.counts, line.numbers, line.plain) if text)
    assert "inf" not in shown.lower() and "nan" not in shown.lower()


def test_a_zero_cell_still_gives_a_clear_pattern_when_the_difference_is_large():
    pain = factor(analyse(table_entries(PAIN, 5, 5, 0, 20)), "pain")

    assert pain.corrected
    assert pain.evidence == "clear"


def test_entries_where_a_factor_was_not_recorded_are_left_out_of_its_table():
    entries = [
        *table_entries(PAIN, 6, 8, 3, 20),
        *(demo_entry(40 + n, pain=None, sadness=3) for n in range(10)),
    ]

    pain = factor(analyse(entries), "pain")

    assert (pain.exposed.entries, pain.exposed.episodes) == (8, 6)
    assert (pain.unexposed.entries, pain.unexposed.episodes) == (20, 3)


def test_unknown_values_of_a_check_in_factor_are_left_out_of_its_table():
    entries = table_entries(PAIN, 6, 10, 4, 30)
    recent_high = pd.array([True] * 10 + [False] * 20 + [None] * 10, dtype="boolean")

    phq9 = factor(analyse(entries, phq9_recent_high=recent_high), "phq9_recent_high")

    assert (phq9.exposed.entries, phq9.unexposed.entries) == (10, 20)


def test_each_of_the_six_categories_has_exactly_one_primary_factor():
    entries = table_entries(PAIN, 6, 10, 4, 30)
    report = analyse(entries)
    primary = [f for f in report.ranked_factors() if f.family == PRIMARY]

    assert sorted(f.key for f in primary) == sorted(PRIMARY_FACTORS)
    assert sorted(f.category for f in primary) == sorted(CATEGORY_ORDER[:6])


def test_own_factors_and_partners_never_change_a_primary_factors_q_value():
    plain = table_entries(PAIN, 6, 12, 6, 36, unexposed={"stress": 3})
    with_tags = [
        demo_entry(
            n, partner="Alex" if n % 2 else "Sam", tags=["tired"] if n % 3 else [], **e.fields
        )
        for n, e in enumerate(plain)
    ]

    before = factor(analyse(plain), "pain")
    after_report = analyse(with_tags)
    after = factor(after_report, "pain")

    assert any(
        f.family == SECONDARY and f.q_value is not None
        for f in after_report.ranked_factors()
        if f.key.startswith(("tag:", "partner:"))
    )
    assert after.q_value == pytest.approx(before.q_value)
