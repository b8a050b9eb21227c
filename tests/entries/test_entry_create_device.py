"""The log page's part in offline logging: the phone's UUID and clock."""

import uuid

import pytest
from django.urls import reverse

from accounts.models import Preferences
from entries.models import Entry

pytestmark = pytest.mark.django_db
URL = reverse("entries:create")


def test_a_fresh_form_lets_the_phone_set_the_time(alice_client):
    page = alice_client.get(URL).content.decode()

    assert "data-device-now" in page
    assert "data-new-entry" in page


def test_a_form_sent_back_keeps_the_time_the_person_chose(alice_client, entry_post_data):
    response = alice_client.post(URL, {**entry_post_data, "sadness": "9"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "data-device-now" not in page
    assert "data-new-entry" in page


def test_the_same_save_sent_twice_stores_one_entry(alice, alice_client, entry_post_data):
    data = {**entry_post_data, "client_uuid": str(uuid.uuid4())}

    first = alice_client.post(URL, data)
    second = alice_client.post(URL, data)

    assert first.status_code == second.status_code == 302
    assert Entry.objects.filter(user=alice).count() == 1
    assert Entry.objects.get(user=alice).client_uuid == uuid.UUID(data["client_uuid"])


def test_a_save_without_a_uuid_still_saves(alice, alice_client, entry_post_data):
    response = alice_client.post(URL, {**entry_post_data, "client_uuid": "garbage"})

    assert response.status_code == 302
    assert Entry.objects.get(user=alice).client_uuid is None


def test_the_time_is_read_in_the_phones_zone(alice, alice_client, entry_post_data):
    Preferences.objects.filter(user=alice).update(time_zone="Europe/Berlin")
    data = {
        **entry_post_data,
        "occurred_at": "2026-06-01T07:47",
        "device_time_zone": "America/Los_Angeles",
    }

    alice_client.post(URL, data)

    assert Entry.objects.get(user=alice).occurred_at.isoformat() == "2026-06-01T14:47:00+00:00"


def test_without_the_phones_zone_the_journals_is_used(alice, alice_client, entry_post_data):
    Preferences.objects.filter(user=alice).update(time_zone="Europe/Berlin")
    data = {**entry_post_data, "occurred_at": "2026-06-01T07:47", "device_time_zone": "Nowhere"}

    alice_client.post(URL, data)

    assert Entry.objects.get(user=alice).occurred_at.isoformat() == "2026-06-01T05:47:00+00:00"
