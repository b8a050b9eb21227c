"""The summary's options: one form reads them from a query, and a share link freezes them."""

import datetime as dt

import pytest
from django.http import QueryDict

from insights.summary.options import (
    MAX_CHOSEN_NOTES,
    options_from_frozen,
    options_frozen,
    summary_options,
)
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 25)


def _parse(user, query: str):
    return summary_options(QueryDict(query), user=user, today=TODAY)


def test_a_bare_query_gives_the_usual_summary(alice):
    _form, options = _parse(alice, "")

    assert options.period.key == "90d"
    assert options.dates.start == dt.date(2026, 8, 28)
    assert (options.checkins, options.charts, options.partners) == (True, True, False)
    assert (options.notes, options.paper) == ("none", "a4")


def test_once_the_form_is_sent_an_unticked_box_means_no(alice):
    _form, options = _parse(alice, "options=1&partners=on")

    assert options.partners
    assert not options.checkins
    assert not options.charts


def test_the_query_it_writes_reads_back_the_same(alice):
    entry = EntryFactory(user=alice)
    _form, options = _parse(
        alice, f"start=2026-03-01&end=2026-03-31&notes=chosen&note={entry.pk}&paper=letter"
    )

    _form, again = _parse(alice, options.query())

    assert again == options


def test_picked_notes_keep_their_order_without_repeats(alice):
    first, second = EntryFactory(user=alice), EntryFactory(user=alice)

    _form, options = _parse(
        alice, f"notes=chosen&note={second.pk}&note={first.pk}&note={second.pk}"
    )

    assert options.note_ids == (str(second.pk), str(first.pk))


def test_picked_notes_only_count_when_picking_is_chosen(alice):
    entry = EntryFactory(user=alice)

    _form, options = _parse(alice, f"notes=all&note={entry.pk}")

    assert options.notes == "all"
    assert options.note_ids == ()


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        pytest.param("paper=a3", "paper", "Select a valid choice", id="paper"),
        pytest.param("notes=maybe", "notes", "Select a valid choice", id="notes"),
        pytest.param("note=../../etc", "note", "is not a note in your journal", id="not-uuid"),
        pytest.param("range=2y", "__all__", "not a period this page knows", id="preset"),
        pytest.param("start=2026-13-01", "__all__", "is not a date", id="bad-date"),
        pytest.param("start=2027-01-01", "__all__", "in the future", id="future"),
        pytest.param("start=1800-01-01", "__all__", "too far in the past", id="past"),
    ],
)
def test_bad_input_is_a_field_error(alice, query, field, message):
    form, options = _parse(alice, query)

    assert options is None
    assert message in str(form.errors[field])
    assert message in form.error_text()


def test_another_users_entry_cannot_be_picked(alice, bob):
    bobs = EntryFactory(user=bob)

    form, options = _parse(alice, f"notes=chosen&note={bobs.pk}")

    assert options is None
    assert "not in your journal" in str(form.errors["note"])


def test_too_many_picked_notes_are_refused_before_any_lookup(alice, django_assert_num_queries):
    query = "&".join(f"note=00000000-0000-0000-0000-{n:012d}" for n in range(MAX_CHOSEN_NOTES + 1))

    with django_assert_num_queries(0):
        form, options = _parse(alice, f"notes=chosen&{query}")

    assert options is None
    assert "at most" in str(form.errors["note"])


def test_frozen_options_keep_concrete_dates_and_read_back(alice):
    _form, options = _parse(alice, "range=30d&options=1&partners=on&paper=letter")

    frozen = options_frozen(options, note_ids=["n1"], first_day=dt.date(2025, 1, 1), today=TODAY)
    thawed = options_from_frozen(frozen)

    assert (frozen["start"], frozen["end"]) == ("2026-10-27", "2026-11-25")
    assert thawed.period.label == "27 Oct 2026 – 25 Nov 2026"
    assert thawed.dates == options.dates
    assert (thawed.notes, thawed.note_ids) == ("chosen", ("n1",))
    assert (thawed.partners, thawed.checkins, thawed.charts) == (True, False, False)
    assert thawed.paper == "letter"
