"""The dashboard's recent entries are drawn once per data version and kept, sealed: a
setting that changes how they read shows at once."""

import datetime as dt
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from accounts.services import preferences_update
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("insights:dashboard")


def _shown(moment: dt.datetime, zone: str) -> str:
    return date_format(timezone.localtime(moment, zoneinfo.ZoneInfo(zone)), "SHORT_DATETIME_FORMAT")


def test_a_new_time_zone_shows_the_recent_entries_times_in_it(alice, alice_client):
    moment = (timezone.now() - dt.timedelta(days=2)).replace(hour=10, minute=30, second=0)
    EntryFactory(user=alice, occurred_at=moment)
    preferences = alice.preferences
    preferences.time_zone = "UTC"
    preferences_update(preferences=preferences)
    assert _shown(moment, "UTC") in alice_client.get(DASHBOARD).content.decode()

    preferences.time_zone = "Asia/Tokyo"
    preferences_update(preferences=preferences)
    page = alice_client.get(DASHBOARD).content.decode()

    assert _shown(moment, "Asia/Tokyo") in page
    assert _shown(moment, "UTC") not in page


def test_a_new_threshold_marks_the_recent_entries_again(alice, alice_client):
    EntryFactory(user=alice, occurred_at=timezone.now() - dt.timedelta(days=1), sadness=3)
    preferences = alice.preferences
    preferences.episode_threshold = 3
    preferences_update(preferences=preferences)
    assert '<span class="badge badge-episode">' in alice_client.get(DASHBOARD).content.decode()

    preferences.episode_threshold = 5
    preferences_update(preferences=preferences)
    page = alice_client.get(DASHBOARD).content.decode()

    assert '<span class="badge badge-episode">' not in page
    assert '<span class="badge badge-calm">' in page
