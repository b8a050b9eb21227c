"""The full backup holds everything a person owns: every model with a user relation
(found by introspection, so a new one cannot be forgotten) shows up in it, and no
secret does."""

import hashlib
import json

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import reverse

from entries.portability.spec import ACCOUNT_KEY
from tests.owned_rows import TOTP_SECRET, fill_every_kind_of_row, models_owned_by_users
from tests.security_helpers import log_in, reauthenticate

pytestmark = pytest.mark.django_db

# Where each kind of row appears in the backup: a top-level key, or a key of the
# account record. A new model with a user relation must be added here.
WHERE_IN_THE_BACKUP = {
    "entries.Entry": ("entries",),
    "entries.Partner": ("partners",),
    "entries.Tag": ("tags",),
    "accounts.Preferences": ("preferences",),
    "checkins.CheckIn": ("checkins",),
    "account.EmailAddress": (ACCOUNT_KEY, "email_addresses"),
    "mfa.Authenticator": (ACCOUNT_KEY, "two_factor"),
    "usersessions.UserSession": (ACCOUNT_KEY, "sessions"),
    "sharing.ShareLink": (ACCOUNT_KEY, "share_links"),
    "audit.SecurityEvent": (ACCOUNT_KEY, "security_log"),
}
# Kept out on purpose, with the reason.
NOT_IN_THE_BACKUP = {
    # What a staff member did in the Django admin (off by default): the install's
    # record of its staff, not anything about the person's journal.
    "admin.LogEntry",
}


@pytest.fixture
def backup(alice):
    client = Client()
    log_in(client, "alice")  # a tracked session, before two-factor is turned on
    reauthenticate(client)
    token = fill_every_kind_of_row(alice)
    response = client.get(reverse("entries:backup_json"))
    assert response.status_code == 200
    return json.loads(response.content), response.content.decode(), token


def test_every_kind_of_row_a_person_owns_is_in_the_backup(backup):
    document, _text, _token = backup
    for model, _field in models_owned_by_users():
        label = model._meta.label
        if label in NOT_IN_THE_BACKUP:
            continue
        assert label in WHERE_IN_THE_BACKUP, f"Say where {label} goes in the backup."
        value = document
        for key in WHERE_IN_THE_BACKUP[label]:
            value = value[key]
        assert value, f"{label} is missing from the backup"


def test_the_account_record_reads_plainly(backup):
    account = backup[0][ACCOUNT_KEY]

    assert account["username"] == "alice"
    assert account["email_addresses"] == [
        {"email": "alice@example.org", "primary": True, "verified": False}
    ]
    assert account["two_factor"] == ["totp"]
    assert len(account["sessions"]) == 1
    (link,) = account["share_links"]
    assert len(link["opened_at"]) == 1
    assert link["ended_at"] is None
    events = [event["event"] for event in account["security_log"]]
    assert "login" in events
    assert "password_changed" in events


def test_no_secret_is_in_the_backup(backup, alice):
    _document, text, token = backup
    totp = Authenticator.objects.get(user=alice, type=Authenticator.Type.TOTP)

    assert TOTP_SECRET not in text
    assert totp.data["secret"] not in text  # nor its encrypted form
    assert token not in text
    assert hashlib.sha256(token.encode()).hexdigest() not in text
    assert alice.password not in text
    assert "cache_secret" not in text
