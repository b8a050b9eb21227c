"""The factories make rows the app itself could have made."""

import pytest

from accounts.models import Preferences
from checkins.services import checkin_create
from entries.services import entry_undo_delete
from sharing.selectors import share_link_for_token
from tests.factories import (
    CheckInFactory,
    DeletedEntryFactory,
    EntryFactory,
    PartnerGuideFactory,
    PreferencesFactory,
    SecurityEventFactory,
    ShareLinkFactory,
    ShareLinkViewFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_a_check_in_gets_the_total_and_band_the_service_would_give():
    alice = UserFactory(username="alice")

    made = CheckInFactory(user=alice, answers=[3] * 9)
    scored = checkin_create(user=alice, instrument="phq9", answers=[3] * 9)

    assert (made.total, made.band) == (scored.total, scored.band) == (27, "severe")


def test_a_gad7_check_in_leaves_the_phq9_only_answer_empty():
    made = CheckInFactory(instrument="gad7", answers=[2] * 7)

    assert (made.total, made.item8, made.item9) == (14, None, None)


def test_every_user_comes_with_preferences_and_owns_what_is_made_for_them():
    bob = UserFactory(username="bob")
    entry = EntryFactory(user=bob)
    event = SecurityEventFactory(user=bob)

    assert Preferences.objects.filter(user=bob).exists()
    assert entry.user == event.user == bob


def test_preferences_are_the_users_own_row_with_what_is_given():
    bob = UserFactory(username="bob")

    preferences = PreferencesFactory(user=bob, time_zone="Europe/Berlin")

    assert Preferences.objects.get(user=bob) == preferences
    assert Preferences.objects.get(user=bob).time_zone == "Europe/Berlin"


def test_a_deleted_entry_can_be_undone(alice):
    deleted = DeletedEntryFactory(user=alice)

    entry = entry_undo_delete(deleted=deleted)

    assert entry.user == alice
    assert list(alice.entries.all()) == [entry]


def test_a_share_link_opens_with_its_token(alice):
    link = ShareLinkFactory(user=alice, token="a-known-token")

    assert share_link_for_token("a-known-token", now=link.created_at) == link
    assert link.is_open_at(link.created_at)


def test_a_share_link_view_and_a_partner_guide_belong_to_their_owner(alice):
    view = ShareLinkViewFactory(link__user=alice)
    guide = PartnerGuideFactory(user=alice)

    assert view.link.user == guide.user == alice
