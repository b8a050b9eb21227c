"""The factories make rows the app itself could have made."""

import pytest

from accounts.models import Preferences
from checkins.services import checkin_create
from tests.factories import CheckInFactory, EntryFactory, SecurityEventFactory, UserFactory

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
