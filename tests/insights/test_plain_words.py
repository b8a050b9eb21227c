"""Every numbers line has a sentence in plain words, derived from the counts and p."""

from dataclasses import replace

import pytest

from insights.wording import how_to_read, plain_sentence, strongest_sentence
from tests.analysis_frames import analyse, demo_entry, factor, table_entries

PAIN = {"pain": 6}


def _pain(*table):
    return factor(analyse(table_entries(PAIN, *table)), "pain")


@pytest.mark.parametrize(
    ("table", "sentence"),
    [
        pytest.param(
            (26, 50, 10, 50),
            "Of 100 entries like these, about 52 were followed by an episode, against 20 "
            "without. A difference this large would turn up by chance about 1 time in 630: "
            "in your entries the two went together.",
            id="clear",
        ),
        pytest.param(
            (5, 10, 7, 30),
            "Of 100 entries like these, about 50 were followed by an episode, against 23 "
            "without. A difference this large would turn up by chance about 1 time in 8, so "
            "it might be chance; keep logging.",
            id="possible",
        ),
        pytest.param(
            (3, 10, 5, 30),
            "Of 100 entries like these, about 30 were followed by an episode, against 17 "
            "without. A difference this large would turn up by chance about 1 time in 3, too "
            "often to call it a pattern.",
            id="unclear",
        ),
        pytest.param(
            (60, 200, 45, 200),
            "Of 100 entries like these, about 30 were followed by an episode, against 23 "
            "without. A difference this large would turn up by chance about 1 time in 9, but "
            "the difference is too small to count as a pattern.",
            id="too-small",
        ),
        pytest.param(
            (10, 20, 20, 40),
            "Of 100 entries like these, about 50 were followed by an episode, against 50 "
            "without. A difference this small turns up by chance more often than not, so "
            "there is no sign of a real difference.",
            id="no-difference",
        ),
        pytest.param(
            (2, 10, 12, 20),
            "Of 100 entries like these, about 20 were followed by an episode, against 60 "
            "without. A difference this large would turn up by chance about 1 time in 17; "
            "here episodes were less common with it, not more.",
            id="fewer-episodes",
        ),
        pytest.param(
            (5, 5, 0, 20),
            "Of 100 entries like these, about 100 were followed by an episode, against 0 "
            "without. A difference this large would turn up by chance less than 1 time in "
            "1,000: in your entries the two went together.",
            id="zero-cells",
        ),
        pytest.param(
            (0, 10, 0, 20),
            "No entry on either side was followed by an episode, so there is no difference.",
            id="no-episode-at-all",
        ),
    ],
)
def test_the_numbers_read_in_plain_words(table, sentence):
    assert plain_sentence(_pain(*table)) == sentence


def test_a_rare_looking_difference_among_many_factors_is_not_called_a_pattern():
    pain = replace(_pain(5, 10, 7, 30), q_value=0.45, evidence="none")

    assert plain_sentence(pain).endswith(
        "about 1 time in 8, but with this many factors checked at once that is not rare "
        "enough to call it a pattern."
    )


def test_a_partner_is_compared_with_the_other_partnered_entries_in_words():
    entries = [
        *(demo_entry(n, partner="Alex", sadness=3 if n < 8 else 0) for n in range(12)),
        *(demo_entry(20 + n, partner="Sam", sadness=3 if n < 2 else 0) for n in range(12)),
    ]
    alex = next(f for f in analyse(entries).ranked_factors() if f.label == "Alex")

    assert plain_sentence(alex).startswith(
        "Of 100 entries like these, about 67 were followed by an episode, against 17 in 100 "
        "partnered entries with someone else or nobody named."
    )


def test_no_sentence_while_there_is_not_enough_data():
    assert plain_sentence(_pain(4, 4, 0, 40)) is None


def test_the_sentences_say_went_together_never_caused():
    tables = [(26, 50, 10, 50), (5, 10, 7, 30), (3, 10, 5, 30), (2, 10, 12, 20)]
    text = " ".join(plain_sentence(_pain(*table)) for table in tables)

    assert "went together" in text
    assert "caus" not in text


def test_the_dashboard_line_says_a_possible_pattern_might_be_chance():
    pain = _pain(5, 10, 7, 30)

    assert strongest_sentence(pain) == (
        "Episodes possibly went together with moderate or worse pain in your entries: 5 of "
        "10 (50%) compared with 7 of 30 (23%) otherwise. It might be chance; keep logging."
    )


def test_the_how_to_read_panel_names_the_rules_cut_offs():
    text = " ".join(how_to_read())

    assert "q below 0.125 for the six main factors" in text
    assert "below 0.05 for every other factor" in text
    assert "at least 1.5 times as common" in text and "q below 0.2" in text
    assert "not that one caused the other" in text
