import datetime as dt

import pytest
from django.http import QueryDict

from insights.ranges import InvalidRange, range_picker, selected_range
from pct_journal.date_range import DateRange

TODAY = dt.date(2026, 3, 15)


@pytest.mark.parametrize(
    ("key", "start", "label"),
    [
        ("30d", dt.date(2026, 2, 14), "Last 30 days"),
        ("90d", dt.date(2025, 12, 16), "Last 90 days"),
        ("365d", dt.date(2025, 3, 16), "Last year"),
    ],
    ids=["30d", "90d", "365d"],
)
def test_a_preset_ends_today_and_counts_today_as_its_last_day(key, start, label):
    period = selected_range({"range": key}, today=TODAY)

    assert period.dates == DateRange(start, TODAY)
    assert (period.dates.end - period.dates.start).days + 1 == int(key.removesuffix("d"))
    assert period.label == label
    assert period.query() == f"range={key}"


def test_all_time_is_open_at_both_ends():
    period = selected_range({"range": "all"}, today=TODAY)

    assert period.dates == DateRange(None, None)
    assert period.label == "All time"


def test_without_parameters_the_default_preset_applies():
    assert selected_range({}, today=TODAY).key == "90d"
    assert selected_range({}, today=TODAY, default="all").key == "all"


def test_custom_dates_win_over_a_preset():
    period = selected_range(
        {"range": "30d", "start": "2026-01-01", "end": "2026-01-31"}, today=TODAY
    )

    assert period.key == "custom"
    assert period.dates == DateRange(dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    assert period.label == "1 Jan 2026 – 31 Jan 2026"
    assert period.query() == "start=2026-01-01&end=2026-01-31"


@pytest.mark.parametrize(
    ("query", "label"),
    [({"start": "2026-01-01"}, "Since 1 Jan 2026"), ({"end": "2026-01-31"}, "Until 31 Jan 2026")],
    ids=["start-only", "end-only"],
)
def test_a_custom_range_may_be_open_at_one_end(query, label):
    period = selected_range(query, today=TODAY)

    assert period.label == label
    assert period.query() == "&".join(f"{key}={value}" for key, value in query.items())


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "2026-02-01", "end": "2026-01-01"}, "The start date is after the end date."),
        ({"start": "31/01/2026"}, "“31/01/2026” is not a date; use the form 2026-01-31 for start."),
        ({"end": "tomorrow"}, "for end."),
        (
            {"start": "1850-01-01"},
            "The start date is too far in the past; use 1900-01-01 or later.",
        ),
        ({"end": "1899-12-31"}, "The end date is too far in the past; use 1900-01-01 or later."),
        ({"start": "2026-04-01"}, "The start date is in the future."),
        (
            {"end": "2026-03-17"},
            "The end date is too far in the future; use 2026-03-16 or earlier.",
        ),
        ({"end": "9999-12-31"}, "The end date is too far in the future"),
        ({"start": "2026-01-01", "end": "9000-01-01"}, "The end date is too far in the future"),
        ({"range": "week"}, "“week” is not a period this page knows; use one of 30d, 90d"),
    ],
    ids=[
        "reversed",
        "not-iso",
        "not-a-date",
        "too-early",
        "end-too-early",
        "future",
        "end-two-days-ahead",
        "end-last-day-there-is",
        "end-in-9000",
        "unknown-preset",
    ],
)
def test_bad_input_is_refused_with_a_message_for_the_person(query, message):
    with pytest.raises(InvalidRange) as error:
        selected_range(query, today=TODAY)

    assert message in str(error.value)


def test_an_end_up_to_a_day_ahead_is_accepted_like_an_entry_logged_a_day_ahead():
    period = selected_range({"start": "2026-03-01", "end": "2026-03-16"}, today=TODAY)

    assert period.dates == DateRange(dt.date(2026, 3, 1), dt.date(2026, 3, 16))


def test_blank_custom_dates_fall_back_to_the_preset():
    period = selected_range({"range": "30d", "start": "  ", "end": ""}, today=TODAY)

    assert period.key == "30d"


def test_the_picker_marks_the_chosen_preset_and_keeps_other_parameters():
    query = QueryDict("range=30d&partner=a&partner=b&page=4")
    picker = range_picker(query, selected_range(query, today=TODAY), today=TODAY)

    assert [(choice.label, choice.active) for choice in picker.choices] == [
        ("30 days", True),
        ("90 days", False),
        ("A year", False),
        ("All", False),
    ]
    assert picker.choices[3].query == "partner=a&partner=b&range=all"
    assert picker.kept == (("partner", "a"), ("partner", "b"))
    assert not picker.custom
    assert (picker.start, picker.end) == ("2026-02-14", "2026-03-15")


def test_the_picker_opens_custom_dates_when_they_are_in_use():
    query = QueryDict("start=2026-01-01")
    picker = range_picker(query, selected_range(query, today=TODAY), today=TODAY)

    assert picker.custom
    assert not any(choice.active for choice in picker.choices)
    assert (picker.start, picker.end) == ("2026-01-01", "")


def test_after_bad_input_the_picker_shows_what_was_typed():
    picker = range_picker({"start": "2026-02-01", "end": "2026-01-01"}, None, today=TODAY)

    assert picker.custom
    assert (picker.start, picker.end) == ("2026-02-01", "2026-01-01")
    assert picker.today == "2026-03-15"
