"""Saving the settings never loses a data-version bump made meanwhile by another request,
so two different states of the journal never share one version (and one cached chart)."""

import pytest

from accounts.models import Preferences
from accounts.services import data_version_bump, preferences_for, preferences_update

pytestmark = pytest.mark.django_db


def test_a_settings_save_after_a_concurrent_bump_ends_above_both(alice):
    preferences = preferences_for(alice)  # read by the settings request
    before = preferences.data_version
    data_version_bump(user_id=alice.pk)  # an entry saved in another request meanwhile
    bumped = Preferences.objects.get(user=alice).data_version

    preferences.episode_threshold = 3
    preferences_update(preferences=preferences)

    stored = Preferences.objects.get(user=alice)
    assert bumped > before
    assert stored.data_version > bumped
    assert preferences.data_version == stored.data_version  # the caller sees the new one
    assert stored.episode_threshold == 3


def test_each_settings_save_gets_a_version_of_its_own(alice):
    preferences = preferences_for(alice)
    versions = []
    for threshold in (3, 2, 4):
        preferences.episode_threshold = threshold
        versions.append(preferences_update(preferences=preferences).data_version)

    assert versions == sorted(set(versions))
    assert len(versions) == 3
