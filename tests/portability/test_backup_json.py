import datetime as dt
import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Preferences
from audit.models import EventKind, SecurityEvent
from entries.models import Entry
from entries.portability.backup import backup_for_user, backup_json_bytes
from entries.portability.sections import (
    BackupSection,
    register_backup_section,
    registered_sections,
    unregister_backup_section,
)
from entries.portability.spec import (
    ACCOUNT_KEY,
    ENTRY_FIELDS_NOT_EXPORTED,
    ENTRY_KEYS,
    FORMAT_NAME,
    FORMAT_VERSION,
    PREFERENCE_KEYS,
    TOP_LEVEL_KEYS,
)
from tests.factories import EntryFactory, PartnerFactory, TagFactory
from tests.security_helpers import reauthenticate

pytestmark = pytest.mark.django_db

URL = reverse("entries:backup_json")


@pytest.fixture
def alice_client(alice_client):
    """A download of everything asks for the password again; these tests have given it."""
    reauthenticate(alice_client)
    return alice_client


def test_it_asks_for_the_password_again_first(alice, password):
    client = Client()
    client.force_login(alice)

    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_the_download_is_in_the_security_log(alice, alice_client):
    EntryFactory.create_batch(2, user=alice)

    _download(alice_client)

    event = SecurityEvent.objects.get(user=alice, kind=EventKind.BACKUP_DOWNLOADED)
    assert event.meta == {"format": "json", "count": 2}


def _download(client) -> dict:
    response = client.get(URL)
    assert response.status_code == 200
    return json.loads(response.content)


def test_it_downloads_an_attachment_that_is_not_cached(alice_client):
    response = alice_client.get(URL)

    assert response["Content-Type"] == "application/json; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="journal-backup-{today}.json"'
    assert "no-store" in response["Cache-Control"]


def test_the_file_says_what_it_is(alice_client):
    backup = _download(alice_client)

    assert backup["format"] == FORMAT_NAME
    assert backup["version"] == FORMAT_VERSION
    sections = [section.key for section in registered_sections()]
    assert list(backup) == [*TOP_LEVEL_KEYS, *sections, ACCOUNT_KEY]


def test_an_empty_journal_gives_empty_lists(alice_client):
    backup = _download(alice_client)

    assert backup["partners"] == backup["tags"] == backup["entries"] == []
    assert backup["preferences"]["time_zone"] == "UTC"


def test_an_entry_carries_every_field_by_name_and_no_ids(alice, alice_client, alice_entry):
    alice_entry.coping = ["talked", "breathing"]
    alice_entry.save()

    backup = _download(alice_client)

    [entry] = backup["entries"]
    assert list(entry) == list(ENTRY_KEYS)
    assert entry["partner"] == "Sam"
    assert entry["tags"] == ["after an argument"]
    assert entry["sadness"] == 3
    assert entry["coping"] == ["talked", "breathing"]
    assert entry["notes"] == "a private note"
    assert backup["partners"] == [{"nickname": "Sam", "active": True}]
    assert backup["tags"] == [{"name": "after an argument"}]
    body = json.dumps(backup)
    for pk in (alice_entry.pk, alice_entry.partner.pk, alice_entry.tags.get().pk):
        assert str(pk) not in body


def test_the_format_covers_every_field_of_an_entry_and_every_setting():
    # A new model field fails here until the backup format (and its docs) include it.
    entry_fields = {
        field.name for field in Entry._meta.get_fields() if not field.auto_created or field.concrete
    }
    assert entry_fields - set(ENTRY_FIELDS_NOT_EXPORTED) == set(ENTRY_KEYS)
    preference_fields = {
        field.name for field in Preferences._meta.get_fields() if field.editable and field.concrete
    }
    assert preference_fields - {"user"} == set(PREFERENCE_KEYS)


def test_times_are_in_the_users_zone_to_the_microsecond(alice, alice_client):
    Preferences.objects.filter(user=alice).update(time_zone="Asia/Kathmandu")
    EntryFactory(user=alice, occurred_at=dt.datetime(2026, 3, 1, 20, 0, 0, 5, tzinfo=dt.UTC))

    backup = _download(alice_client)

    assert backup["entries"][0]["occurred_at"] == "2026-03-02T01:45:00.000005+05:45"
    assert backup["exported_at"].endswith("+05:45")


def test_settings_are_included(alice, alice_client):
    Preferences.objects.filter(user=alice).update(episode_threshold=3, discreet_mode=True)

    backup = _download(alice_client)

    assert backup["preferences"] == {
        "time_zone": "UTC",
        "episode_threshold": 3,
        "discreet_mode": True,
        "checkins_enabled": False,
        "checkin_cadence_days": 14,
        "default_period": "90d",
        "country": "",
        "language": "",
    }


def test_it_holds_only_the_users_own_journal(alice_client, alice_entry, bob):
    PartnerFactory(user=bob, nickname="Bobs friend")
    TagFactory(user=bob, name="bob factor")
    EntryFactory(user=bob, notes="bob-note")

    body = alice_client.get(URL).content.decode()

    for text in ("Bobs friend", "bob factor", "bob-note"):
        assert text not in body


def test_the_order_does_not_depend_on_how_the_journal_was_written(alice, bob):
    moment = dt.datetime(2026, 5, 5, 21, 30, tzinfo=dt.UTC)
    for user, names in ((alice, ["b", "A", "c"]), (bob, ["c", "b", "A"])):
        for name in names:
            PartnerFactory(user=user, nickname=name)
            TagFactory(user=user, name=f"tag {name}")
            EntryFactory(user=user, occurred_at=moment, notes=name)
        EntryFactory(user=user, occurred_at=moment - dt.timedelta(days=1))

    first, second = backup_for_user(alice), backup_for_user(bob)

    assert [p["nickname"] for p in first["partners"]] == ["A", "b", "c"]
    assert [e["notes"] for e in first["entries"]] == ["", "A", "b", "c"]
    first.pop("exported_at"), second.pop("exported_at")
    # The account record names its own account; the journal is the same.
    assert first.pop(ACCOUNT_KEY)["username"] == "alice"
    assert second.pop(ACCOUNT_KEY)["username"] == "bob"
    assert first == second


def test_notes_in_any_script_stay_readable_in_the_file(alice, alice_client):
    EntryFactory(user=alice, notes="Ça va 😊 — 大丈夫")

    response = alice_client.get(URL)

    assert "Ça va 😊 — 大丈夫" in response.content.decode("utf-8")


def test_the_file_reads_back_as_the_document_with_an_entry_a_line(alice):
    EntryFactory(user=alice, notes='Line one\nline "two"\tand a tab, Ça va 😊')
    EntryFactory(user=alice, notes="")
    document = backup_for_user(alice)

    text = backup_json_bytes(document).decode("utf-8")

    assert json.loads(text) == document
    entry_lines = [line for line in text.splitlines() if line.lstrip().startswith('{"')]
    assert len(entry_lines) == 2
    assert text.startswith('{\n  "format": ') and text.endswith("}\n")


@pytest.fixture
def stand_in_checkins():
    """Replaces whatever the check-ins app registered for the length of a test."""
    real = {section.key: section for section in registered_sections()}.get("checkins")
    register_backup_section(
        BackupSection(
            key="checkins",
            label="check-ins",
            export=lambda user: [{"instrument": "phq9"}],
            restore=lambda **kwargs: None,
        )
    )
    yield
    if real:
        register_backup_section(real)
    else:
        unregister_backup_section("checkins")


def test_a_registered_section_is_added_under_its_key(alice_client, stand_in_checkins):
    backup = _download(alice_client)

    assert backup["checkins"] == [{"instrument": "phq9"}]
    assert list(backup)[-2:] == ["checkins", ACCOUNT_KEY]


def test_a_section_outside_the_format_cannot_be_registered():
    section = BackupSection(key="photos", label="photos", export=list, restore=list)

    with pytest.raises(ValueError, match="not part of the backup format"):
        register_backup_section(section)


def test_visitors_must_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
