"""What a share link opens for someone without an account, and when it stops opening."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import EventKind, SecurityEvent
from checkins.services import checkin_create
from insights.ranges import SelectedRange
from insights.summary.options import SummaryOptions
from pct_journal.date_range import DateRange
from sharing.models import ShareLinkView
from sharing.services import share_link_create, share_link_revoke
from tests.factories import EntryFactory, PartnerFactory
from tests.sharing.march import march_evening, march_options

pytestmark = pytest.mark.django_db


@pytest.fixture
def journal(alice):
    """Alice's March: 12 entries with a partner, notes and a check-in."""
    sam = PartnerFactory(user=alice, nickname="Samwise")
    entries = [
        EntryFactory(
            user=alice, occurred_at=march_evening(day), sadness=3 if day <= 4 else 0, partner=sam
        )
        for day in range(1, 13)
    ]
    entries[0].notes = "the note I chose"
    entries[0].save()
    entries[1].notes = "the note I kept back"
    entries[1].save()
    checkin = checkin_create(user=alice, instrument="gad7", answers=[2, 2, 1, 1, 1, 1, 1])
    checkin.taken_at = march_evening(10)
    checkin.save()
    return entries


def _link(user, **changes):
    return share_link_create(user=user, options=march_options(**changes), days=14)


def _open(client, token):
    return client.get(reverse("sharing:view", args=[token]))


def test_it_opens_without_an_account(alice, client, journal):
    _link_obj, token = _link(alice)

    response = _open(client, token)

    body = response.content.decode()
    assert response.status_code == 200
    assert "1 Mar 2026 – 31 Mar 2026" in body
    assert '<span class="summary-figure">12</span>' in body
    assert "Feelings after sex: what the journal shows" in body


def test_it_keeps_out_of_search_engines_caches_and_referrers(alice, client, journal):
    _link_obj, token = _link(alice)

    response = _open(client, token)

    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_it_shows_only_what_was_chosen_at_creation(alice, client, journal):
    _link_obj, token = share_link_create(
        user=alice,
        options=march_options(notes="chosen", note_ids=(str(journal[0].pk),), checkins=False),
        days=14,
    )
    # Written after the link was made: a new note in the period does not join it.
    journal[2].notes = "a note written later"
    journal[2].save()

    body = _open(client, token).content.decode()

    assert "the note I chose" in body
    assert "the note I kept back" not in body
    assert "a note written later" not in body
    assert "Samwise" not in body
    assert "GAD-7" not in body
    assert "Left out by the person: check-in scores, partner nicknames." in body
    assert "export" not in body  # no way into the app from the shared page


def test_partner_nicknames_and_check_ins_show_when_chosen(alice, client, journal):
    _link_obj, token = _link(alice, partners=True)

    body = _open(client, token).content.decode()

    assert "GAD-7" in body
    assert "the note I chose" not in body  # notes stay out unless chosen


def test_it_never_shows_another_users_data(alice, bob, client, journal):
    bobs_partner = PartnerFactory(user=bob, nickname="Bobpartner")
    for day in range(1, 8):
        EntryFactory(
            user=bob, occurred_at=march_evening(day), partner=bobs_partner, notes="bob's note"
        )
    _link_obj, token = _link(alice, partners=True, notes="all")

    body = _open(client, token).content.decode()

    assert '<span class="summary-figure">12</span>' in body
    assert "Bobpartner" not in body
    assert "bob's note" not in body


def test_the_period_stays_the_dates_chosen_as_time_passes(alice, client, journal, monkeypatch):
    last_30_days = SelectedRange("30d", "Last 30 days", DateRange(dt.date(2026, 3, 2), None))
    options = SummaryOptions(period=last_30_days)
    created = dt.datetime(2026, 3, 31, 12, tzinfo=dt.UTC)
    _link_obj, token = share_link_create(user=alice, options=options, days=14, now=created)
    later = created + dt.timedelta(days=10)
    monkeypatch.setattr(timezone, "now", lambda: later)

    body = _open(client, token).content.decode()

    assert "2 Mar 2026 – 31 Mar 2026" in body


def test_it_stops_working_when_it_expires(alice, client, journal, monkeypatch):
    _link_obj, token = _link(alice)
    just_before = timezone.now() + dt.timedelta(days=14) - dt.timedelta(minutes=1)
    just_after = timezone.now() + dt.timedelta(days=14, minutes=1)

    monkeypatch.setattr(timezone, "now", lambda: just_before)
    before = _open(client, token)
    monkeypatch.setattr(timezone, "now", lambda: just_after)
    after = _open(client, token)

    assert before.status_code == 200
    assert after.status_code == 404
    assert "12" not in after.content.decode()


def test_it_stops_working_once_ended(alice, client, journal):
    link, token = _link(alice)
    assert _open(client, token).status_code == 200

    share_link_revoke(link=link)

    assert _open(client, token).status_code == 404


def test_expired_ended_and_unknown_links_get_the_same_plain_404(alice, client, journal):
    _expired, expired_token = share_link_create(
        user=alice, options=march_options(), days=1, now=timezone.now() - dt.timedelta(days=2)
    )
    ended, ended_token = _link(alice)
    share_link_revoke(link=ended)

    answers = [
        _open(client, expired_token),
        _open(client, ended_token),
        _open(client, "x" * 43),
        _open(client, "x" * 500),
    ]

    assert {response.status_code for response in answers} == {404}
    assert len({response.content for response in answers}) == 1
    assert "This link is not available" in answers[0].content.decode()
    for response in answers:
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert response["Referrer-Policy"] == "no-referrer"


def test_each_opening_is_recorded_by_time_only_and_shown_to_the_owner(
    alice, alice_client, client, journal
):
    link, token = _link(alice)

    _open(client, token)
    _open(client, token)

    views = ShareLinkView.objects.filter(link=link)
    assert views.count() == 2
    assert {field.name for field in ShareLinkView._meta.get_fields()} == {"id", "link", "viewed_at"}
    events = SecurityEvent.objects.filter(kind=EventKind.SHARE_LINK_VIEWED, user=alice)
    assert events.count() == 2
    assert {(event.ip, event.user_agent) for event in events} == {(None, "")}
    assert events.first().meta == {"link": str(link.pk)}
    listing = alice_client.get(reverse("sharing:list")).content.decode()
    assert "Opened 2 times:" in listing


def test_the_owner_opening_their_own_link_is_not_counted(alice, alice_client, journal):
    link, token = _link(alice)

    response = _open(alice_client, token)

    assert response.status_code == 200
    assert "This is your own link" in response.content.decode()
    assert not ShareLinkView.objects.filter(link=link).exists()


def test_dates_are_in_the_owners_time_zone(alice, client, journal):
    alice.preferences.time_zone = "Pacific/Auckland"
    alice.preferences.save()
    _link_obj, token = _link(alice, notes="all")

    body = _open(client, token).content.decode()

    # 21:30 UTC on 1 March is 10:30 on 2 March in Auckland.
    assert "Mon 2 Mar 2026, 10:30" in body
    assert "works until" in body.lower()


def test_only_get_is_answered(alice, client, journal):
    _link_obj, token = _link(alice)

    response = client.post(reverse("sharing:view", args=[token]))

    assert response.status_code == 405
    assert not ShareLinkView.objects.exists()
