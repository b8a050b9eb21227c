"""Notes (and two-factor secrets) at rest: key rotation, loud failures, and no plain
text anywhere in the database files on disk."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from cryptography.fernet import Fernet, InvalidToken
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import connection

from entries.models import Entry
from pct_journal.encryption import DecryptionError
from tests.factories import EntryFactory
from tests.security.on_disk import grep_while_writing
from tests.sqlite_subprocess import requires_sqlite

NOTE_CANARY = "canary-3c5d-I cried for an hour"


def _raw_notes() -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, notes FROM entries_entry")
        return {str(pk): notes for pk, notes in cursor.fetchall()}


def _only_key_decrypts(key: str, token: str) -> bool:
    try:
        Fernet(key.encode()).decrypt(token.encode())
    except InvalidToken:
        return False
    return True


def _rotate(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("rotate_encryption_keys", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def old_key(settings):
    key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [key]
    return key


@pytest.mark.django_db
def test_rotation_re_encrypts_every_note_under_the_newest_key(alice, old_key, settings):
    entries = [EntryFactory(user=alice, notes=f"note {i}") for i in range(5)]
    EntryFactory(user=alice, notes="")
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]

    output = _rotate("--batch-size", "2")

    assert "entries.Entry.notes: 5 of 5 re-encrypted" in output
    tokens = [token for token in _raw_notes().values() if token]
    assert len(tokens) == 5
    assert all(_only_key_decrypts(new_key, token) for token in tokens)
    settings.FIELD_ENCRYPTION_KEYS = [new_key]  # the old key can now be dropped
    assert sorted(Entry.objects.get(pk=e.pk).notes for e in entries) == [
        f"note {i}" for i in range(5)
    ]


@pytest.mark.django_db
def test_rotation_leaves_the_rest_of_the_entry_alone(alice, old_key, settings):
    entry = EntryFactory(user=alice, notes="a note", sadness=3)
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), old_key]

    _rotate()

    rotated = Entry.objects.get(pk=entry.pk)
    assert rotated.updated_at == entry.updated_at
    assert rotated.sadness == 3


@pytest.mark.django_db
def test_rotating_twice_changes_nothing_the_second_time(alice, old_key, settings):
    EntryFactory(user=alice, notes="note")
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), old_key]
    _rotate()
    after_first = _raw_notes()

    output = _rotate()

    assert "entries.Entry.notes: 0 of 1 re-encrypted" in output
    assert _raw_notes() == after_first


@pytest.mark.django_db
def test_rotation_covers_two_factor_secrets(alice, old_key, settings):
    secret = generate_totp_secret()
    totp = TOTP.activate(alice, secret).instance
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]

    output = _rotate()

    assert "mfa.Authenticator: 1 of 1 re-encrypted" in output
    stored = Authenticator.objects.get(pk=totp.pk).data["secret"]
    assert Fernet(new_key.encode()).decrypt(stored.encode()).decode() == secret


@pytest.mark.django_db
def test_rotation_without_the_old_key_fails_loudly(alice, old_key, settings):
    EntryFactory(user=alice, notes="note")
    before = _raw_notes()
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]

    with pytest.raises(CommandError, match="could not be decrypted"):
        _rotate()

    assert _raw_notes() == before


@pytest.mark.django_db
def test_a_missing_key_fails_loudly(alice, settings):
    entry = EntryFactory(user=alice, notes="secret")
    settings.FIELD_ENCRYPTION_KEYS = []

    with pytest.raises(ImproperlyConfigured, match="FIELD_ENCRYPTION_KEYS"):
        Entry.objects.get(pk=entry.pk)


@pytest.mark.django_db
def test_a_malformed_key_fails_loudly(alice, settings):
    settings.FIELD_ENCRYPTION_KEYS = ["not-a-fernet-key"]

    with pytest.raises(ImproperlyConfigured, match="Fernet key"):
        EntryFactory(user=alice, notes="secret")


@pytest.mark.django_db
def test_a_wrong_key_never_shows_ciphertext_on_a_page(alice, alice_client, alice_entry, settings):
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]

    with pytest.raises(DecryptionError):
        alice_client.get(f"/entries/{alice_entry.pk}/")


WRITE_CANARY = f"""
import time
from django.contrib.auth import get_user_model
from django.utils import timezone
from entries.services import entry_create

user = get_user_model().objects.get(username="writer")
entry_create(user=user, occurred_at=timezone.now(), sadness=3, notes={NOTE_CANARY!r})
entry_create(user=user, occurred_at=timezone.now(), notes={NOTE_CANARY!r} * 40)
print("written", flush=True)
time.sleep(60)  # holds the connection open, so the WAL is not yet folded into the file
"""


@requires_sqlite
def test_the_database_files_on_disk_never_contain_a_note(sqlite_journal):
    while_open, after = grep_while_writing(
        sqlite_journal, WRITE_CANARY, ["canary-3c5d", "cried for an hour"]
    )

    assert while_open == []
    assert after == []


@requires_sqlite
def test_the_grep_finds_text_that_is_not_encrypted(sqlite_journal):
    # The grep above would pass on files it cannot read; this shows it looks in the
    # right place: a username, which is not encrypted, is found the same way.
    body = WRITE_CANARY.replace(
        "print(", "get_user_model().objects.create_user('canary-user-77')\nprint(", 1
    )

    while_open, after = grep_while_writing(sqlite_journal, body, ["canary-user-77"])

    assert while_open == ["canary-user-77 in db.sqlite3-wal"]
    assert after == ["canary-user-77 in db.sqlite3"]
