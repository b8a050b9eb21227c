"""The queries that pages and selectors make find their rows through an index.

PostgreSQL only (skipped on SQLite): its planner decides by table statistics, so the
tables get many people's rows (one person's are about 2% of them) and ANALYZE first;
then each query's EXPLAIN must read the table through an index on the column it
filters by, never a whole-table scan. Run `pytest tests/site/test_indexes_explain.py -s` to
see the plans.

Where a table has both the composite (user, time) index and Django's own index of the
user foreign key, PostgreSQL picks by cost: at a few hundred rows a person it reads the
foreign-key index and sorts them (cheap), and the composite index when it can stop early
(the first page of a long journal). Both are fine; a sequential scan is not.
"""

import datetime as dt
import random
import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone

from audit.models import EventKind, SecurityEvent
from audit.selectors import security_events_for
from checkins.models import CheckIn
from entries.models import Entry
from tests.factories import ShareLinkFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="EXPLAIN plans are checked on PostgreSQL",
    ),
]

# About what a busy install holds: thousands of rows, one person's a few per cent of them.
PEOPLE = 30
ENTRIES_EACH = 800
CHECKINS_EACH = 100
EVENTS_EACH = 300


ENTRY_INDEXES = ("entry_user_occurred", "entries_entry_user_id_")
EVENT_INDEXES = ("security_event_user_at", "audit_securityevent_user_id_")
SESSION_KEYS = [f"explain{n:025x}" for n in range(PEOPLE * 20)]


@pytest.fixture(scope="module")
def people(django_db_setup, django_db_blocker):
    """Written once for the module (tens of thousands of rows) and removed after it."""
    with django_db_blocker.unblock():
        users = _fill()
        yield users
        get_user_model().objects.filter(pk__in=[user.pk for user in users]).delete()
        Session.objects.filter(session_key__in=SESSION_KEYS).delete()


def _fill() -> list:
    rng = random.Random(9)
    now = timezone.now()
    User = get_user_model()
    # No password hashing here: module fixtures run without the tests' fast hasher.
    users = User.objects.bulk_create(
        User(username=f"explain{n}", password="!") for n in range(PEOPLE)
    )
    Entry.objects.bulk_create(
        Entry(user=user, occurred_at=now - dt.timedelta(hours=rng.randint(1, 20_000)))
        for user in users
        for _ in range(ENTRIES_EACH)
    )
    CheckIn.objects.bulk_create(
        CheckIn(
            user=user,
            instrument="gad7",
            taken_at=now - dt.timedelta(days=14 * n),
            total=7,
            band="mild",
            **dict.fromkeys((f"item{i}" for i in range(1, 8)), 1),
        )
        for user in users
        for n in range(CHECKINS_EACH)
    )
    SecurityEvent.objects.bulk_create(
        SecurityEvent(user=user, kind=EventKind.LOGIN, at=now - dt.timedelta(hours=n))
        for user in users
        for n in range(EVENTS_EACH)
    )
    Session.objects.bulk_create(
        Session(session_key=key, session_data="", expire_date=now + dt.timedelta(hours=1))
        for key in SESSION_KEYS
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return users


def _plan(queryset) -> str:
    plan = queryset.explain()
    print(f"\n{queryset.query}\n{plan}")
    return plan


def _assert_indexed(plan: str, table: str, *indexes: str) -> None:
    """`indexes` are index names or name prefixes (Django's own end in a hash)."""
    assert f"Seq Scan on {table} " not in plan, plan
    index_reads = re.findall(r"(?:Index Scan|Index Only Scan)(?: Backward)? using (\S+)", plan)
    index_reads += re.findall(r"Bitmap Index Scan on (\S+)", plan)
    assert any(read.startswith(indexes) for read in index_reads), plan


def test_the_entries_list_reads_one_page_through_the_user_time_index(people):
    queryset = Entry.objects.filter(user=people[0]).with_episode_flag(2)[:20]

    _assert_indexed(_plan(queryset), "entries_entry", *ENTRY_INDEXES)


def test_the_selectors_read_a_period_through_the_user_time_index(people):
    now = timezone.now()
    queryset = Entry.objects.filter(
        user=people[1],
        occurred_at__gte=now - dt.timedelta(days=90),
        occurred_at__lt=now,
    ).order_by("occurred_at")

    _assert_indexed(_plan(queryset), "entries_entry", *ENTRY_INDEXES)


def test_the_latest_entry_for_the_log_form_uses_the_user_time_index(people):
    queryset = Entry.objects.filter(user=people[2]).select_related("partner")[:1]

    _assert_indexed(_plan(queryset), "entries_entry", *ENTRY_INDEXES)


def test_the_check_ins_list_uses_the_user_time_index(people):
    queryset = CheckIn.objects.filter(user=people[3])[:20]

    _assert_indexed(
        _plan(queryset), "checkins_checkin", "checkin_user_taken", "checkins_checkin_user_id_"
    )


def test_the_security_log_uses_the_user_time_index(people):
    _assert_indexed(_plan(security_events_for(people[4])), "audit_securityevent", *EVENT_INDEXES)


def test_forgetting_old_security_events_uses_the_user_time_index(people):
    cutoff = timezone.now() - dt.timedelta(days=1)
    queryset = SecurityEvent.objects.filter(user=people[5], at__lt=cutoff)

    _assert_indexed(_plan(queryset), "audit_securityevent", *EVENT_INDEXES)


def test_a_session_is_found_by_its_key(people):
    queryset = Session.objects.filter(session_key="x" * 32, expire_date__gt=timezone.now())

    _assert_indexed(_plan(queryset), "django_session", "django_session_")


def test_share_links_are_found_by_token_and_by_owner(people):
    from sharing import selectors as sharing
    from sharing.models import ShareLink

    now = timezone.now()
    ShareLink.objects.bulk_create(
        ShareLinkFactory.build(
            user=user,
            token_hash=f"{index:064x}",
            created_at=now - dt.timedelta(days=index % 30),
            expires_at=now + dt.timedelta(days=7),
        )
        for index, user in enumerate(people * 60)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE sharing_sharelink")
    by_token = ShareLink.objects.filter(token_hash="0" * 64, expires_at__gt=now)[:1]
    of_owner = sharing.share_links_of(people[6])

    _assert_indexed(_plan(by_token), "sharing_sharelink", "sharing_sharelink_token_hash_")
    _assert_indexed(
        _plan(of_owner),
        "sharing_sharelink",
        "share_link_user_created",
        "sharing_sharelink_user_id_",
    )
