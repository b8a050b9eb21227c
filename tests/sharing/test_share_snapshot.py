"""A share link shows the journal as it was when the link was made, without the username."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from checkins.services import checkin_create
from insights.ranges import selected_range
from insights.summary.options import SummaryOptions
from sharing.services import share_link_create
from tests.factories import EntryFactory, PreferencesFactory, TagFactory
from tests.security_helpers import reauthenticate
from tests.sharing.march import march_evening, march_options

pytestmark = pytest.mark.django_db


@pytest.fixture
def journal(alice):
    """12 March entries, the first 4 followed by an episode (sadness "strong")."""
    return [
        EntryFactory(user=alice, occurred_at=march_evening(day), sadness=3 if day <= 4 else 0)
        for day in range(1, 13)
    ]


def _body(client, token) -> str:
    response = client.get(reverse("sharing:view", args=[token]))
    assert response.status_code == 200
    return response.content.decode()


def _figure(body: str, label: str) -> str:
    marker = f'</span> <span class="summary-figure-label">{label}'
    return body.split(marker)[0].rsplit('<span class="summary-figure">', 1)[1]


def test_the_shared_page_never_shows_the_username(alice, client, journal):
    _link, token = share_link_create(user=alice, options=march_options(), days=14)

    body = _body(client, token)

    assert "alice" not in body
    assert "<dt>Account</dt>" not in body


def test_the_owner_still_sees_their_username_on_their_own_summary(alice, alice_client, journal):
    page = alice_client.get(f"{reverse('insights:summary')}?start=2026-03-01&end=2026-03-31")

    assert "<dt>Account</dt><dd>alice</dd>" in page.content.decode()


def test_the_share_form_says_what_the_link_leaves_out(alice, alice_client):
    reauthenticate(alice_client)
    page = alice_client.get(f"{reverse('sharing:create')}?range=30d").content.decode()

    assert "Your username is never shown" in page
    assert "entries you log after making the link do not join it" in page


def test_entries_logged_after_the_link_stay_out_even_when_dated_in_its_period(
    alice, client, journal
):
    _link, token = share_link_create(user=alice, options=march_options(), days=14)
    EntryFactory(user=alice, occurred_at=march_evening(20), sadness=4)  # back-dated into March
    EntryFactory(user=alice, occurred_at=march_evening(21), cried=True)

    body = _body(client, token)

    assert _figure(body, "entries") == "12"
    assert _figure(body, "episodes") == "4"
    assert "times cried" in body
    assert _figure(body, "times cried") == "0"


def test_a_threshold_changed_later_does_not_change_the_counts(alice, client, journal):
    _link, token = share_link_create(user=alice, options=march_options(), days=14)
    PreferencesFactory(user=alice, episode_threshold=4)  # from now on only "severe" counts

    body = _body(client, token)

    assert _figure(body, "episodes") == "4"
    assert "at “moderate” or stronger" in body
    assert "“severe”" not in body


def _tag_four_episodes_and_two_calm(alice, journal, name: str):
    tag = TagFactory(user=alice, name=name)
    for entry in journal[:6]:
        entry.tags.add(tag)
    return tag


def test_a_factor_added_after_the_link_stays_out(alice, alice_client, client, journal):
    _link, token = share_link_create(user=alice, options=march_options(), days=14)
    _tag_four_episodes_and_two_calm(alice, journal, "new medication")
    own = alice_client.get(f"{reverse('insights:summary')}?start=2026-03-01&end=2026-03-31")

    body = _body(client, token)

    assert "new medication" in own.content.decode()  # the factor does stand out
    assert "new medication" not in body


def test_a_factor_that_existed_still_shows_with_its_entries(alice, client, journal):
    _tag_four_episodes_and_two_calm(alice, journal, "new medication")
    _link, token = share_link_create(user=alice, options=march_options(), days=14)

    assert "new medication" in _body(client, token)


def test_edits_to_entries_in_the_link_do_show(alice, client, journal):
    """A decision (sharing.models.ShareLink): no earlier versions of entries are kept."""
    _link, token = share_link_create(user=alice, options=march_options(), days=14)
    journal[10].sadness = 4
    journal[10].save()
    journal[11].delete()

    body = _body(client, token)

    assert _figure(body, "entries") == "11"
    assert _figure(body, "episodes") == "5"


def test_check_ins_taken_after_the_link_stay_out(alice, client):
    today = timezone.localdate()
    EntryFactory(user=alice, occurred_at=timezone.now() - dt.timedelta(days=2))
    checkin_create(user=alice, instrument="gad7", answers=[1] * 7)
    period = selected_range({"range": "30d"}, today=today, default="30d")
    _link, token = share_link_create(user=alice, options=SummaryOptions(period=period), days=14)
    checkin_create(user=alice, instrument="phq9", answers=[2] * 8 + [1])  # the same day

    body = _body(client, token)

    assert "GAD-7" in body
    assert "PHQ-9 question 9 answered above" not in body
    assert "PHQ-9 <span" not in body
