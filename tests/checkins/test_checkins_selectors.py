import datetime as dt
import zoneinfo

import pandas as pd
import pytest
from django.template.loader import render_to_string

from checkins.exposure import recent_high_flags
from checkins.selectors import checkin_due, checkins_dataframe
from checkins.services import checkin_create
from insights.selectors import entries_dataframe
from pct_journal.date_range import DateRange
from tests.factories import EntryFactory, PreferencesFactory

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def _local(day: int, hour: int, month: int = 3) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=BERLIN)


def test_the_dataframe_has_one_row_per_check_in_oldest_first(alice, bob):
    PreferencesFactory(user=alice, time_zone="Europe/Berlin")
    checkin_create(user=alice, instrument="gad7", answers=[2] * 7, taken_at=_local(9, 8))
    checkin_create(user=alice, instrument="phq9", answers=[0] * 8 + [1], taken_at=_local(2, 21))
    checkin_create(user=bob, instrument="phq9", answers=[3] * 9, taken_at=_local(3, 9))

    frame = checkins_dataframe(alice)

    assert list(frame.columns) == ["id", "taken_at", "instrument", "total", "band", "item9"]
    assert frame["instrument"].tolist() == ["phq9", "gad7"]
    assert frame["total"].tolist() == [1, 14]
    assert frame["band"].tolist() == ["minimal", "moderate"]
    assert frame["item9"].tolist() == [1, pd.NA]
    assert str(frame["item9"].dtype) == "Int64"
    assert frame["total"].dtype == "int64"
    assert str(frame["taken_at"].dt.tz) == "Europe/Berlin"
    assert frame["taken_at"].iloc[0] == pd.Timestamp(_local(2, 21))


def test_the_dataframe_keeps_to_the_dates_asked_for_in_the_users_time_zone(alice):
    PreferencesFactory(user=alice, time_zone="Europe/Berlin")
    for day, hour in ((1, 23), (2, 0), (5, 23), (6, 0)):  # around local midnight
        checkin_create(user=alice, instrument="gad7", answers=[0] * 7, taken_at=_local(day, hour))

    frame = checkins_dataframe(alice, DateRange(dt.date(2026, 3, 2), dt.date(2026, 3, 5)))

    assert frame["taken_at"].dt.day.tolist() == [2, 5]


def test_an_empty_dataframe_still_has_its_columns_and_types(alice):
    frame = checkins_dataframe(alice)

    assert frame.empty
    assert list(frame.columns) == ["id", "taken_at", "instrument", "total", "band", "item9"]
    assert isinstance(frame["taken_at"].dtype, pd.DatetimeTZDtype)


def test_the_dataframe_feeds_the_exposure_of_real_entries(alice):
    PreferencesFactory(user=alice, time_zone="Europe/Berlin")
    checkin_create(user=alice, instrument="phq9", answers=[2] * 6 + [0] * 3, taken_at=_local(1, 9))
    close = EntryFactory(user=alice, occurred_at=_local(10, 22))
    far = EntryFactory(user=alice, occurred_at=_local(20, 22))

    entries = entries_dataframe(alice).entries.set_index("id")
    flags = recent_high_flags(entries["occurred_at"], checkins_dataframe(alice))

    assert flags["phq9_recent_high"][[str(close.pk), str(far.pk)]].tolist() == [True, pd.NA]
    assert flags["gad7_recent_high"].isna().all()


class TestCheckinDue:
    NOW = dt.datetime(2026, 3, 16, 8, 0, tzinfo=BERLIN)  # a Monday morning

    def test_nothing_is_due_while_check_ins_are_off(self, alice):
        preferences = PreferencesFactory(user=alice, checkins_enabled=False)

        assert checkin_due(alice, preferences, self.NOW) is None

    def test_both_are_due_the_first_time(self, alice):
        preferences = PreferencesFactory(user=alice, checkins_enabled=True)

        notice = checkin_due(alice, preferences, self.NOW)

        assert [item.key for item in notice.instruments] == ["phq9", "gad7"]
        assert notice.first_time
        assert notice.instruments[0].url == "/checkins/new/?instrument=phq9"

    @pytest.mark.parametrize(
        ("cadence", "taken_at", "due"),
        [
            pytest.param(7, _local(9, 21), True, id="weekly-monday-evening-due-next-monday"),
            pytest.param(7, _local(10, 7), False, id="weekly-six-days-ago"),
            pytest.param(14, _local(9, 21), False, id="fortnightly-one-week-ago"),
            pytest.param(14, _local(2, 23), True, id="fortnightly-two-weeks-ago"),
        ],
    )
    def test_a_questionnaire_is_due_after_the_cadence_in_calendar_days(
        self, alice, cadence, taken_at, due
    ):
        preferences = PreferencesFactory(
            user=alice,
            checkins_enabled=True,
            checkin_cadence_days=cadence,
            time_zone="Europe/Berlin",
        )
        checkin_create(user=alice, instrument="phq9", answers=[0] * 9, taken_at=taken_at)
        checkin_create(user=alice, instrument="gad7", answers=[0] * 7, taken_at=self.NOW)

        notice = checkin_due(alice, preferences, self.NOW)

        assert (notice is not None) == due
        if due:
            assert [item.key for item in notice.instruments] == ["phq9"]
            assert notice.instruments[0].last_taken_at == taken_at
            assert not notice.first_time

    def test_another_persons_check_ins_do_not_count(self, alice, bob):
        preferences = PreferencesFactory(user=alice, checkins_enabled=True)
        checkin_create(user=bob, instrument="phq9", answers=[0] * 9, taken_at=self.NOW)

        assert len(checkin_due(alice, preferences, self.NOW).instruments) == 2

    def test_the_dashboard_partial_links_to_what_is_due(self, alice):
        preferences = PreferencesFactory(user=alice, checkins_enabled=True)
        checkin_create(user=alice, instrument="gad7", answers=[0] * 7, taken_at=self.NOW)

        html = render_to_string(
            "checkins/_due_notice.html", {"notice": checkin_due(alice, preferences, self.NOW)}
        )

        assert "A wellbeing check-in is due" in html
        assert 'href="/checkins/new/?instrument=phq9"' in html
        assert "instrument=gad7" not in html
        assert render_to_string("checkins/_due_notice.html", {"notice": None}).strip() == ""
