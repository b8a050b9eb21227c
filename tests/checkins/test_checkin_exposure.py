"""Lag matching of check-ins to entries (pure pandas, no database)."""

import pandas as pd
import pytest

from checkins.exposure import recent_high, recent_high_flags

ENTRY_AT = pd.Timestamp("2026-05-20 22:00", tz="Europe/London")


def _entries(*times) -> pd.Series:
    return pd.Series(list(times), index=[f"e{n}" for n in range(len(times))], name="occurred_at")


def _checkins(*rows) -> pd.DataFrame:
    """rows: (taken_at, instrument, total)."""
    return pd.DataFrame(rows, columns=["taken_at", "instrument", "total"])


def _flag(checkins: pd.DataFrame, instrument: str = "phq9"):
    # tolist() gives plain True / False / pd.NA, so `is` compares exactly.
    return recent_high(_entries(ENTRY_AT), checkins, instrument).tolist()[0]


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        pytest.param(pd.Timedelta(days=13), True, id="13-days-counts"),
        pytest.param(pd.Timedelta(days=14), True, id="exactly-14-days-counts"),
        pytest.param(pd.Timedelta(days=14, seconds=1), pd.NA, id="just-over-14-days"),
        pytest.param(pd.Timedelta(days=15), pd.NA, id="15-days-does-not"),
        pytest.param(pd.Timedelta(0), True, id="same-moment-counts"),
        pytest.param(pd.Timedelta(minutes=-5), pd.NA, id="5-minutes-later-never-counts"),
    ],
)
def test_only_a_check_in_in_the_14_days_before_the_entry_counts(before, expected):
    flag = _flag(_checkins((ENTRY_AT - before, "phq9", 12)))

    assert flag is expected


@pytest.mark.parametrize(
    ("total", "expected"),
    [pytest.param(9, False, id="9-is-not-high"), pytest.param(10, True, id="10-is-high")],
)
def test_high_means_a_total_of_10_or_more(total, expected):
    assert _flag(_checkins((ENTRY_AT - pd.Timedelta(days=3), "gad7", total)), "gad7") is expected


def test_the_latest_check_in_in_the_window_decides():
    checkins = _checkins(
        (ENTRY_AT - pd.Timedelta(days=10), "phq9", 18),
        (ENTRY_AT - pd.Timedelta(days=2), "phq9", 4),
    )

    assert _flag(checkins) is False


def test_a_later_check_in_never_counts_even_when_an_earlier_one_is_in_the_window():
    checkins = _checkins(
        (ENTRY_AT + pd.Timedelta(hours=1), "phq9", 3),
        (ENTRY_AT - pd.Timedelta(days=5), "phq9", 15),
    )

    assert _flag(checkins) is True


def test_the_other_questionnaire_is_ignored():
    checkins = _checkins((ENTRY_AT - pd.Timedelta(days=1), "gad7", 20))

    assert _flag(checkins, "phq9") is pd.NA
    assert _flag(checkins, "gad7") is True


def test_both_flags_line_up_with_the_entries_in_their_own_order():
    entries = _entries(
        ENTRY_AT,
        ENTRY_AT - pd.Timedelta(days=30),
        ENTRY_AT + pd.Timedelta(days=20),
    )
    checkins = _checkins(
        (ENTRY_AT - pd.Timedelta(days=1), "phq9", 11),
        (ENTRY_AT - pd.Timedelta(days=1), "gad7", 2),
        (ENTRY_AT + pd.Timedelta(days=10), "phq9", 5),
    )

    flags = recent_high_flags(entries, checkins)

    assert list(flags.columns) == ["phq9_recent_high", "gad7_recent_high"]
    assert list(flags.index) == ["e0", "e1", "e2"]
    assert str(flags["phq9_recent_high"].dtype) == "boolean"
    assert flags["phq9_recent_high"].tolist() == [True, pd.NA, False]
    assert flags["gad7_recent_high"].tolist() == [False, pd.NA, pd.NA]


def test_times_in_different_zones_are_compared_as_instants():
    entry = pd.Timestamp("2026-05-21 05:30", tz="Asia/Tokyo")  # 20 May 20:30 UTC
    exactly = pd.Timestamp("2026-05-06 16:30", tz="America/New_York")  # 6 May 20:30 UTC
    a_minute_more = exactly - pd.Timedelta(minutes=1)

    def flag(taken):
        return recent_high(_entries(entry), _checkins((taken, "phq9", 10)), "phq9").tolist()[0]

    assert flag(exactly) is True
    assert flag(a_minute_more) is pd.NA


def test_without_check_ins_or_entries_everything_is_unknown():
    empty_checkins = _checkins()

    assert recent_high(_entries(ENTRY_AT), empty_checkins, "phq9").isna().all()
    assert recent_high_flags(_entries(), empty_checkins).empty
    assert recent_high_flags(_entries(), _checkins((ENTRY_AT, "phq9", 12))).empty
