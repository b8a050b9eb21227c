"""The pure analysis: tables, zero cells, unknown answers, evidence levels and ranking.

No database: entries are built in memory (tests/analysis_frames.py).
"""

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.stats import false_discovery_control
from scipy.stats.contingency import relative_risk

from insights.analysis import (
    EVIDENCE_ORDER,
    RiskRatio,
    analyse_journal,
    arm,
    evidence_level,
    risk_ratio_table,
)
from insights.factors import PRIMARY, SECONDARY
from insights.selectors import _empty_frame
from insights.wording import counts_sentence, more_needed_sentence, strongest_sentence
from tests.analysis_frames import analyse, demo_entry, factor, table_entries

PAIN = {"pain": 6}


def test_an_empty_journal_gives_a_report_with_nothing_to_judge():
    report = analyse_journal(_empty_frame(), threshold=2, tag_names={}, partner_names={})

    assert (report.entries, report.episodes) == (0, 0)
    assert {f.evidence for f in report.ranked_factors()} == {"not_enough_data"}
    assert report.strongest() is None
    assert factor(report, "pain").more_needed_exposed == 5
    assert factor(report, "pain").exposed.rate is None
    assert factor(report, "phq9_recent_high").evidence == "not_enough_data"
    assert factor(report, "gad7_recent_high").evidence == "not_enough_data"


def test_it_counts_episodes_with_and_without_a_factor():
    report = analyse(table_entries(PAIN, 7, 9, 2, 15))
    pain = factor(report, "pain")

    assert (pain.exposed.episodes, pain.exposed.entries) == (7, 9)
    assert (pain.unexposed.episodes, pain.unexposed.entries) == (2, 15)
    assert pain.exposed.rate == pytest.approx(7 / 9)
    assert pain.exposed.rate_ci_low < 7 / 9 < pain.exposed.rate_ci_high
    assert (report.entries, report.episodes) == (24, 9)


def test_pain_counts_from_four_of_ten():
    entries = [demo_entry(0, pain=3), demo_entry(1, pain=4), demo_entry(2, pain=10)]

    pain = factor(analyse(entries), "pain")

    assert (pain.exposed.entries, pain.unexposed.entries) == (2, 1)


def test_a_zero_cell_uses_the_haldane_anscombe_correction_and_never_infinity():
    ratio = risk_ratio_table(5, 5, 0, 20)

    a, n1, c, n0 = 5.5, 6, 0.5, 21
    expected = (a / n1) / (c / n0)
    spread = 1.959963984540054 * math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n0)
    assert ratio.corrected
    assert ratio.estimate == pytest.approx(expected)
    assert ratio.ci_low == pytest.approx(expected * math.exp(-spread))
    assert ratio.ci_high == pytest.approx(expected * math.exp(spread))
    assert all(math.isfinite(x) for x in (ratio.estimate, ratio.ci_low, ratio.ci_high))


def test_a_zero_cell_in_the_factor_arm_gives_a_small_finite_ratio():
    ratio = risk_ratio_table(0, 10, 5, 20)

    assert ratio.corrected
    assert 0 < ratio.estimate < 1
    assert ratio.ci_low > 0


def test_with_no_episodes_at_all_there_is_no_ratio_and_no_pattern():
    pain = factor(analyse(table_entries(PAIN, 0, 10, 0, 20)), "pain")

    assert pain.risk_ratio is None and pain.ci_low is None and pain.ci_high is None
    assert pain.p_value == 1.0
    assert pain.evidence == "none"


def test_when_every_entry_was_an_episode_there_is_nothing_to_compare():
    assert risk_ratio_table(10, 10, 20, 20) == RiskRatio(None, None, None, corrected=False)


def test_a_factor_that_never_varies_is_not_enough_data():
    report = analyse(table_entries(PAIN, 3, 12, 1, 12))
    memories = factor(report, "memories_surfaced")

    assert memories.exposed.entries == 0
    assert memories.evidence == "not_enough_data"
    assert memories.risk_ratio is None
    assert memories.p_value is None and memories.q_value is None
    assert (memories.more_needed_exposed, memories.more_needed_unexposed) == (5, 0)


def test_fewer_than_five_in_an_arm_is_not_enough_data_however_strong():
    pain = factor(analyse(table_entries(PAIN, 4, 4, 0, 30)), "pain")

    assert pain.risk_ratio > 10
    assert pain.evidence == "not_enough_data"
    assert pain.more_needed_exposed == 1
    assert pain.q_value is None


@pytest.mark.parametrize(
    ("ratio", "q_value", "expected"),
    [
        (RiskRatio(3.0, 1.2, 7.0, False), 0.10, "clear"),
        (RiskRatio(3.0, 1.2, 7.0, False), 0.125, "possible"),
        (RiskRatio(3.0, 0.9, 7.0, False), 0.01, "possible"),
        (RiskRatio(1.5, 0.8, 2.9, False), 0.19, "possible"),
        (RiskRatio(3.0, 0.9, 7.0, False), 0.20, "none"),
        (RiskRatio(1.5, 0.8, 2.9, False), 0.50, "none"),
        (RiskRatio(1.4, 1.01, 1.9, False), 0.12, "clear"),
        (RiskRatio(1.4, 0.8, 2.2, False), 0.15, "none"),
        (RiskRatio(None, None, None, False), 1.0, "none"),
        (RiskRatio(3.0, 1.2, 7.0, False), None, "none"),
    ],
    ids=[
        "clear",
        "q-not-below-0.125",
        "interval-includes-1",
        "ratio-1.5-and-q-below-0.20",
        "q-not-below-0.20",
        "ratio-without-a-test-behind-it",
        "clear-below-1.5",
        "ratio-below-1.5",
        "undefined",
        "no-q",
    ],
)
def test_evidence_levels_of_a_primary_factor_follow_the_calibrated_rule(ratio, q_value, expected):
    assert evidence_level(10, 10, ratio, q_value, family=PRIMARY) == expected


@pytest.mark.parametrize(
    ("q_value", "expected"),
    [(0.04, "clear"), (0.05, "possible"), (0.10, "possible"), (0.20, "none")],
    ids=["below-0.05", "at-0.05", "primary-would-be-clear", "not-below-0.20"],
)
def test_another_factor_needs_a_stricter_q_to_read_clear(q_value, expected):
    ratio = RiskRatio(3.0, 1.2, 7.0, False)

    assert evidence_level(10, 10, ratio, q_value, family=SECONDARY) == expected


def test_q_values_adjust_across_every_factor_with_enough_data():
    entries = table_entries(PAIN, 6, 10, 4, 30, unexposed={"stress": 3})
    report = analyse(entries)
    judged = [f for f in report.ranked_factors() if f.evidence != "not_enough_data"]

    expected = false_discovery_control([f.p_value for f in judged], method="bh")

    assert {f.key for f in judged} == {"pain", "stress"}
    assert [f.q_value for f in judged] == pytest.approx(list(expected))


def test_orgasm_not_sure_or_unanswered_is_left_out():
    entries = [
        *(demo_entry(i, orgasm="yes") for i in range(3)),
        *(demo_entry(i, orgasm="no") for i in range(3, 5)),
        demo_entry(5, orgasm="unsure"),
        demo_entry(6, orgasm=""),
    ]

    orgasm = factor(analyse(entries), "orgasm")

    assert (orgasm.exposed.entries, orgasm.unexposed.entries) == (3, 2)
    assert orgasm.category == "hormonal"


def test_connection_counts_as_low_at_a_little_or_less_and_unknown_is_left_out():
    entries = [demo_entry(i, connection_after=value) for i, value in enumerate([0, 1, 2, 4, None])]

    low = factor(analyse(entries), "low_connection")

    assert (low.exposed.entries, low.unexposed.entries) == (2, 2)
    assert low.category == "relationship"


def test_a_partner_is_compared_with_the_other_partnered_entries_not_solo_ones():
    entries = [
        demo_entry(0, partner="Alex"),
        demo_entry(1, partner="Alex"),
        demo_entry(2, partner="Sam"),
        demo_entry(3),  # partnered, nobody named
        demo_entry(4, activity="solo"),
    ]
    report = analyse(entries)
    alex = next(f for f in report.ranked_factors() if f.label == "Alex")

    assert alex.key.startswith("partner:")
    assert alex.category == "relationship"
    assert (alex.exposed.entries, alex.unexposed.entries) == (2, 2)
    solo = factor(report, "solo")
    assert (solo.exposed.entries, solo.unexposed.entries) == (1, 4)


def test_each_custom_tag_is_a_factor_of_its_own():
    entries = [demo_entry(0, tags=["very tired"]), demo_entry(1, tags=["very tired", "new job"])]
    entries.append(demo_entry(2))

    tags = [f for f in analyse(entries).ranked_factors() if f.key.startswith("tag:")]

    counts = {f.label: (f.exposed.entries, f.unexposed.entries) for f in tags}
    assert counts == {"“very tired”": (2, 1), "“new job”": (1, 2)}
    assert {f.category for f in tags} == {"other"}


def test_check_in_columns_are_analysed_when_present_and_unknown_is_left_out():
    entries = table_entries(PAIN, 6, 10, 4, 30)
    recent_high = pd.array([True] * 10 + [False] * 25 + [None] * 5, dtype="boolean")

    report = analyse(entries, phq9_recent_high=recent_high)
    phq9 = factor(report, "phq9_recent_high")

    assert phq9.category == "distress"
    assert phq9.label == "a PHQ-9 score of 10 or more in the 14 days before"
    assert (phq9.exposed.entries, phq9.unexposed.entries) == (10, 25)
    assert phq9.exposed.episodes == 6
    gad7 = factor(report, "gad7_recent_high")  # no GAD-7 taken: there, but nothing known
    assert (gad7.exposed.entries, gad7.unexposed.entries) == (0, 0)
    assert gad7.evidence == "not_enough_data"


def test_without_check_ins_both_check_in_factors_are_there_and_say_how_to_start():
    report = analyse(table_entries(PAIN, 6, 10, 4, 30))
    phq9, gad7 = factor(report, "phq9_recent_high"), factor(report, "gad7_recent_high")

    assert (phq9.category, gad7.category) == ("distress", "anxiety")
    for checkin in (phq9, gad7):
        assert checkin.evidence == "not_enough_data"
        assert (checkin.exposed.entries, checkin.unexposed.entries) == (0, 0)
        assert checkin.risk_ratio is None and checkin.q_value is None
    assert counts_sentence(phq9) == (
        "No entry in this period came in the 14 days after a PHQ-9 check-in."
    )
    assert more_needed_sentence(phq9) == (
        "To include this, take a PHQ-9 check-in (More → Check-ins); the entries in the "
        "14 days after it are then compared by its score."
    )
    assert "take a GAD-7 check-in (More → Check-ins)" in more_needed_sentence(gad7)
    # A factor with nothing known does not lead its card ahead of one with entries.
    distress = next(c for c in report.categories if c.key == "distress")
    assert distress.factors[0].key != "phq9_recent_high"


def test_with_a_few_check_ins_it_asks_for_regular_ones_not_for_high_scores():
    entries = table_entries(PAIN, 2, 10, 4, 30)
    recent_high = pd.array([True] * 3 + [False] * 2 + [None] * 35, dtype="boolean")

    phq9 = factor(analyse(entries, phq9_recent_high=recent_high), "phq9_recent_high")

    assert phq9.evidence == "not_enough_data"
    sentence = more_needed_sentence(phq9)
    assert sentence == (
        "This can be judged once at least 5 entries follow a score of 10 or more and 5 a "
        "lower one, each within 14 days; taking the PHQ-9 every week or two "
        "(More → Check-ins) builds that up."
    )
    assert "more entries with a PHQ-9 score" not in sentence


def test_a_category_takes_its_strongest_factors_level_and_clear_ranks_first():
    entries = table_entries(PAIN, 12, 15, 3, 40, unexposed={"stress": 3})
    report = analyse(entries)

    assert report.categories[0].key == "pain"
    assert report.categories[0].evidence == "clear"
    distress = next(c for c in report.categories if c.key == "distress")
    assert distress.evidence == distress.factors[0].evidence
    ranks = [EVIDENCE_ORDER.index(c.evidence) for c in report.categories]
    assert ranks == sorted(ranks)
    assert report.strongest().key == "pain"


def test_within_a_level_the_higher_interval_lower_bound_ranks_first():
    entries = table_entries({"pain": 6, "stress": 3}, 10, 12, 2, 40)
    entries += table_entries({"stress": 3}, 5, 10, 0, 0)

    ranked = analyse(entries).ranked_factors()[:2]

    assert [f.evidence for f in ranked] == ["clear", "clear"]
    assert ranked[0].ci_low >= ranked[1].ci_low


def test_every_category_of_the_design_is_reported():
    report = analyse(table_entries(PAIN, 1, 5, 1, 5))

    keys = {c.key for c in report.categories}
    assert keys == {
        "distress",
        "anxiety",
        "vulnerability",
        "pain",
        "hormonal",
        "relationship",
        "other",
    }


def test_the_episode_profile_describes_what_episodes_looked_like():
    entries = [
        demo_entry(0, sadness=3, cried=True, episode_minutes=10),
        demo_entry(1, anxiety_after=2, episode_minutes=30),
        demo_entry(2, sadness=4, irritation=2),
        demo_entry(3),
    ]

    profile = analyse(entries).profile

    assert profile.episodes == 3
    assert profile.emotions[0].key == "sadness"
    assert profile.emotions[0].episodes == 2
    assert profile.peak_counts == [0, 0, 1, 1, 1]
    assert (profile.cried, profile.cried_share) == (1, pytest.approx(1 / 3))
    assert (profile.minutes_recorded, profile.median_minutes) == (2, 20)


def test_coping_is_counted_over_episodes_and_helped_means_somewhat_or_more():
    entries = [
        demo_entry(0, sadness=3, coping=["talked", "breathing"], coping_helped=3),
        demo_entry(1, sadness=3, coping=["talked"], coping_helped=1),
        demo_entry(2, sadness=3, coping=["breathing"], coping_helped=None),
        demo_entry(3, coping=["talked"], coping_helped=4),  # not an episode
    ]

    outcomes = {o.key: o for o in analyse(entries).coping}

    assert (outcomes["talked"].episodes, outcomes["talked"].rated) == (2, 2)
    assert outcomes["talked"].helped == 1
    assert (outcomes["breathing"].episodes, outcomes["breathing"].rated) == (2, 1)
    assert outcomes["breathing"].helped_share == 1.0


def test_a_higher_threshold_counts_fewer_episodes():
    entries = [demo_entry(0, sadness=2), demo_entry(1, sadness=3), demo_entry(2, cried=True)]

    assert analyse(entries, threshold=2).episodes == 3
    assert analyse(entries, threshold=3).episodes == 2


@st.composite
def _tables(draw):
    exposed_entries = draw(st.integers(0, 60))
    unexposed_entries = draw(st.integers(0, 60))
    return (
        draw(st.integers(0, exposed_entries)),
        exposed_entries,
        draw(st.integers(0, unexposed_entries)),
        unexposed_entries,
    )


@given(_tables())
def test_any_table_gives_finite_numbers_or_none(table):
    ratio = risk_ratio_table(*table)

    numbers = (ratio.estimate, ratio.ci_low, ratio.ci_high)
    if ratio.estimate is None:
        assert numbers == (None, None, None)
    else:
        assert all(math.isfinite(x) and x > 0 for x in numbers)
        assert ratio.ci_low <= ratio.estimate <= ratio.ci_high


def test_the_sentences_speak_of_entries_without_saying_caused():
    pain = factor(analyse(table_entries(PAIN, 1, 2, 0, 4)), "pain")

    assert counts_sentence(pain) == (
        "Episodes followed 1 of 2 entries with moderate or worse pain (50%), "
        "and 0 of 4 without (0%)."
    )
    assert more_needed_sentence(pain) == (
        "3 more entries with moderate or worse pain and 1 more entry with mild or no pain "
        "are needed before this can be judged."
    )
    assert "caus" not in counts_sentence(pain) + more_needed_sentence(pain)


def test_a_factor_that_never_happened_says_there_is_nothing_to_compare():
    memories = factor(analyse(table_entries(PAIN, 1, 5, 1, 5)), "memories_surfaced")

    assert counts_sentence(memories) == (
        "There are no entries with difficult memories coming up in this period yet, "
        "so nothing to compare."
    )


def test_a_partner_factor_never_asks_for_entries_with_someone_else():
    entries = [demo_entry(n, partner="Alex") for n in range(6)]

    alex = next(f for f in analyse(entries).ranked_factors() if f.label == "Alex")

    assert alex.evidence == "not_enough_data"
    assert more_needed_sentence(alex) is None


def test_the_strongest_sentence_gives_the_counts_for_the_dashboard():
    report = analyse(table_entries(PAIN, 12, 15, 3, 40))

    assert strongest_sentence(report.strongest()) == (
        "Episodes clearly went together with moderate or worse pain in your entries: "
        "12 of 15 (80%) compared with 3 of 40 (8%) otherwise."
    )


@pytest.mark.parametrize(
    "counts",
    [
        pytest.param((7, 9, 2, 15), id="pain-example"),
        pytest.param((3, 40, 12, 160), id="no-difference"),
        pytest.param((1, 5, 9, 11), id="protective"),
    ],
)
def test_the_interval_used_for_corrected_cells_is_scipys_on_whole_counts(counts):
    from insights.analysis import _katz_interval

    expected = relative_risk(*counts)
    interval = expected.confidence_interval(0.95)

    written_out = _katz_interval(*counts)

    assert written_out.estimate == pytest.approx(expected.relative_risk)
    assert written_out.ci_low == pytest.approx(interval.low)
    assert written_out.ci_high == pytest.approx(interval.high)


def test_a_rate_with_no_or_all_episodes_still_gets_an_honest_interval():
    # The Wilson interval never collapses to a point: 0 of 10 could well be 2 of 10.
    none = arm(10, 0)
    every = arm(10, 10)

    assert none.rate == 0 and none.rate_ci_low == 0
    assert none.rate_ci_high == pytest.approx(0.2775, abs=1e-4)
    assert every.rate_ci_low == pytest.approx(0.7225, abs=1e-4)
    assert every.rate_ci_high == 1
