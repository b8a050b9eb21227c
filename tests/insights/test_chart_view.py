import datetime as dt

import pytest
from cryptography.exceptions import InvalidTag
from django.core.cache import caches
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from accounts.models import Preferences, new_cache_secret
from accounts.services import account_delete
from checkins.services import checkin_create
from entries import services
from insights import chart_sections
from insights.ranges import selected_range
from pct_journal import chart_cache
from tests.factories import EntryFactory, TagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def render_count(monkeypatch):
    """How many times a chart was actually drawn (rather than served from the cache)."""
    calls = []
    original = chart_sections.render_chart

    def counting(*args, **kwargs):
        calls.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(chart_sections, "render_chart", counting)
    return calls


def _url(name: str, **query) -> str:
    params = "&".join(f"{key}={value}" for key, value in query.items())
    return f"{reverse('insights:chart', args=[name])}?{params}"


def _days_ago(days: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


def _derived_keys(kind: str = "svg") -> list[str]:
    # The in-memory test cache keeps its keys as ":<version>:<key>".
    keys = [made.split(":", 2)[2] for made in caches["derived"]._cache]
    return [key for key in keys if f":{kind}:" in key]


def _log(user, count: int, **fields):
    for index in range(count):
        EntryFactory(user=user, occurred_at=_days_ago(index + 1), **fields)


def test_it_serves_the_trend_as_an_svg_no_browser_keeps(alice, alice_client):
    _log(alice, 3)
    _log(alice, 1, sadness=3)

    response = alice_client.get(_url("trend", range="30d"))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "no-store" in response["Cache-Control"]
    assert "ETag" not in response
    policy = {part.strip() for part in response["Content-Security-Policy"].split(";")}
    assert policy == {"default-src 'none'", "style-src 'unsafe-inline'"}
    body = response.content.decode()
    assert body.startswith("<?xml")
    assert "4 entries, 1 followed by an episode (25%)" in body


@pytest.mark.parametrize("name", ["trend", "emotions", "factors", "calendar", "checkins"])
def test_every_chart_renders_for_a_journal(alice, alice_client, name):
    tag = TagFactory(user=alice, name="tired")
    for index in range(12):
        entry = EntryFactory(user=alice, occurred_at=_days_ago(index + 1), pain=6 * (index % 2))
        if index % 3 == 0:
            entry.tags.add(tag)

    response = alice_client.get(_url(name, range="90d"))

    assert response.status_code == 200
    assert response.content.startswith(b"<?xml")


def test_an_unknown_chart_is_not_found(alice_client):
    assert alice_client.get(_url("pie", range="30d")).status_code == 404


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "2026-05-01", "end": "2026-04-01"}, "The start date is after the end date."),
        ({"start": "yesterday"}, "is not a date"),
        ({"range": "7y"}, "is not a period this page knows"),
        ({"end": "9999-12-31"}, "The end date is too far in the future"),
        ({"start": "2026-01-01", "end": "9000-01-01"}, "The end date is too far in the future"),
        ({"start": "1899-12-31"}, "The start date is too far in the past"),
    ],
    ids=["reversed", "not-a-date", "unknown-preset", "last-day-there-is", "year-9000", "1899"],
)
def test_a_bad_range_is_a_400_with_a_message(alice_client, query, message):
    response = alice_client.get(_url("trend", **query))

    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize("name", ["trend", "emotions", "factors", "calendar", "checkins"])
def test_no_chart_is_drawn_for_an_end_thousands_of_years_ahead(alice, alice_client, name):
    _log(alice, 2)

    response = alice_client.get(_url(name, start="2026-01-01", end="9000-01-01"))

    assert response.status_code == 400
    assert b"use " in response.content and b"or earlier" in response.content


def test_an_end_of_tomorrow_draws_the_chart_up_to_today(alice, alice_client):
    _log(alice, 3)
    today = timezone.localdate()
    tomorrow = today + dt.timedelta(days=1)
    start = today - dt.timedelta(days=13)

    response = alice_client.get(_url("trend", start=start, end=tomorrow))

    body = response.content.decode()
    assert response.status_code == 200
    assert f"– {today:%-d %b %Y}, per week: 3 entries" in body
    assert f"{tomorrow:%-d %b %Y}" not in body


def test_a_period_without_entries_is_the_empty_state_image(alice, alice_client):
    EntryFactory(user=alice, occurred_at=_days_ago(200))

    response = alice_client.get(_url("emotions", range="30d"))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert 'id="empty-state"' in response.content.decode()
    assert "Once you log how you felt afterwards" in response.content.decode()


def test_check_ins_show_once_there_are_some(alice, alice_client):
    empty = alice_client.get(_url("checkins", range="30d")).content.decode()
    checkin_create(user=alice, instrument="phq9", answers=[1] * 9)

    drawn = alice_client.get(_url("checkins", range="30d")).content.decode()

    assert 'id="empty-state"' in empty
    assert 'id="checkins-phq9"' in drawn
    assert "1 check-in, on " in drawn
    assert "score 9 of 27 (mild)" in drawn


def test_a_chart_is_drawn_once_and_then_served_from_the_cache(alice, alice_client, render_count):
    _log(alice, 2)

    first = alice_client.get(_url("trend", range="30d"))
    second = alice_client.get(_url("trend", range="30d"))

    assert render_count == ["trend"]
    assert first.content == second.content


def test_a_new_entry_makes_the_cached_chart_stale(alice, alice_client, render_count):
    _log(alice, 2)
    before = alice_client.get(_url("trend", range="30d")).content.decode()

    services.entry_create(user=alice, occurred_at=_days_ago(0), sadness=4)
    after = alice_client.get(_url("trend", range="30d")).content.decode()

    assert render_count == ["trend", "trend"]
    assert "2 entries, 0 followed by an episode" in before
    assert "3 entries, 1 followed by an episode" in after


def test_each_range_and_chart_is_cached_on_its_own(alice, alice_client, render_count):
    _log(alice, 2)

    alice_client.get(_url("trend", range="30d"))
    alice_client.get(_url("trend", range="90d"))
    alice_client.get(_url("calendar", range="30d"))
    alice_client.get(_url("trend", range="30d"))

    assert render_count == ["trend", "trend", "calendar"]


def test_one_user_never_gets_another_users_cached_chart(alice, bob, alice_client, render_count):
    _log(alice, 5, sadness=3)
    _log(bob, 1)
    bob_client = alice_client.__class__()
    bob_client.force_login(bob)
    # Same chart, same period, same data version: only the person differs.
    assert alice.preferences.data_version == bob.preferences.data_version

    alices = alice_client.get(_url("trend", range="30d"))
    bobs = bob_client.get(_url("trend", range="30d"))

    assert render_count == ["trend", "trend"]
    assert "5 entries, 5 followed by an episode" in alices.content.decode()
    assert "1 entry, 0 followed by an episode" in bobs.content.decode()


def test_it_checks_ownership(alice, charlie_client):
    TagFactory(user=alice, name="alice-only-factor")
    _log(alice, 6, sadness=3)

    response = charlie_client.get(_url("factors", range="all"))

    assert response.status_code == 200
    assert "alice-only-factor" not in response.content.decode()
    assert 'id="empty-state"' in response.content.decode()


def test_a_revisit_is_served_whole_from_the_server_cache(alice, alice_client, render_count):
    _log(alice, 2)
    first = alice_client.get(_url("trend", range="30d"))

    # Even a browser that kept an old copy and asks whether it changed gets the image
    # itself again: nothing invites it to keep journal data on disk.
    again = alice_client.get(_url("trend", range="30d"), headers={"if-none-match": '"x"'})

    assert again.status_code == 200
    assert again.content == first.content
    assert "no-store" in again["Cache-Control"]
    assert render_count == ["trend"]


def test_a_cached_chart_is_stored_encrypted_under_its_owners_key(alice, alice_client):
    _log(alice, 3, sadness=3)
    body = alice_client.get(_url("trend", range="30d")).content
    derived = caches["derived"]
    stored = [derived.get(key) for key in _derived_keys()]

    assert stored, "the chart was not cached"
    assert all(isinstance(value, bytes) for value in stored)
    assert not any(b"followed by an episode" in value for value in stored)
    assert b"followed by an episode" in body


def test_after_the_account_is_deleted_its_cached_charts_cannot_be_read(alice, alice_client):
    _log(alice, 3, sadness=3)
    alice_client.get(_url("trend", range="30d"))
    key = chart_cache.chart_cache_key(
        "svg",
        user=alice,
        data_version=alice.preferences.data_version,
        name="trend",
        dates=selected_range(QueryDict("range=30d"), today=timezone.localdate()).dates,
        today=timezone.localdate(),
    )
    sealed = caches["derived"].get(key.text)
    assert sealed is not None
    assert b"followed by an episode" in chart_cache.cached(key, lambda: b"rebuilt")

    account_delete(user=alice)

    # The bytes may linger in a shared cache until they expire, but the only key that
    # opens them went with the account.
    assert not Preferences.objects.filter(user_id=alice.pk).exists()
    assert caches["derived"].get(key.text) == sealed
    with pytest.raises(InvalidTag):
        chart_cache._open(chart_cache.CacheKey(key.text, bytes.fromhex(new_cache_secret())), sealed)


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(_url("trend", range="30d"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_posting_to_a_chart_is_not_allowed(alice_client):
    assert alice_client.post(_url("trend")).status_code == 405


def test_the_factors_chart_draws_a_check_in_factor_once_entries_have_a_score(alice, alice_client):
    _log(alice, 6, pain=6)
    before = alice_client.get(_url("factors", range="90d")).content.decode()
    checkin_create(user=alice, instrument="phq9", answers=[2] * 9, taken_at=_days_ago(10))

    after = alice_client.get(_url("factors", range="90d")).content.decode()

    assert "PHQ-9" not in before  # nothing known for it yet: no empty row is drawn
    assert "PHQ-9 score of 10 or more" in after


def test_raising_the_threshold_in_settings_redraws_the_trend(alice, alice_client, render_count):
    _log(alice, 2, sadness=2)  # moderate: an episode at threshold 2, not at 3
    _log(alice, 1, sadness=3)
    _log(alice, 1)
    before = alice_client.get(_url("trend", range="30d")).content.decode()

    settings = {"time_zone": "UTC", "episode_threshold": "3", "checkin_cadence_days": "14"}
    assert alice_client.post(reverse("accounts:settings"), settings).status_code == 302
    after = alice_client.get(_url("trend", range="30d")).content.decode()

    assert "4 entries, 3 followed by an episode (75%)" in before
    assert "4 entries, 1 followed by an episode (25%)" in after
    assert render_count == ["trend", "trend"]
