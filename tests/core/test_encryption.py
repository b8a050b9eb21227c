import pytest
from cryptography.fernet import Fernet
from django.db import connection

from entries.models import Entry
from pct_journal.encryption import DecryptionError
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db


def _raw_notes(entry) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT notes FROM entries_entry WHERE id = %s", [entry.pk.hex])
        row = cursor.fetchone()
    if row is None:  # PostgreSQL stores UUIDs natively
        with connection.cursor() as cursor:
            cursor.execute("SELECT notes FROM entries_entry WHERE id = %s", [entry.pk])
            row = cursor.fetchone()
    return row[0]


def test_notes_are_stored_encrypted_and_read_back(alice):
    entry = EntryFactory(user=alice, notes="canary-7c1e in plain words")

    raw = _raw_notes(entry)

    assert "canary-7c1e" not in raw
    assert Entry.objects.get(pk=entry.pk).notes == "canary-7c1e in plain words"


def test_an_empty_note_needs_no_key(alice):
    entry = EntryFactory(user=alice, notes="")

    assert _raw_notes(entry) == ""


def test_a_wrong_key_fails_loudly_instead_of_showing_ciphertext(alice, settings):
    entry = EntryFactory(user=alice, notes="secret")
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]

    with pytest.raises(DecryptionError, match="could not be decrypted"):
        Entry.objects.get(pk=entry.pk)


def test_an_old_key_still_decrypts_after_a_new_one_is_added(alice, settings):
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    entry = EntryFactory(user=alice, notes="written under the old key")
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), old_key]

    assert Entry.objects.get(pk=entry.pk).notes == "written under the old key"
