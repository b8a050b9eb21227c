"""The entries list keeps its rendered rows between visits (entries/list_rows.py): every
change that shows in a row must show at once."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.services import preferences_for, preferences_update
from entries import services
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db

URL = reverse("entries:list")


def _rows(response) -> str:
    html = response.content.decode()
    start = html.index('<ul class="list-group entry-list')
    return html[start : html.index("</ul>", start)]


def test_a_new_entry_shows_at_once(alice, alice_client):
    EntryFactory(user=alice, sadness=0)
    before = _rows(alice_client.get(URL))

    services.entry_create(user=alice, occurred_at=timezone.now(), sadness=3, cried=True)
    after = _rows(alice_client.get(URL))

    assert before.count("entry-item") == 1
    assert after.count("entry-item") == 2
    assert "cried" in after and "cried" not in before


def test_a_renamed_partner_shows_at_once(alice, alice_client, alice_partner):
    EntryFactory(user=alice, partner=alice_partner)
    assert "With Sam" in _rows(alice_client.get(URL))

    services.partner_update(partner=alice_partner, nickname="Robin", active=True)

    assert "With Robin" in _rows(alice_client.get(URL))


def test_a_new_threshold_shows_at_once(alice, alice_client):
    EntryFactory(user=alice, sadness=2)
    preferences = preferences_for(alice)
    assert "Episode" in _rows(alice_client.get(URL))

    preferences.episode_threshold = 3
    preferences_update(preferences=preferences)

    assert "Calm" in _rows(alice_client.get(URL))


def test_each_page_and_filter_has_its_own_rows(alice, alice_client, alice_partner):
    for hours in range(30):
        EntryFactory(
            user=alice,
            occurred_at=timezone.now() - dt.timedelta(hours=hours + 1),
            partner=alice_partner if hours == 29 else None,
        )

    first = _rows(alice_client.get(URL))
    second = _rows(alice_client.get(URL, {"page": 2}))
    with_sam = _rows(alice_client.get(URL, {"partner": alice_partner.pk}))

    assert first.count("entry-item") == 20  # PAGE_SIZE
    assert second.count("entry-item") == 10
    assert with_sam.count("entry-item") == 1 and "With Sam" in with_sam


def test_one_persons_rows_are_never_shown_to_another(alice, bob, alice_client, client):
    EntryFactory(user=alice, sadness=3)
    EntryFactory(user=bob, sadness=0)
    alice_client.get(URL)
    client.force_login(bob)

    rows = _rows(client.get(URL))

    assert rows.count("entry-item") == 1 and "Calm" in rows and "Episode" not in rows
