"""The owner's side of share links: creating (after re-authentication), listing, ending."""

import datetime as dt
import hashlib
import logging
import re

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from audit.models import EventKind, SecurityEvent
from insights.ranges import SelectedRange
from insights.summary.options import SummaryOptions
from pct_journal.date_range import DateRange
from sharing.models import ShareLink, ShareLinkView
from sharing.services import share_link_create, share_link_view_record
from tests.factories import EntryFactory
from tests.security_helpers import reauthenticate
from tests.sharing.march import march_options

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("sharing:create")
LIST_URL = reverse("sharing:list")
LINK_IN_PAGE = re.compile(r'value="(http://testserver/s/([A-Za-z0-9_-]+)/)"')
# What the export page's form sends along with the link's own fields.
OPTIONS = {"options": "1", "range": "30d", "notes": "none", "checkins": "on", "paper": "a4"}


def _create(client, **fields):
    reauthenticate(client)
    return client.post(CREATE_URL, {**OPTIONS, "days": "14", **fields})


def test_creating_a_link_asks_to_confirm_the_password_first(alice, alice_client):
    page = alice_client.get(f"{CREATE_URL}?range=30d")
    post = alice_client.post(CREATE_URL, {**OPTIONS, "days": "14"})

    for response in (page, post):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not ShareLink.objects.exists()


def test_after_confirming_the_password_the_link_is_created(alice, alice_client):
    alice_client.post(CREATE_URL, {**OPTIONS, "days": "14"})

    response = alice_client.post(
        f"{reverse('account_reauthenticate')}?next={CREATE_URL}",
        {"password": "correct-horse-battery-staple"},
    )

    assert response.status_code == 200
    assert LINK_IN_PAGE.search(response.content.decode())
    assert ShareLink.objects.filter(user=alice).count() == 1


def test_the_create_page_says_what_the_link_will_show(alice_client):
    reauthenticate(alice_client)

    response = alice_client.get(f"{CREATE_URL}?range=90d&options=1&partners=on&charts=on")

    body = response.content.decode()
    assert response.status_code == 200
    assert "Last 90 days" in body
    assert "kept as these dates" in body
    assert "partner nicknames" in body
    assert 'name="days"' in body
    assert 'value="14"' in body


def test_the_token_is_shown_once_and_only_its_hash_is_kept(alice, alice_client):
    response = _create(alice_client, label="Dr Rivera")

    _url, token = LINK_IN_PAGE.search(response.content.decode()).groups()
    link = ShareLink.objects.get(user=alice)
    assert len(token) >= 43  # 32 random bytes: 256 bits
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert link.label == "Dr Rivera"
    with connection.cursor() as cursor:
        for model in apps.get_models():
            table = model._meta.db_table
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (table names from models)
            assert token not in repr(cursor.fetchall()), table
    # The list can never show it again.
    assert token not in alice_client.get(LIST_URL).content.decode()


def test_two_links_never_share_a_token(alice, alice_client):
    first = LINK_IN_PAGE.search(_create(alice_client).content.decode()).group(2)
    second = LINK_IN_PAGE.search(_create(alice_client).content.decode()).group(2)

    assert first != second
    assert ShareLink.objects.filter(user=alice).count() == 2


def test_a_link_lasts_14_days_unless_chosen(alice, alice_client):
    before = timezone.now()
    _create(alice_client)
    _create(alice_client, days="90")

    short, long = ShareLink.objects.order_by("expires_at")
    assert short.expires_at - before == pytest.approx(dt.timedelta(days=14), abs=dt.timedelta(1))
    assert long.expires_at - short.created_at > dt.timedelta(days=89)


@pytest.mark.parametrize(
    ("days", "message"),
    [
        pytest.param("0", "at least 1 day", id="zero"),
        pytest.param("91", "at most 90 days", id="too-long"),
        pytest.param("-3", "at least 1 day", id="negative"),
        pytest.param("two weeks", "whole number of days", id="words"),
        pytest.param("", "how many days", id="empty"),
    ],
)
def test_a_bad_expiry_is_an_error_and_nothing_is_saved(alice, alice_client, days, message):
    response = _create(alice_client, days=days, label="kept label")

    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert 'value="kept label"' in body
    assert not ShareLink.objects.exists()


def test_a_label_too_long_is_an_error(alice_client):
    response = _create(alice_client, label="x" * 81)

    assert "at most 80 characters" in response.content.decode()
    assert not ShareLink.objects.exists()


def test_bad_summary_options_answer_400(alice_client):
    response = _create(alice_client, range="forever")

    assert response.status_code == 400
    assert "“forever” is not a period" in response.content.decode()
    assert not ShareLink.objects.exists()


def test_the_period_is_frozen_as_dates_and_the_notes_as_entries(alice):
    shared = EntryFactory(
        user=alice, occurred_at=dt.datetime(2026, 3, 5, tzinfo=dt.UTC), notes="share it"
    )
    EntryFactory(user=alice, occurred_at=dt.datetime(2026, 3, 6, tzinfo=dt.UTC), notes="")

    link, _token = share_link_create(user=alice, options=march_options(notes="all"), days=14)

    assert link.options == {
        "version": 1,
        "start": "2026-03-01",
        "end": "2026-03-31",
        "notes": [str(shared.pk)],
        "partners": False,
        "checkins": True,
        "charts": True,
        "paper": "a4",
    }


def test_all_time_is_frozen_from_the_first_entry_to_today(alice):
    EntryFactory(user=alice, occurred_at=dt.datetime(2025, 7, 14, 12, tzinfo=dt.UTC))
    now = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC)
    all_time = SelectedRange("all", "All time", DateRange(None, None))

    link, _token = share_link_create(
        user=alice, options=SummaryOptions(period=all_time), days=14, now=now
    )

    assert (link.options["start"], link.options["end"]) == ("2025-07-14", "2026-11-20")


def test_the_list_shows_each_link_with_its_status_and_when_it_was_opened(alice, alice_client):
    opened, _ = share_link_create(user=alice, options=march_options(), days=14)
    share_link_view_record(link=opened, now=dt.datetime(2026, 11, 3, 14, 2, tzinfo=dt.UTC))
    _expired, _ = share_link_create(
        user=alice, options=march_options(), days=1, now=timezone.now() - dt.timedelta(days=3)
    )
    ended, _ = share_link_create(user=alice, options=march_options(), days=14)
    ended.revoked_at = timezone.now()
    ended.save()

    body = alice_client.get(LIST_URL).content.decode()

    assert "Opened 1 time:" in body
    assert "Tue 3 Nov 2026, 14:02" in body
    assert "Works until" in body
    assert "Expired" in body
    assert "Ended" in body
    assert body.count("End this link") == 1
    assert "1 Mar 2026 – 31 Mar 2026" in body


def test_the_empty_list_says_how_to_make_a_link(alice_client):
    body = alice_client.get(LIST_URL).content.decode()

    assert "No share links yet" in body
    assert reverse("insights:export") in body


def test_ending_a_link_asks_first_then_ends_it(alice, alice_client):
    link, _ = share_link_create(user=alice, options=march_options(), days=14)
    url = reverse("sharing:revoke", args=[link.pk])

    page = alice_client.get(url)
    link.refresh_from_db()
    assert page.status_code == 200
    assert "End this share link?" in page.content.decode()
    assert link.revoked_at is None

    response = alice_client.post(url)

    link.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == LIST_URL
    assert link.revoked_at is not None


def test_ending_a_link_twice_keeps_the_first_time(alice, alice_client):
    link, _ = share_link_create(user=alice, options=march_options(), days=14)
    url = reverse("sharing:revoke", args=[link.pk])
    alice_client.post(url)
    link.refresh_from_db()
    first = link.revoked_at

    alice_client.post(url)

    link.refresh_from_db()
    assert link.revoked_at == first
    assert SecurityEvent.objects.filter(kind=EventKind.SHARE_LINK_REVOKED).count() == 1


def test_it_checks_ownership(alice, charlie_client):
    link, _ = share_link_create(user=alice, options=march_options(), days=14)
    url = reverse("sharing:revoke", args=[link.pk])

    get = charlie_client.get(url)
    post = charlie_client.post(url)

    link.refresh_from_db()
    assert get.status_code == 404
    assert post.status_code == 404
    assert link.revoked_at is None
    assert "1 Mar 2026" not in charlie_client.get(LIST_URL).content.decode()


def test_creating_and_ending_are_in_the_security_log(alice, alice_client):
    _create(alice_client)
    link = ShareLink.objects.get(user=alice)
    alice_client.post(reverse("sharing:revoke", args=[link.pk]))

    created = SecurityEvent.objects.get(kind=EventKind.SHARE_LINK_CREATED)
    revoked = SecurityEvent.objects.get(kind=EventKind.SHARE_LINK_REVOKED)
    assert created.user == alice
    assert created.meta == {
        "link": str(link.pk),
        "expires": timezone.localdate(link.expires_at).isoformat(),
    }
    assert revoked.meta == {"link": str(link.pk)}


def test_deleting_the_account_ends_and_removes_every_link(alice, alice_client):
    link, token = share_link_create(user=alice, options=march_options(), days=14)
    share_link_view_record(link=link)
    reauthenticate(alice_client)

    alice_client.post(reverse("accounts:delete"), {"confirm": "on"})

    assert not ShareLink.objects.exists()
    assert not ShareLinkView.objects.exists()
    assert alice_client.get(reverse("sharing:view", args=[token])).status_code == 404


def test_tokens_never_reach_the_server_logs(alice, client, caplog):
    link, token = share_link_create(user=alice, options=march_options(), days=14)
    link.revoked_at = timezone.now()
    link.save()
    caplog.set_level(logging.INFO)

    client.get(reverse("sharing:view", args=[token]))  # a 404, which Django logs
    logging.getLogger("gunicorn.access").info("%(U)s %(s)s", {"U": f"/s/{token}/", "s": "200"})
    logging.getLogger("django.server").info('"%s" %s', f"GET /s/{token}/ HTTP/1.1", "404")

    assert "Not Found: /s/[token]/" in caplog.text
    assert "/s/[token]/ 200" in caplog.text
    assert token not in caplog.text
