"""The dashboard, Insights and the therapist summary open on the one period chosen in
Settings, each says which period it shows, and a period in the query still wins."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import EntryFactory, PreferencesFactory

pytestmark = pytest.mark.django_db

PAGES = {
    "dashboard": "insights:dashboard",
    "insights": "insights:overview",
    "summary": "insights:export",
}


def _period_of(response) -> str:
    """The period key the page used (each page keeps it in its own context)."""
    context = response.context
    period = context.get("period") or context["options"].period
    return period.key


def _text(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _default_period(user, key: str) -> None:
    PreferencesFactory(user=user, default_period=key)


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_a_new_account_opens_every_page_on_the_last_90_days(alice, alice_client, page):
    EntryFactory(user=alice)

    response = alice_client.get(reverse(page))

    today = timezone.localdate()
    start = today - dt.timedelta(days=89)
    assert response.status_code == 200
    assert _period_of(response) == "90d"
    assert f"Last 90 days ({start:%-d %b}" in _text(response)
    assert f"{today:%-d %b %Y})" in _text(response)


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
@pytest.mark.parametrize(("key", "heading"), [("30d", "Last 30 days ("), ("all", "All time")])
def test_every_page_opens_on_the_period_chosen_in_settings(alice, alice_client, page, key, heading):
    EntryFactory(user=alice)
    _default_period(alice, key)

    response = alice_client.get(reverse(page))

    assert response.status_code == 200
    assert _period_of(response) == key
    assert heading in _text(response)


def test_the_pages_agree_on_the_numbers_by_default(alice, alice_client):
    _default_period(alice, "30d")
    EntryFactory(user=alice, sadness=3, occurred_at=timezone.now() - dt.timedelta(days=3))
    EntryFactory(user=alice, occurred_at=timezone.now() - dt.timedelta(days=4))
    EntryFactory(user=alice, sadness=3, occurred_at=timezone.now() - dt.timedelta(days=200))

    insights = alice_client.get(reverse("insights:overview")).context["report"]
    summary = alice_client.get(reverse("insights:export")).context["summary"].numbers
    report = alice_client.get(reverse("insights:report_json")).json()

    assert (insights.entries, insights.episodes) == (2, 1)
    assert (summary.entries, summary.episodes) == (2, 1)
    assert (report["entries"], report["episodes"]) == (2, 1)


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_a_period_in_the_query_wins_over_the_setting(alice, alice_client, page):
    EntryFactory(user=alice)
    _default_period(alice, "all")

    response = alice_client.get(reverse(page), {"range": "30d"})

    assert _period_of(response) == "30d"
    assert "Last 30 days (" in _text(response)


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_custom_dates_in_the_query_win_over_the_setting(alice, alice_client, page):
    EntryFactory(user=alice)

    response = alice_client.get(reverse(page), {"start": "2026-01-05", "end": "2026-02-01"})

    assert _period_of(response) == "custom"
    assert "5 Jan 2026 – 1 Feb 2026" in _text(response)


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
@pytest.mark.parametrize(
    "query",
    [
        pytest.param({"range": "7y"}, id="unknown-range"),
        pytest.param({"start": "2026-02-31"}, id="not-a-date"),
        pytest.param({"end": "9999-12-31"}, id="far-future"),
        pytest.param({"start": "1800-01-01"}, id="too-early"),
    ],
)
def test_a_period_it_cannot_use_is_a_400_whatever_the_setting(alice, alice_client, page, query):
    _default_period(alice, "all")

    assert alice_client.get(reverse(page), query).status_code == 400


def test_the_print_page_without_a_period_covers_the_period_chosen_in_settings(alice, alice_client):
    _default_period(alice, "30d")
    EntryFactory(user=alice, occurred_at=timezone.now() - dt.timedelta(days=3))
    EntryFactory(user=alice, occurred_at=timezone.now() - dt.timedelta(days=100))

    response = alice_client.get(reverse("insights:summary"))

    assert response.status_code == 200
    assert response.context["summary"].numbers.entries == 1
    assert response.context["summary"].period_label == "Last 30 days"
