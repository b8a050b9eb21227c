"""The period and the country travel in the full backup, and a backup made before they
existed still imports."""

import json

import pytest

from accounts.services import preferences_for
from entries.portability.backup import backup_for_user, backup_json_bytes
from entries.portability.restore import backup_restore
from entries.portability.spec import BackupInvalid

pytestmark = pytest.mark.django_db


def backup_data(user) -> dict:
    """The backup as a file holds it, read back."""
    return json.loads(backup_json_bytes(backup_for_user(user)))


def test_the_backup_carries_the_period_and_the_country(alice, bob):
    preferences = preferences_for(alice)
    preferences.default_period, preferences.country = "all", "IE"
    preferences.save()

    data = backup_data(alice)
    backup_restore(user=bob, data=data)

    assert data["preferences"]["default_period"] == "all"
    assert data["preferences"]["country"] == "IE"
    restored = preferences_for(bob)
    assert (restored.default_period, restored.country) == ("all", "IE")


def test_a_backup_without_them_imports_and_leaves_them_as_they_are(alice, bob):
    data = backup_data(alice)
    del data["preferences"]["default_period"]
    del data["preferences"]["country"]
    preferences = preferences_for(bob)
    preferences.default_period, preferences.country = "30d", "NZ"
    preferences.save()

    backup_restore(user=bob, data=data)

    restored = preferences_for(bob)
    assert (restored.default_period, restored.country) == ("30d", "NZ")


def test_a_country_the_journal_does_not_offer_is_refused(alice, bob):
    data = backup_data(alice)
    data["preferences"]["country"] = "XQ"

    with pytest.raises(BackupInvalid, match="country"):
        backup_restore(user=bob, data=data)
