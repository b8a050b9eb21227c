"""Entries a week in the summary count from the later of the period's start and the
first entry, so a journal begun halfway through the period is not diluted."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db

FOUR_WEEKS = "start=2026-03-01&end=2026-03-28"


def _at(day: int) -> dt.datetime:
    return dt.datetime(2026, 3, day, 21, tzinfo=dt.UTC)


def _glance(client, query: str = FOUR_WEEKS) -> str:
    response = client.get(f"{reverse('insights:summary')}?{query}")
    assert response.status_code == 200
    return response.context["summary"].glance[0]


def test_a_journal_begun_mid_period_counts_from_its_first_entry(alice, alice_client):
    for day in range(15, 29, 2):  # 7 entries in the last 14 days of the 28
        EntryFactory(user=alice, occurred_at=_at(day))

    line = _glance(alice_client)

    assert line.endswith("about 3.5 entries a week since 15 Mar 2026.")


def test_a_journal_older_than_the_period_counts_the_whole_period(alice, alice_client):
    EntryFactory(user=alice, occurred_at=dt.datetime(2026, 2, 10, 21, tzinfo=dt.UTC))
    for day in range(1, 29, 2):  # 14 entries in 4 weeks
        EntryFactory(user=alice, occurred_at=_at(day))

    line = _glance(alice_client)

    assert line.endswith("about 3.5 entries a week.")
    assert "since" not in line


def test_a_first_entry_on_the_periods_first_day_does_not_say_since(alice, alice_client):
    for day in range(1, 29, 4):
        EntryFactory(user=alice, occurred_at=_at(day))

    line = _glance(alice_client, "start=2026-03-05&end=2026-03-28")

    assert line.endswith("about 1.8 entries a week.")  # 6 entries from 5 to 28 March


def test_under_a_week_of_journal_gives_no_weekly_figure(alice, alice_client):
    for day in (25, 26, 27):
        EntryFactory(user=alice, occurred_at=_at(day))

    line = _glance(alice_client)

    assert line == "Episodes followed 0 of 3 logged experiences (0%)."
