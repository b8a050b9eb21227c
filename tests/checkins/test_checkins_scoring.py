"""Scoring and banding of the PHQ-9 and GAD-7, at every band boundary (no database)."""

import pytest

from checkins.instruments import (
    GAD7,
    INSTRUMENTS,
    PHQ9,
    InvalidAnswers,
    instrument_for,
    score,
    validated_answers,
)


def _answers_totalling(key: str, total: int) -> list[int]:
    """Answers that add up to `total`, filled from the first item (3 each)."""
    answers = []
    for _item in INSTRUMENTS[key].items:
        answer = min(3, total)
        answers.append(answer)
        total -= answer
    assert total == 0
    return answers


PHQ9_BOUNDARIES = [
    (0, "minimal"),
    (4, "minimal"),
    (5, "mild"),
    (9, "mild"),
    (10, "moderate"),
    (14, "moderate"),
    (15, "moderately_severe"),
    (19, "moderately_severe"),
    (20, "severe"),
    (27, "severe"),
]
GAD7_BOUNDARIES = [
    (0, "minimal"),
    (4, "minimal"),
    (5, "mild"),
    (9, "mild"),
    (10, "moderate"),
    (14, "moderate"),
    (15, "severe"),
    (21, "severe"),
]


@pytest.mark.parametrize(
    ("total", "band"), PHQ9_BOUNDARIES, ids=[f"phq9-{t}" for t, _ in PHQ9_BOUNDARIES]
)
def test_phq9_totals_fall_in_the_published_bands(total, band):
    computed, computed_band = score(INSTRUMENTS[PHQ9], _answers_totalling(PHQ9, total))
    assert computed == total
    assert computed_band.key == band


@pytest.mark.parametrize(
    ("total", "band"), GAD7_BOUNDARIES, ids=[f"gad7-{t}" for t, _ in GAD7_BOUNDARIES]
)
def test_gad7_totals_fall_in_the_published_bands(total, band):
    computed, computed_band = score(INSTRUMENTS[GAD7], _answers_totalling(GAD7, total))
    assert computed == total
    assert computed_band.key == band


def test_the_bands_cover_every_possible_total_exactly_once():
    for instrument in INSTRUMENTS.values():
        covered = [t for band in instrument.bands for t in range(band.low, band.high + 1)]
        assert covered == list(range(instrument.max_total + 1))


def test_band_names_read_as_people_see_them():
    assert INSTRUMENTS[PHQ9].band_label("moderately_severe") == "Moderately severe"
    assert [band.label for band in INSTRUMENTS[GAD7].bands] == [
        "Minimal",
        "Mild",
        "Moderate",
        "Severe",
    ]


def test_the_standard_wording_is_used():
    assert len(INSTRUMENTS[PHQ9].items) == 9
    assert len(INSTRUMENTS[GAD7].items) == 7
    assert INSTRUMENTS[PHQ9].items[0] == "Little interest or pleasure in doing things"
    assert INSTRUMENTS[PHQ9].items[8].startswith("Thoughts that you would be better off dead")
    assert INSTRUMENTS[GAD7].items[1] == "Not being able to stop or control worrying"


@pytest.mark.parametrize(
    ("key", "answers", "message"),
    [
        pytest.param(PHQ9, [0] * 8, "9 questions", id="one-missing"),
        pytest.param(GAD7, [0] * 9, "7 questions", id="too-many"),
        pytest.param(PHQ9, [0] * 8 + [4], "Question 9", id="above-3"),
        pytest.param(PHQ9, [-1] + [0] * 8, "Question 1", id="negative"),
        pytest.param(GAD7, ["2"] + [0] * 6, "whole number", id="text"),
        pytest.param(GAD7, [True] + [0] * 6, "whole number", id="boolean"),
        pytest.param(GAD7, [1.5] + [0] * 6, "whole number", id="fraction"),
        pytest.param(GAD7, "0000000", "7 questions", id="a-string"),
    ],
)
def test_answers_that_do_not_fit_are_refused(key, answers, message):
    with pytest.raises(InvalidAnswers, match=message):
        validated_answers(INSTRUMENTS[key], answers)


def test_an_unknown_instrument_is_refused():
    with pytest.raises(InvalidAnswers, match="not a questionnaire"):
        instrument_for("bdi")


def test_an_impossible_total_has_no_band():
    with pytest.raises(ValueError, match="not a possible GAD-7 total"):
        INSTRUMENTS[GAD7].band_for(22)
