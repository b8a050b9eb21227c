"""The month calendar (insights:calendar): days to tap, counted in the person's time
zone, episodes said in words, and a clear 400 for a month it cannot show."""

import datetime as dt
import re
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from accounts.services import preferences_for
from tests.factories import EntryFactory, PreferencesFactory

pytestmark = pytest.mark.django_db

CALENDAR = reverse("insights:calendar")
LIST = reverse("entries:list")
FULLWIDTH_MONTH = "\uff12\uff10\uff12\uff16-\uff10\uff13"  # 2026-03 in fullwidth digits


def _at(day: int, hour: int, month: int = 3) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, 0, tzinfo=dt.UTC)


def _in_los_angeles(user) -> None:
    PreferencesFactory(user=user, time_zone="America/Los_Angeles")


def _day_link(html: str, day: str) -> str | None:
    """The accessible name of the link to that day (YYYY-MM-DD), or None."""
    match = re.search(rf'href="{LIST}\?date={day}" aria-label="([^"]+)"', html)
    return match[1] if match else None


def test_it_requires_login(client):
    response = client.get(CALENDAR)

    assert response.status_code == 302


def test_a_day_with_entries_links_to_the_list_of_that_day(alice, alice_client):
    EntryFactory(user=alice, occurred_at=_at(14, 12))
    EntryFactory(user=alice, occurred_at=_at(14, 13))

    html = alice_client.get(CALENDAR, {"month": "2026-03"}).content.decode()

    assert _day_link(html, "2026-03-14") == "Saturday 14 March: 2 entries"
    assert _day_link(html, "2026-03-13") is None
    assert "<table" in html and '<th scope="col"><abbr title="Monday">Mon</abbr></th>' in html


def test_episodes_are_said_in_words_and_marked_with_a_shape(alice, alice_client):
    EntryFactory(user=alice, occurred_at=_at(14, 12), sadness=3)
    EntryFactory(user=alice, occurred_at=_at(14, 13))
    EntryFactory(user=alice, occurred_at=_at(20, 13), cried=True)

    html = alice_client.get(CALENDAR, {"month": "2026-03"}).content.decode()

    assert _day_link(html, "2026-03-14") == "Saturday 14 March: 2 entries, 1 episode"
    assert _day_link(html, "2026-03-20") == "Friday 20 March: 1 entry, 1 episode"
    assert html.count('<span class="cal-episode">◆</span>') == 2
    assert "3 entries this month, 2 with an episode" in html


def test_days_are_counted_in_the_persons_time_zone(alice, alice_client):
    _in_los_angeles(alice)
    # 02:00 UTC on 15 March is 19:00 on 14 March in Los Angeles (daylight time).
    EntryFactory(user=alice, occurred_at=_at(15, 2))
    EntryFactory(user=alice, occurred_at=_at(15, 9))  # 02:00 on 15 March there

    html = alice_client.get(CALENDAR, {"month": "2026-03"}).content.decode()

    assert _day_link(html, "2026-03-14") == "Saturday 14 March: 1 entry"
    assert _day_link(html, "2026-03-15") == "Sunday 15 March: 1 entry"


def test_an_entry_late_on_the_last_evening_belongs_to_that_month(alice, alice_client):
    _in_los_angeles(alice)
    EntryFactory(user=alice, occurred_at=dt.datetime(2026, 4, 1, 3, 0, tzinfo=dt.UTC))

    march = alice_client.get(CALENDAR, {"month": "2026-03"}).content.decode()
    april = alice_client.get(CALENDAR, {"month": "2026-04"}).content.decode()

    assert _day_link(march, "2026-03-31") == "Tuesday 31 March: 1 entry"
    assert "?date=2026-04-01" not in april


def test_another_users_entries_are_never_counted(alice, bob, alice_client):
    EntryFactory(user=alice, occurred_at=_at(14, 12))
    EntryFactory(user=bob, occurred_at=_at(14, 13), sadness=4)
    EntryFactory(user=bob, occurred_at=_at(16, 13))

    html = alice_client.get(CALENDAR, {"month": "2026-03"}).content.decode()

    assert _day_link(html, "2026-03-14") == "Saturday 14 March: 1 entry"
    assert _day_link(html, "2026-03-16") is None


def test_it_shows_this_month_by_default_and_links_the_months_around_it(alice, alice_client):
    zone = zoneinfo.ZoneInfo(preferences_for(alice).time_zone)
    today = timezone.localtime(timezone.now(), zone).date()

    html = alice_client.get(CALENDAR).content.decode()

    assert f'<h2 class="h5 mb-0" id="cal-month">{today:%B %Y}</h2>' in html
    assert 'aria-label="Previous month, ' in html and 'aria-label="Next month, ' in html


def test_the_previous_and_next_links_cross_the_year(alice_client):
    html = alice_client.get(CALENDAR, {"month": "2026-01"}).content.decode()

    assert 'href="?month=2025-12"' in html
    assert 'href="?month=2026-02"' in html


@pytest.mark.parametrize(
    "month",
    [
        pytest.param("2026-13", id="month-13"),
        pytest.param("2026-00", id="month-0"),
        pytest.param("abc", id="words"),
        pytest.param("2026-1", id="one-digit-month"),
        pytest.param("1899-12", id="before-1900"),
        pytest.param("9999-01", id="far-future"),
        pytest.param("2026-03-01", id="a-day"),
        pytest.param(FULLWIDTH_MONTH, id="fullwidth-digits"),
    ],
)
def test_a_month_it_cannot_show_is_a_clear_400(alice_client, month):
    response = alice_client.get(CALENDAR, {"month": month})

    assert response.status_code == 400
    text = response.content.decode()
    assert "That month cannot be shown." in text
    assert "<table" not in text


def test_the_dashboard_links_to_the_calendar(alice, alice_client):
    EntryFactory(user=alice)

    html = alice_client.get(reverse("insights:dashboard")).content.decode()

    assert f'href="{CALENDAR}"' in html


def test_any_month_parameter_is_a_page_or_a_400_never_a_500(alice, alice_client):
    EntryFactory(user=alice, occurred_at=_at(14, 12))
    months = st.one_of(
        st.from_regex(r"-?\d{1,6}-\d{1,3}", fullmatch=True),
        st.text(max_size=12),
        st.sampled_from(["1900-01", "1899-12", "0000-00", "2026-02", FULLWIDTH_MONTH]),
    )

    @settings(max_examples=100, deadline=None, database=None)
    @given(month=months)
    def check(month):
        response = alice_client.get(CALENDAR, {"month": month})

        assert response.status_code in (200, 400)
        if response.status_code == 200:
            assert "<table" in response.content.decode()

    check()


@pytest.mark.parametrize(
    ("language", "with_entries", "without"),
    [
        ("en", "Tuesday 3 March: 1 entry", "Wednesday 4 March: no entries"),
        ("de", "Dienstag 3 März: 1 Eintrag", "Mittwoch 4 März: keine Einträge"),
        ("es", "martes 3 marzo: 1 entrada", "miércoles 4 marzo: sin entradas"),
    ],
    ids=["english", "german", "spanish"],
)
def test_each_day_is_named_in_the_persons_language(
    alice, alice_client, language, with_entries, without
):
    EntryFactory(user=alice, occurred_at=_at(3, 12), sadness=0)

    response = alice_client.get(
        CALENDAR, {"month": "2026-03"}, headers={"accept-language": language}
    )

    html = response.content.decode()
    assert _day_link(html, "2026-03-03") == with_entries
    assert f'<span class="visually-hidden">{without}</span>' in html
