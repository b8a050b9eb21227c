"""Deleting an entry can be undone for a few minutes; then its values are purged. While
it waits it is in no list, insight or export, and only its owner can undo it."""

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from accounts.services import account_delete
from entries import services
from entries.models import DeletedEntry, Entry
from entries.services import deleted_entries_purge, entry_delete
from entries.undo import UNDO_WINDOW
from tests.factories import EntryFactory, PartnerFactory, TagFactory
from tests.security_helpers import reauthenticate

pytestmark = pytest.mark.django_db


@pytest.fixture
def bob_client(client, bob):
    client.force_login(bob)
    return client


def _delete(client, entry) -> DeletedEntry:
    response = client.post(reverse("entries:delete", args=[entry.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("entries:list")
    return DeletedEntry.objects.get()


def _age(deleted: DeletedEntry, by: dt.timedelta) -> None:
    DeletedEntry.objects.filter(pk=deleted.pk).update(deleted_at=deleted.deleted_at - by)


def test_the_list_after_deleting_offers_undo_once(alice_client, alice):
    entry = EntryFactory(user=alice)
    deleted = _delete(alice_client, entry)

    first = alice_client.get(reverse("entries:list")).content.decode()
    again = alice_client.get(reverse("entries:list")).content.decode()

    assert "The entry is deleted." in first
    assert reverse("entries:undo_delete", args=[deleted.pk]) in first
    assert "The entry is deleted." not in again


def test_undo_brings_the_entry_back_as_it_was(alice_client, alice):
    partner, tag = PartnerFactory(user=alice), TagFactory(user=alice)
    entry = EntryFactory(user=alice, partner=partner, sadness=3, pain=None, notes="private")
    entry.tags.add(tag)
    created_at = entry.created_at
    deleted = _delete(alice_client, entry)
    assert not Entry.objects.exists()

    response = alice_client.post(reverse("entries:undo_delete", args=[deleted.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("entries:detail", args=[entry.pk])
    back = Entry.objects.get(pk=entry.pk)
    assert (back.partner, back.sadness, back.pain, back.notes) == (partner, 3, None, "private")
    assert list(back.tags.all()) == [tag]
    assert back.created_at == created_at
    assert back.occurred_at == entry.occurred_at
    assert not DeletedEntry.objects.exists()


def test_undo_leaves_out_a_partner_removed_in_the_meantime(alice_client, alice):
    partner = PartnerFactory(user=alice)
    deleted = _delete(alice_client, EntryFactory(user=alice, partner=partner))
    partner.delete()

    alice_client.post(reverse("entries:undo_delete", args=[deleted.pk]))

    assert Entry.objects.get().partner is None


def test_the_window_closes_after_five_minutes(alice_client, alice):
    deleted = _delete(alice_client, EntryFactory(user=alice))
    _age(deleted, UNDO_WINDOW + dt.timedelta(seconds=1))

    response = alice_client.post(reverse("entries:undo_delete", args=[deleted.pk]))

    assert response.status_code == 404
    assert not Entry.objects.exists()


def test_expired_deletions_are_purged_and_recent_ones_kept(alice, bob):
    recent = entry_delete(entry=EntryFactory(user=bob))
    old = entry_delete(entry=EntryFactory(user=alice))
    _age(old, UNDO_WINDOW + dt.timedelta(seconds=1))

    assert deleted_entries_purge() == 1

    assert list(DeletedEntry.objects.all()) == [recent]


class _Clock:
    """time.monotonic() for entries.services, moved forward by hand."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> _Clock:
    clock = _Clock()
    monkeypatch.setattr(services.time, "monotonic", clock)
    monkeypatch.setattr(services._PurgeOnVisit, "last", None)
    return clock


@pytest.mark.parametrize("page", ["entries:list", "insights:dashboard"])
def test_showing_the_list_or_home_page_purges_expired_deletions(alice_client, alice, clock, page):
    old = entry_delete(entry=EntryFactory(user=alice))
    _age(old, UNDO_WINDOW * 2)

    assert alice_client.get(reverse(page)).status_code == 200

    assert not DeletedEntry.objects.exists()


@pytest.mark.parametrize("page", ["entries:list", "insights:dashboard"])
def test_pages_purge_again_only_after_a_minute(alice_client, alice, bob, clock, page):
    assert alice_client.get(reverse(page)).status_code == 200
    old = entry_delete(entry=EntryFactory(user=bob))
    _age(old, UNDO_WINDOW * 2)

    clock.now += services.PURGE_ON_VISIT_EVERY_SECONDS - 1
    assert alice_client.get(reverse(page)).status_code == 200
    assert DeletedEntry.objects.filter(pk=old.pk).exists()

    clock.now += 1
    assert alice_client.get(reverse(page)).status_code == 200
    assert not DeletedEntry.objects.exists()


def test_deleting_purges_even_right_after_a_page_did(alice_client, alice, bob, clock):
    assert alice_client.get(reverse("entries:list")).status_code == 200
    old = entry_delete(entry=EntryFactory(user=bob))
    _age(old, UNDO_WINDOW * 2)

    recent = entry_delete(entry=EntryFactory(user=alice))

    assert list(DeletedEntry.objects.all()) == [recent]


def test_the_purge_command_removes_expired_deletions(alice):
    old = entry_delete(entry=EntryFactory(user=alice))
    _age(old, UNDO_WINDOW * 2)

    call_command("purge_deleted_entries")

    assert not DeletedEntry.objects.exists()


def test_it_checks_ownership(bob_client, alice):
    deleted = entry_delete(entry=EntryFactory(user=alice))
    url = reverse("entries:undo_delete", args=[deleted.pk])

    assert bob_client.post(url).status_code == 404
    assert bob_client.get(url).status_code == 404
    assert not Entry.objects.exists()
    assert DeletedEntry.objects.filter(pk=deleted.pk).exists()


def test_undo_is_a_button_not_a_link(alice_client, alice):
    deleted = entry_delete(entry=EntryFactory(user=alice))

    response = alice_client.get(reverse("entries:undo_delete", args=[deleted.pk]))

    assert response.status_code == 405
    assert not Entry.objects.exists()


def test_a_pending_deletion_is_in_no_list_or_export(alice_client, alice):
    EntryFactory(user=alice, notes="kept entry")
    _delete(alice_client, EntryFactory(user=alice, notes="deleted-canary"))
    reauthenticate(alice_client)

    pages = [
        alice_client.get(reverse(name))
        for name in ("entries:list", "insights:dashboard", "insights:report_json")
    ]
    backup = json.loads(alice_client.get(reverse("entries:backup_json")).content)
    csv = alice_client.get(reverse("entries:export_csv")).content.decode()

    assert [entry["notes"] for entry in backup["entries"]] == ["kept entry"]
    assert "deleted-canary" not in csv and "kept entry" in csv
    assert json.loads(pages[2].content)["entries"] == 1


def test_the_values_waiting_are_encrypted(alice):
    deleted = entry_delete(entry=EntryFactory(user=alice, notes="deleted-canary"))

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT record FROM {DeletedEntry._meta.db_table}")  # noqa: S608
        (raw,) = cursor.fetchone()

    assert "deleted-canary" in DeletedEntry.objects.get(pk=deleted.pk).record
    assert "deleted-canary" not in raw


def test_deleting_the_account_removes_pending_deletions(alice):
    entry_delete(entry=EntryFactory(user=alice))

    account_delete(user=alice)

    assert not DeletedEntry.objects.exists()


def test_the_confirmation_page_remains_and_names_the_undo(alice_client, alice):
    entry = EntryFactory(user=alice)

    page = alice_client.get(reverse("entries:delete", args=[entry.pk])).content.decode()

    assert "Delete this entry?" in page
    assert "For 5 minutes afterwards you can undo this" in page
