import datetime as dt

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from entries.services import entry_create, entry_delete, partner_update
from tests.factories import EntryFactory, PartnerFactory

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("insights:dashboard")


def _days_ago(days: float) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


def _month_start(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, 1, tzinfo=dt.UTC)


def test_the_empty_dashboard_welcomes_and_offers_the_log_button(alice_client):
    response = alice_client.get(DASHBOARD)
    content = response.content.decode()

    assert "Welcome" in content
    assert reverse("entries:create") in content
    assert "chart-image" not in content


def test_it_compares_this_month_with_last_month(alice, alice_client, bob):
    this_month = _month_start(timezone.now().date())
    last_month = _month_start((this_month - dt.timedelta(days=1)).date())
    EntryFactory(user=alice, occurred_at=timezone.now(), sadness=3)
    EntryFactory(user=alice, occurred_at=timezone.now())
    EntryFactory(user=alice, occurred_at=this_month - dt.timedelta(hours=1), cried=True)
    EntryFactory(user=alice, occurred_at=last_month - dt.timedelta(days=3))
    EntryFactory(user=bob, occurred_at=timezone.now(), sadness=4)

    response = alice_client.get(DASHBOARD)
    counts = response.context["counts"]

    assert counts.total_entries == 4
    assert (counts.this_month.entries, counts.this_month.episodes) == (2, 1)
    assert (counts.last_month.entries, counts.last_month.episodes) == (1, 1)
    content = response.content.decode()
    assert f"{this_month:%B} so far" in content
    assert "entries, 1 with an episode (50%)" in content
    assert "entry, 1 with an episode (100%)" in content


def test_the_month_counts_follow_a_new_entry_and_a_new_threshold(alice, alice_client):
    EntryFactory(user=alice, occurred_at=timezone.now(), sadness=1)
    assert alice_client.get(DASHBOARD).context["counts"].this_month.entries == 1

    entry_create(user=alice, occurred_at=timezone.now(), sadness=3)
    counts = alice_client.get(DASHBOARD).context["counts"]
    assert (counts.total_entries, counts.this_month.entries) == (2, 2)
    assert counts.this_month.episodes == 1

    alice.preferences.episode_threshold = 1
    alice.preferences.save()
    assert alice_client.get(DASHBOARD).context["counts"].this_month.episodes == 2


def test_it_shows_the_trend_and_emotions_charts_for_the_last_90_days(alice, alice_client):
    for days in (1, 2, 40):
        EntryFactory(user=alice, occurred_at=_days_ago(days))
    EntryFactory(user=alice, occurred_at=_days_ago(95), sadness=4)  # before the 90 days

    content = alice_client.get(DASHBOARD).content.decode()

    assert f'src="{reverse("insights:chart", args=["trend"])}?range=90d&amp;v=' in content
    assert f'src="{reverse("insights:chart", args=["emotions"])}?range=90d&amp;v=' in content
    assert "3 entries, 0 followed by an episode (0%)" in content
    assert "over 3 entries the averages were sadness 0.0" in content
    assert content.count("Show as table") == 2
    assert 'aria-describedby="chart-trend-desc"' in content


def test_the_strongest_insight_is_one_sentence_with_a_link_to_the_insights(alice, alice_client):
    for index in range(10):
        EntryFactory(user=alice, occurred_at=_days_ago(index + 1), pain=6, sadness=3 * (index < 8))
    for index in range(20):
        # Pain answered as 0: an entry that did not record it is not "without pain".
        EntryFactory(user=alice, occurred_at=_days_ago(index + 12), pain=0, sadness=3 * (index < 2))

    content = alice_client.get(DASHBOARD).content.decode()

    assert "went together with moderate or worse pain in your entries: 8 of 10 (80%)" in content
    assert "2 of 20 (10%)" in content
    assert f'href="{reverse("insights:overview")}?range=90d"' in content


def test_with_few_entries_it_says_there_is_not_enough_data_yet(alice, alice_client):
    EntryFactory(user=alice, occurred_at=_days_ago(1), sadness=3)
    EntryFactory(user=alice, occurred_at=_days_ago(2))

    content = alice_client.get(DASHBOARD).content.decode()

    assert "Not enough data yet to see what goes together with your episodes" in content


def test_a_quiet_period_shows_what_to_log_instead_of_charts(alice, alice_client):
    EntryFactory(user=alice, occurred_at=_days_ago(200))

    content = alice_client.get(DASHBOARD).content.decode()

    assert "chart-image" not in content
    assert "No entries in this period yet. Log every experience" in content
    assert "No entries in this period yet. Once you log how you felt afterwards" in content


def test_the_range_picker_changes_the_period_and_keeps_other_parameters(alice, alice_client):
    EntryFactory(user=alice, occurred_at=_days_ago(1))

    response = alice_client.get(DASHBOARD, {"range": "30d", "keep": "me", "page": "3"})
    content = response.content.decode()

    assert 'href="?keep=me&amp;range=30d" aria-current="true">30 days</a>' in content
    assert 'href="?keep=me&amp;range=365d">A year</a>' in content
    assert '<input type="hidden" name="keep" value="me">' in content
    assert "page=3" not in content  # a new period starts at its first page
    assert f'src="{reverse("insights:chart", args=["trend"])}?range=30d&amp;v=' in content
    assert "Last 30 days" in content


def test_custom_dates_are_kept_in_the_picker_and_the_chart_links(alice, alice_client):
    EntryFactory(user=alice, occurred_at=_days_ago(1))
    start = (timezone.now() - dt.timedelta(days=10)).date().isoformat()

    content = alice_client.get(DASHBOARD, {"start": start}).content.decode()

    assert '<details class="range-custom" open>' in content
    assert f'name="start" value="{start}"' in content
    assert f"?start={start}" in content
    assert "aria-current" not in content.split("range-custom")[0].split("range-picker")[1]


def test_a_bad_range_is_a_400_that_keeps_what_was_typed(alice, alice_client):
    EntryFactory(user=alice, occurred_at=_days_ago(1))

    response = alice_client.get(DASHBOARD, {"start": "2026-05-01", "end": "2026-04-01"})
    content = response.content.decode()

    assert response.status_code == 400
    assert "The start date is after the end date." in content
    assert 'name="start" value="2026-05-01"' in content
    assert 'name="end" value="2026-04-01"' in content
    assert "Recent entries" in content


def test_recent_entries_are_the_latest_five_of_mine(alice, alice_client, bob):
    for days in range(1, 8):
        EntryFactory(user=alice, occurred_at=_days_ago(days))
    EntryFactory(user=bob, occurred_at=_days_ago(0.5))

    entries = list(alice_client.get(DASHBOARD).context["recent_entries"])

    assert len(entries) == 5
    assert {entry.user_id for entry in entries} == {alice.pk}
    assert entries[0].occurred_at > entries[-1].occurred_at


def test_recent_entries_follow_a_new_entry_a_deletion_and_a_renamed_partner(alice, alice_client):
    partner = PartnerFactory(user=alice, nickname="Robin")
    EntryFactory(user=alice, occurred_at=_days_ago(2), partner=partner)
    assert "With Robin" in alice_client.get(DASHBOARD).content.decode()

    newest = entry_create(user=alice, occurred_at=_days_ago(1))
    assert alice_client.get(DASHBOARD).context["recent_entries"][0].pk == newest.pk

    entry_delete(entry=newest)
    partner_update(partner=partner, nickname="Kit", active=True)
    response = alice_client.get(DASHBOARD)
    assert newest.pk not in [entry.pk for entry in response.context["recent_entries"]]
    assert len(response.context["recent_entries"]) == 1
    assert "With Kit" in response.content.decode()


def test_the_check_in_notice_spot_is_empty_for_now(alice, alice_client):
    EntryFactory(user=alice, occurred_at=_days_ago(1))

    assert alice_client.get(DASHBOARD).context["checkin_notice"] is None


def _queries_for_dashboard(client) -> int:
    caches["derived"].clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(DASHBOARD).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_entries(alice, alice_client):
    alice_client.get(DASHBOARD)  # the session's first request does its own bookkeeping
    for index in range(10):
        EntryFactory(user=alice, occurred_at=_days_ago(index + 1), sadness=index % 4)
    with_ten = _queries_for_dashboard(alice_client)
    for index in range(50):
        EntryFactory(user=alice, occurred_at=_days_ago(index + 0.5), cried=index % 5 == 0)

    assert _queries_for_dashboard(alice_client) == with_ten


def test_a_warm_dashboard_reads_the_charts_text_from_the_cache(alice, alice_client):
    EntryFactory(user=alice, occurred_at=_days_ago(1))
    alice_client.get(DASHBOARD)
    cold = _queries_for_dashboard(alice_client)

    with CaptureQueriesContext(connection) as warm:
        alice_client.get(DASHBOARD)

    assert len(warm) < cold
    assert not any("insights" in query["sql"] or "entries_tag" in query["sql"] for query in warm)
