"""Every import is previewed, and only the person's confirmation writes it."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Preferences
from entries.models import Entry
from entries.portability.backup import backup_for_user, backup_json_bytes
from tests.factories import EntryFactory
from tests.portability.import_helpers import (
    CANCEL_URL,
    CONFIRM_URL,
    IMPORT_URL,
    preview,
    row_counts,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice_backup(alice, alice_entry) -> bytes:
    EntryFactory(user=alice, activity="solo", notes="solo, with a comma")
    return backup_json_bytes(backup_for_user(alice))


@pytest.fixture
def bob_client(bob) -> Client:
    client = Client()
    client.force_login(bob)
    return client


def _token(response) -> str:
    assert response.status_code == 200
    return response.context["token"]


def test_an_upload_shows_a_preview_and_saves_nothing(alice_backup, bob_client):
    before = row_counts()

    response = preview(bob_client, alice_backup, name="backup.json")

    assert response.status_code == 200
    assert row_counts() == before
    shown = response.context["preview"]
    assert (shown.kind, shown.entries, shown.to_add, shown.already_there) == ("backup", 2, 2, 0)
    assert shown.new_partners == ["Sam"]
    assert shown.new_tags == ["after an argument"]
    assert [row.notes for row in shown.rows] == ["solo, with a comma", "a private note"]
    body = response.content.decode()
    assert "Import 2 entries" in body
    assert f'action="{CONFIRM_URL}"' in body
    assert response.context["token"] not in str(alice_backup)


def test_the_confirmation_writes_what_the_preview_showed(alice_backup, bob, bob_client):
    token = _token(preview(bob_client, alice_backup, name="backup.json"))

    response = bob_client.post(CONFIRM_URL, {"token": token})

    assert response.status_code == 200
    assert response.context["report"].entries.added == 2
    assert Entry.objects.filter(user=bob).count() == 2


def test_the_preview_counts_entries_already_there(alice, alice_client, alice_backup):
    response = preview(alice_client, alice_backup, name="backup.json")

    assert response.context["preview"].to_add == 0
    assert response.context["preview"].already_there == 2
    assert "Import 0 entries" in response.content.decode()


def test_cancel_discards_the_file(alice_backup, bob, bob_client):
    token = _token(preview(bob_client, alice_backup, name="backup.json"))

    cancelled = bob_client.post(CANCEL_URL, {"token": token})
    response = bob_client.post(CONFIRM_URL, {"token": token})

    assert cancelled.status_code == 302
    assert cancelled["Location"] == IMPORT_URL
    assert response.status_code == 400
    assert "This preview has expired or was cancelled" in response.content.decode()
    assert not Entry.objects.filter(user=bob).exists()


def test_a_changed_token_is_refused_and_nothing_is_saved(alice_backup, bob, bob_client):
    token = _token(preview(bob_client, alice_backup, name="backup.json"))

    response = bob_client.post(CONFIRM_URL, {"token": token[:-2] + "xx"})

    assert response.status_code == 400
    assert not Entry.objects.filter(user=bob).exists()


def test_it_checks_ownership(alice_backup, alice, alice_client, bob, bob_client):
    """Another account's preview cannot be confirmed (or cancelled) by anyone else."""
    token = _token(preview(bob_client, alice_backup, name="backup.json"))
    before = row_counts()

    cancelled = alice_client.post(CANCEL_URL, {"token": token})
    response = alice_client.post(CONFIRM_URL, {"token": token})

    assert response.status_code == 400
    assert row_counts() == before
    assert cancelled.status_code == 302
    assert bob_client.post(CONFIRM_URL, {"token": token}).status_code == 200


def test_a_confirmed_preview_cannot_be_confirmed_again(alice_backup, bob, bob_client):
    token = _token(preview(bob_client, alice_backup, name="backup.json"))
    bob_client.post(CONFIRM_URL, {"token": token})

    response = bob_client.post(CONFIRM_URL, {"token": token})

    assert response.status_code == 400
    assert Entry.objects.filter(user=bob).count() == 2


@pytest.mark.parametrize("url", [CONFIRM_URL, CANCEL_URL])
def test_visitors_must_log_in(client, url):
    response = client.post(url, {"token": "x"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("url", [CONFIRM_URL, CANCEL_URL])
def test_only_a_form_can_confirm_or_cancel(bob_client, url):
    assert bob_client.get(url).status_code == 405


@pytest.mark.parametrize("url", [CONFIRM_URL, CANCEL_URL])
def test_confirm_and_cancel_are_protected_against_cross_site_requests(
    alice_backup, bob, bob_client, url
):
    token = _token(preview(bob_client, alice_backup, name="backup.json"))
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(bob)

    response = strict.post(url, {"token": token})

    assert response.status_code == 403
    assert not Entry.objects.filter(user=bob).exists()


def test_the_upload_is_protected_against_cross_site_requests(alice_backup, bob):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(bob)

    response = preview(strict, alice_backup, name="backup.json")

    assert response.status_code == 403


def test_the_preview_names_the_settings_the_file_would_change(alice, alice_entry, bob_client):
    Preferences.objects.filter(user=alice).update(episode_threshold=4)
    raw = backup_json_bytes(backup_for_user(alice))

    response = preview(bob_client, raw, name="backup.json", restore_preferences="on")

    assert "Settings taken from the file" in response.content.decode()
    assert response.context["preview"].report.settings_changed == [
        "count an entry as an episode from"
    ]
