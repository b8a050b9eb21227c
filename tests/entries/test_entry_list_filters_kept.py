"""The entry list's filters are kept per data version: what they show stays current."""

import pytest
from django.urls import reverse

from entries.services import partner_update
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db

LIST = reverse("entries:list")
OPEN_FILTERS = '<details class="card mb-3 filters" open>'


def test_a_renamed_partner_shows_in_the_filter_at_once(alice_client, alice_entry):
    assert ">Sam</option>" in alice_client.get(LIST).content.decode()

    partner_update(partner=alice_entry.partner, nickname="Robin", active=True)
    page = alice_client.get(LIST).content.decode()

    assert ">Robin</option>" in page
    assert ">Sam</option>" not in page


def test_nobody_sees_anothers_partners(alice_client, alice_entry, charlie, charlie_client):
    EntryFactory(user=charlie)
    assert ">Sam</option>" in alice_client.get(LIST).content.decode()

    page = charlie_client.get(LIST).content.decode()

    assert "Sam" not in page


def test_the_filters_open_only_when_a_query_was_sent(alice_client, alice_entry):
    # Only "page" was sent: the filters open as before, yet the kept query is the same.
    assert OPEN_FILTERS in alice_client.get(LIST, {"page": "1"}).content.decode()

    assert OPEN_FILTERS not in alice_client.get(LIST).content.decode()


def test_each_query_shows_its_own_values(alice_client, alice_entry):
    first = alice_client.get(LIST, {"start": "2026-01-01"}).content.decode()
    second = alice_client.get(LIST, {"start": "2026-02-01"}).content.decode()

    assert 'value="2026-01-01"' in first
    assert 'value="2026-02-01"' in second
    assert 'value="2026-01-01"' not in second
