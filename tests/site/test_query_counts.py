"""Every page a logged-in person opens costs a fixed number of SQL queries, whether the
journal holds 10 entries or 1,000 (and 2 partners and factors or 30 of each).

Each page is opened once with a small journal and once with a large one, under the SAME
bound: a query per entry, partner, tag or check-in (an N+1) would blow the bound at
1,000. The bounds are the counts measured when this was written plus 2 for harmless changes
(a new middleware lookup); a page that needs more should say why here.
The cache is empty (tests/conftest.py), so pages that cache their analysis or charts
pay for building them, which is the worst case.
"""

import datetime as dt
import random
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.services import data_version_bump, preferences_for
from audit.models import EventKind, SecurityEvent
from checkins.models import CheckIn
from checkins.services import checkin_create
from entries.demo import generate_entries
from entries.models import Entry, Partner, Tag
from tests.security_helpers import reauthenticate

pytestmark = pytest.mark.django_db

SMALL = {"entries": 10, "partners": 2, "tags": 2, "checkins": 2, "events": 5}
LARGE = {"entries": 1000, "partners": 30, "tags": 30, "checkins": 40, "events": 300}
SIZES = [pytest.param(SMALL, id="10-entries"), pytest.param(LARGE, id="1000-entries")]


@dataclass
class Journal:
    entry: Entry
    partner: Partner
    tag: Tag
    checkin: CheckIn


def _fill_journal(user, size: dict) -> Journal:
    """A journal of `size` built with bulk inserts (1,000 entries in well under a second)."""
    preferences_for(user)
    partners = Partner.objects.bulk_create(
        Partner(user=user, nickname=f"Partner {n}") for n in range(size["partners"])
    )
    tags = Tag.objects.bulk_create(Tag(user=user, name=f"factor {n}") for n in range(size["tags"]))
    generated = generate_entries(
        size["entries"], seed=3, plants={"pain": 3.0}, end=timezone.now(), days=2 * 365
    )
    entries = Entry.objects.bulk_create(
        Entry(
            user=user,
            occurred_at=item.occurred_at,
            partner=partners[index % len(partners)] if item.partner else None,
            **{**item.fields, "notes": "a note" if index % 10 == 0 else ""},
        )
        for index, item in enumerate(generated)
    )
    rng = random.Random(5)
    through = Entry.tags.through
    through.objects.bulk_create(
        through(entry_id=entry.pk, tag_id=tag.pk)
        for entry in entries
        for tag in rng.sample(tags, k=min(2, len(tags)))
    )
    checkins = [
        checkin_create(
            user=user,
            instrument="phq9" if n % 2 else "gad7",
            answers=[1] * (9 if n % 2 else 7),
            taken_at=timezone.now() - dt.timedelta(days=7 * n),
        )
        for n in range(size["checkins"])
    ]
    SecurityEvent.objects.bulk_create(
        SecurityEvent(user=user, kind=EventKind.LOGIN, ip="127.0.0.1")
        for _ in range(size["events"])
    )
    data_version_bump(user_id=user.pk)
    return Journal(entries[0], partners[0], tags[0], checkins[0])


# (id, URL name, URL kwargs from the journal, query string, bound). GET, answered 200.
PAGES = [
    ("dashboard", "insights:dashboard", None, "", 14),
    ("entries list", "entries:list", None, "", 9),
    ("entries list, filtered", "entries:list", None, "episodes=on", 9),
    ("entries list, one day", "entries:list", None, "date=2026-03-14", 9),
    ("entry detail", "entries:detail", lambda j: {"pk": j.entry.pk}, "", 7),
    ("entry edit", "entries:update", lambda j: {"pk": j.entry.pk}, "", 10),
    ("entry delete", "entries:delete", lambda j: {"pk": j.entry.pk}, "", 6),
    ("log form", "entries:create", None, "", 9),
    ("partners", "entries:partners", None, "", 6),
    ("partner edit", "entries:partner_update", lambda j: {"pk": j.partner.pk}, "", 6),
    ("partner delete", "entries:partner_delete", lambda j: {"pk": j.partner.pk}, "", 7),
    ("tags", "entries:tags", None, "", 6),
    ("tag edit", "entries:tag_update", lambda j: {"pk": j.tag.pk}, "", 6),
    ("tag delete", "entries:tag_delete", lambda j: {"pk": j.tag.pk}, "", 7),
    ("insights overview", "insights:overview", None, "", 15),
    ("insights overview, 90 days", "insights:overview", None, "range=90d", 15),
    ("report json", "insights:report_json", None, "", 10),
    ("settings", "accounts:settings", None, "", 5),
    ("security log", "audit:log", None, "", 6),
    ("check-ins", "checkins:list", None, "", 7),
    ("check-in detail", "checkins:detail", lambda j: {"pk": j.checkin.pk}, "", 6),
    ("check-in form", "checkins:create", None, "instrument=phq9", 5),
    # Streams the entries 500 at a time (a chunked read is still one query on SQLite,
    # and one server-side cursor on PostgreSQL); factors and partners are read up front.
    # One more for the re-authentication check.
    ("export csv", "entries:export_csv", None, "", 11),
    ("import form", "entries:import", None, "", 5),
    # The therapist summary (skipped where its URL names do not resolve).
    ("summary options", "insights:export", None, "", 12),
    ("summary", "insights:summary", None, "", 11),
    ("summary pdf", "insights:summary_pdf", None, "", 12),
    ("share links", "sharing:list", None, "", 6),
    ("calendar", "insights:calendar", None, "", 2),
    ("partner guide", "insights:partner_guide", None, "", 2),
    ("partner guide pdf", "insights:partner_guide_pdf", None, "", 2),
]
CHARTS = ("trend", "emotions", "factors", "calendar", "checkins")
# Saving the log form: 45 queries measured, 33 of them Django's ModelForm checking the
# model's 12 CheckConstraints with a `SELECT 1 WHERE ...` each, wrapped in a savepoint
# because the test runs inside a transaction (in production, outside one, those are
# 12 plain trivial SELECTs). The edit adds the tag changes (at most 3 queries).
POST_BOUND = 47


@pytest.fixture(params=SIZES)
def journal(request, alice):
    return _fill_journal(alice, request.param)


@pytest.fixture
def warm_client(alice_client):
    """Alice's client after a first page: the first request of a login also starts the
    session clocks (accounts.session_limits), a one-off write that is not the page's.
    The password was just confirmed, as the downloads ask."""
    alice_client.get(reverse("accounts:settings"))
    reauthenticate(alice_client)
    return alice_client


@pytest.mark.parametrize(
    ("name", "kwargs", "query", "bound"),
    [pytest.param(*page[1:], id=page[0]) for page in PAGES],
)
def test_each_page_costs_the_same_queries_at_any_size(
    warm_client, journal, django_assert_max_num_queries, name, kwargs, query, bound
):
    url = reverse(name, kwargs=kwargs(journal) if kwargs else None)
    with django_assert_max_num_queries(bound):
        response = warm_client.get(f"{url}?{query}")
    assert response.status_code == 200


@pytest.mark.parametrize("chart", CHARTS)
@pytest.mark.parametrize("period", ["90d", "all"])
def test_each_chart_costs_the_same_queries_at_any_size(
    warm_client, journal, django_assert_max_num_queries, chart, period
):
    url = reverse("insights:chart", args=[chart])
    with django_assert_max_num_queries(10):
        response = warm_client.get(f"{url}?range={period}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"


def test_logging_an_entry_costs_the_same_queries_at_any_size(
    warm_client, journal, entry_post_data, django_assert_max_num_queries
):
    data = {**entry_post_data, "partner": str(journal.partner.pk), "tags": [str(journal.tag.pk)]}
    with django_assert_max_num_queries(POST_BOUND):
        response = warm_client.post(reverse("entries:create"), data)
    assert response.status_code == 302
    assert Entry.objects.filter(user=journal.entry.user).count() in (11, 1001)


def test_saving_an_edit_costs_the_same_queries_at_any_size(
    warm_client, journal, entry_post_data, django_assert_max_num_queries
):
    url = reverse("entries:update", kwargs={"pk": journal.entry.pk})
    data = {**entry_post_data, "sadness": "3", "tags": [str(journal.tag.pk)]}
    with django_assert_max_num_queries(POST_BOUND + 3):
        response = warm_client.post(url, data)
    assert response.status_code == 302
    journal.entry.refresh_from_db()
    assert journal.entry.sadness == 3


def test_the_full_backup_costs_the_same_queries_at_any_size(
    warm_client, journal, django_assert_max_num_queries
):
    # The journal, then the account record: e-mail addresses, two-factor, sessions,
    # share links with their openings, the security log (one query each).
    with django_assert_max_num_queries(20):
        response = warm_client.get(reverse("entries:backup_json"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")


def test_a_shared_summary_costs_the_same_queries_at_any_size(
    client, journal, django_assert_max_num_queries
):
    """The therapist's page (no login): the token is the only key."""
    from insights.ranges import selected_range
    from insights.summary.options import SummaryOptions
    from sharing import services

    period = selected_range({}, today=timezone.localdate(), default="all")
    _link, token = services.share_link_create(
        user=journal.entry.user, options=SummaryOptions(period=period), days=7
    )
    url = reverse("sharing:view", kwargs={"token": token})
    with django_assert_max_num_queries(13):
        response = client.get(url)
    assert response.status_code == 200


def test_the_share_link_form_costs_the_same_queries_at_any_size(
    warm_client, journal, django_assert_max_num_queries
):
    url = reverse("sharing:create")
    reauthenticate(warm_client)
    with django_assert_max_num_queries(8):
        response = warm_client.get(url)
    assert response.status_code == 200
