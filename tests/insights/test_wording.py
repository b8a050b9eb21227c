"""Numbers in words: what the insights page, the dashboard and the summary print.

A number on screen must never seem to contradict the evidence label beside it: the
levels are judged against 1 (the interval) and 1.5 (the ratio), and q against 0.05, 0.125
and 0.2.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from insights.wording import (
    EVIDENCE_LABELS,
    counts_sentence,
    fewer_episodes_sentence,
    more_needed_sentence,
    numbers_sentence,
    probability,
    ratio,
)
from tests.analysis_frames import analyse, demo_entry, factor, table_entries


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (0.0039561, "0.0040"),
        (0.004, "0.0040"),
        (0.0627, "0.063"),
        (0.5, "0.50"),
        (0.994, "0.99"),
        (0.9951, "0.995"),  # two figures would round it up to 1.0
        (0.9996, "0.9996"),
        (1.0004, "1.0004"),
        (1.4706, "1.47"),
        (1.497, "1.497"),
        (1.5, "1.50"),
        (5.8333, "5.83"),
        (9.996, "10"),
        (22.2028, "22"),
        (None, "–"),
    ],
)
def test_a_ratio_shows_enough_figures_to_read_it_right(value, shown):
    assert ratio(value) == shown


@given(st.floats(min_value=1e-6, max_value=1e4, allow_nan=False))
def test_a_ratio_is_never_shown_on_the_other_side_of_one_or_one_and_a_half(value):
    shown = float(ratio(value))

    for rule in (1.0, 1.5):
        assert (shown < rule) == (value < rule)
        assert (shown > rule) == (value > rule)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (0.0004, "q < 0.001"),
        (0.0056, "q = 0.006"),
        (0.0312, "q = 0.03"),
        (0.0496, "q = 0.0496"),
        (0.05, "q = 0.05"),
        (0.0504, "q = 0.0504"),
        (0.1249, "q = 0.12"),
        (0.125, "q = 0.125"),
        (0.1251, "q = 0.13"),
        (0.1996, "q = 0.1996"),
        (0.2, "q = 0.20"),
        (0.4321, "q = 0.43"),
        (None, "q undefined"),
    ],
)
def test_a_q_value_never_shows_on_the_wrong_side_of_a_cut_off(value, shown):
    assert probability("q", value) == shown


def test_a_protective_interval_below_one_never_prints_as_zero_or_one():
    # Orgasm on 0 of 14 entries followed by an episode, against 8 of 15 without.
    report = analyse(table_entries({"orgasm": "yes"}, 0, 14, 8, 15, unexposed={"orgasm": "no"}))

    sentence = numbers_sentence(factor(report, "orgasm"))

    assert sentence.startswith("Risk ratio 0.063 (95% CI 0.0040 to 0.995), p = 0.002")
    assert "0.00 " not in sentence and "1.00" not in sentence


def test_a_ratio_just_under_one_and_a_half_is_not_rounded_up_to_it():
    # 10 of 20 against 17 of 50: a ratio of 1.47, below the 1.5 of a possible pattern.
    pain = factor(analyse(table_entries({"pain": 6}, 10, 20, 17, 50)), "pain")

    assert EVIDENCE_LABELS[pain.evidence] == "No pattern"
    assert numbers_sentence(pain).startswith("Risk ratio 1.47 (95% CI 0.82 to 2.64)")


def _partner(with_partner: int, others: int, solo: int = 0):
    entries = [demo_entry(i, partner="Sam") for i in range(with_partner)]
    entries += [demo_entry(100 + i) for i in range(others)]  # partnered, nobody named
    entries += [demo_entry(200 + i, activity="solo") for i in range(solo)]
    return next(f for f in analyse(entries).ranked_factors() if f.label == "Sam")


def test_a_partner_card_says_why_it_waits_when_there_are_few_others_to_compare_with():
    sam = _partner(8, 3, solo=10)  # solo entries are not a comparison for a partner

    assert EVIDENCE_LABELS[sam.evidence] == "Not enough data yet"
    assert more_needed_sentence(sam) == (
        "There are too few other partnered entries to compare with yet."
    )


def test_a_partner_card_never_asks_for_entries_with_someone_else():
    sam = _partner(2, 1)

    assert more_needed_sentence(sam) == (
        "3 more entries with Sam are needed before this can be judged. "
        "There are too few other partnered entries to compare with yet."
    )
    assert "someone else" not in more_needed_sentence(sam)


def test_with_no_other_partnered_entries_the_counts_already_say_so():
    sam = _partner(8, 0)

    assert more_needed_sentence(sam) is None
    assert "there are no partnered entries with someone else or nobody named" in (
        counts_sentence(sam)
    )


def test_a_factor_that_went_with_fewer_episodes_says_so_beside_no_pattern():
    report = analyse(table_entries({"orgasm": "yes"}, 0, 14, 8, 15, unexposed={"orgasm": "no"}))
    orgasm = factor(report, "orgasm")

    assert orgasm.q_value < 0.01
    assert EVIDENCE_LABELS[orgasm.evidence] == "No pattern"  # the levels look for more episodes
    assert fewer_episodes_sentence(orgasm) == (
        "In your entries, episodes were less common with an orgasm: the whole 95% "
        "interval of the ratio lies below 1."
    )


@pytest.mark.parametrize(
    "counts",
    [(3, 14, 5, 15), (0, 3, 8, 15)],
    ids=["interval-reaches-above-one", "too-few-to-judge"],
)
def test_fewer_episodes_is_not_claimed_without_an_interval_wholly_below_one(counts):
    report = analyse(table_entries({"orgasm": "yes"}, *counts, unexposed={"orgasm": "no"}))

    assert fewer_episodes_sentence(factor(report, "orgasm")) is None
