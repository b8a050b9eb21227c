"""The check-ins chart on the dashboard: shown once the person has taken any check-in."""

import datetime as dt

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from checkins.services import checkin_create
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("insights:dashboard")
CHECKINS_SRC = f'src="{reverse("insights:chart", args=["checkins"])}?range=90d&amp;v='


def _days_ago(days: float) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


def _checkin(user, instrument: str, answers: list[int], days_ago: float):
    return checkin_create(
        user=user, instrument=instrument, answers=answers, taken_at=_days_ago(days_ago)
    )


def test_without_any_check_in_there_is_no_check_ins_chart(alice, alice_client):
    EntryFactory(user=alice, occurred_at=_days_ago(1))

    content = alice_client.get(DASHBOARD).content.decode()

    assert "chart-checkins" not in content
    assert content.count("Show as table") == 2


def test_both_questionnaires_show_on_the_chart_with_their_text_and_table(alice, alice_client):
    EntryFactory(user=alice, occurred_at=_days_ago(1))
    _checkin(alice, "phq9", [1] * 9, days_ago=20)
    _checkin(alice, "phq9", [2] * 9, days_ago=6)
    _checkin(alice, "gad7", [1] * 7, days_ago=5)

    content = alice_client.get(DASHBOARD).content.decode()

    assert CHECKINS_SRC in content
    assert 'aria-describedby="chart-checkins-desc"' in content
    description = content.split('id="chart-checkins-desc">')[1].split("</figcaption>")[0]
    assert "PHQ-9 (mood): 2 check-ins" in description
    assert "the latest was 18 of 27 (moderately severe)" in description
    assert "GAD-7 (anxiety): 1 check-in" in description
    assert content.count("Show as table") == 3
    assert '<caption class="small">Check-in scores</caption>' in content


def test_with_no_check_in_in_the_period_it_says_what_to_do(alice, alice_client):
    EntryFactory(user=alice, occurred_at=_days_ago(1))
    _checkin(alice, "gad7", [1] * 7, days_ago=200)

    content = alice_client.get(DASHBOARD).content.decode()

    assert 'id="chart-checkins-title"' in content
    assert "No check-ins in this period." in content
    assert CHECKINS_SRC not in content


def test_check_ins_before_the_first_entry_already_show(alice, alice_client):
    _checkin(alice, "phq9", [1] * 9, days_ago=2)

    content = alice_client.get(DASHBOARD).content.decode()

    assert "Welcome" in content
    assert CHECKINS_SRC in content
    assert "PHQ-9 (mood): 1 check-in" in content


def test_a_new_check_in_shows_at_once(alice, alice_client):
    EntryFactory(user=alice, occurred_at=_days_ago(1))
    alice_client.get(DASHBOARD)  # the panel is now cached

    _checkin(alice, "gad7", [3] * 7, days_ago=0.1)

    assert "GAD-7 (anxiety): 1 check-in" in alice_client.get(DASHBOARD).content.decode()


def _cold_queries(client) -> int:
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(DASHBOARD).status_code == 200
    return len(queries)


def test_the_queries_do_not_grow_with_the_check_ins(alice, alice_client):
    EntryFactory(user=alice, occurred_at=_days_ago(1))
    _checkin(alice, "phq9", [1] * 9, days_ago=3)
    alice_client.get(DASHBOARD)  # the session's first request does its own bookkeeping
    with_one = _cold_queries(alice_client)
    for week in range(1, 12):
        _checkin(alice, "phq9", [week % 4] * 9, days_ago=7 * week)
        _checkin(alice, "gad7", [week % 4] * 7, days_ago=7 * week)

    assert _cold_queries(alice_client) == with_one
