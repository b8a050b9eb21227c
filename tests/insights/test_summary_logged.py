"""The therapist summary says what the journal holds (calm entries and episodes in the
period) and no more: the app cannot know whether every experience was logged."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from insights.summary.content import logged_statement
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db


def _log(user, *, calm: int, episodes: int, days_ago: int = 2) -> None:
    when = timezone.now() - dt.timedelta(days=days_ago)
    for number in range(calm):
        EntryFactory(user=user, occurred_at=when - dt.timedelta(minutes=number))
    for number in range(episodes):
        EntryFactory(user=user, sadness=3, occurred_at=when - dt.timedelta(hours=number + 1))


def test_it_states_the_calm_entries_and_episodes_of_the_period(alice, alice_client):
    _log(alice, calm=7, episodes=4)
    _log(alice, calm=5, episodes=5, days_ago=200)  # outside the last 90 days

    page = alice_client.get(reverse("insights:summary")).content.decode()

    assert "the journal holds 7 calm entries and 4 episodes" in page
    assert "how complete the journal is depends on the person" in page


def test_it_no_longer_claims_every_experience_is_logged(alice, alice_client):
    _log(alice, calm=2, episodes=1)

    page = alice_client.get(reverse("insights:export")).content.decode()

    assert "Every experience is logged" not in page
    assert "the journal holds 2 calm entries and 1 episode." in page


def test_the_counts_follow_the_period_asked_for(alice, alice_client):
    _log(alice, calm=3, episodes=2)
    _log(alice, calm=1, episodes=6, days_ago=200)

    page = alice_client.get(reverse("insights:summary"), {"range": "all"}).content.decode()

    assert "the journal holds 4 calm entries and 8 episodes" in page


@pytest.mark.parametrize(
    ("entries", "episodes", "words"),
    [
        pytest.param(1, 0, "1 calm entry and 0 episodes", id="one-calm"),
        pytest.param(1, 1, "0 calm entries and 1 episode.", id="one-episode"),
        pytest.param(12, 5, "7 calm entries and 5 episodes", id="many"),
    ],
)
def test_the_statement_counts_exactly(entries, episodes, words):
    assert words in logged_statement(entries, episodes)
