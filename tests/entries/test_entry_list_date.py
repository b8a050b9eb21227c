"""The entries list filtered to one day (`?date=YYYY-MM-DD`, what a calendar day opens),
in the person's time zone."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import EntryFactory, PreferencesFactory

pytestmark = pytest.mark.django_db

LIST = reverse("entries:list")


def _detail(entry) -> str:
    return reverse("entries:detail", args=[entry.pk])


@pytest.fixture
def around_midnight_utc(alice, bob):
    """Alice lives in Los Angeles; her entries sit either side of midnight UTC."""
    PreferencesFactory(user=alice, time_zone="America/Los_Angeles")
    return {
        # 18:30 and 23:50 on 14 March in Los Angeles (01:30 and 06:50 UTC on the 15th).
        "evening": EntryFactory(
            user=alice, occurred_at=dt.datetime(2026, 3, 15, 1, 30, tzinfo=dt.UTC)
        ),
        "late": EntryFactory(
            user=alice, occurred_at=dt.datetime(2026, 3, 15, 6, 50, tzinfo=dt.UTC)
        ),
        # 16:30 on 14 March UTC is 09:30 there: the 14th either way.
        "morning": EntryFactory(
            user=alice, occurred_at=dt.datetime(2026, 3, 14, 16, 30, tzinfo=dt.UTC)
        ),
        # 07:10 UTC on the 15th is 00:10 on the 15th there.
        "next_day": EntryFactory(
            user=alice, occurred_at=dt.datetime(2026, 3, 15, 7, 10, tzinfo=dt.UTC)
        ),
        # 23:00 UTC on the 13th is 16:00 on the 13th there.
        "day_before": EntryFactory(
            user=alice, occurred_at=dt.datetime(2026, 3, 13, 23, 0, tzinfo=dt.UTC)
        ),
        "bobs": EntryFactory(user=bob, occurred_at=dt.datetime(2026, 3, 14, 20, 0, tzinfo=dt.UTC)),
    }


def test_it_shows_exactly_that_days_entries_in_the_persons_time_zone(
    alice_client, around_midnight_utc
):
    response = alice_client.get(LIST, {"date": "2026-03-14"})

    assert response.status_code == 200
    html = response.content.decode()
    shown = {name for name, entry in around_midnight_utc.items() if _detail(entry) in html}
    assert shown == {"evening", "late", "morning"}
    assert "3 entries match these filters." in html


def test_the_next_day_starts_at_local_midnight(alice_client, around_midnight_utc):
    html = alice_client.get(LIST, {"date": "2026-03-15"}).content.decode()

    shown = {name for name, entry in around_midnight_utc.items() if _detail(entry) in html}
    assert shown == {"next_day"}


@pytest.mark.parametrize(
    "value", [pytest.param("2026-02-30", id="no-such-day"), pytest.param("yesterday", id="words")]
)
def test_a_bad_date_is_reported_and_the_list_still_shows(alice, alice_client, value):
    entry = EntryFactory(user=alice)

    response = alice_client.get(LIST, {"date": value})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Give the day as year-month-day, for example 2026-03-14." in html
    assert f'value="{value}"' in html
    assert _detail(entry) in html
