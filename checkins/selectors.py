"""Reads of a user's check-ins: as a DataFrame for insights and charts, as plain records
for a backup, and whether one is due."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from accounts.services import preferences_for
from checkins.instruments import INSTRUMENTS
from checkins.models import CheckIn

if TYPE_CHECKING:
    # Only a type: insights.selectors will import this module, so no import back at runtime.
    from accounts.models import Preferences
    from pct_journal.date_range import DateRange

CHECKIN_COLUMNS = ["id", "taken_at", "instrument", "total", "band", "item9"]


def _empty_frame(zone: zoneinfo.ZoneInfo) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": pd.Series(dtype="str"),
            "taken_at": pd.Series(dtype=pd.DatetimeTZDtype(tz=zone)),
            "instrument": pd.Series(dtype="str"),
            "total": pd.Series(dtype="int64"),
            "band": pd.Series(dtype="str"),
            "item9": pd.Series(dtype="Int64"),
        }
    )


def checkins_dataframe(
    user: User,
    date_range: DateRange | None = None,
    *,
    time_zone: str | None = None,
    as_of: dt.datetime | None = None,
) -> pd.DataFrame:
    """The user's check-ins, oldest first, one row each.

    Columns: `id` (str), `taken_at` (aware, in the user's time zone), `instrument`
    ("phq9" or "gad7"), `total` (int64), `band` (a key of checkins.instruments, e.g.
    "moderately_severe"; labels via INSTRUMENTS[instrument].band_label) and `item9`
    (Int64: the PHQ-9 item 9 answer, <NA> for a GAD-7).

    `date_range` (insights.selectors.DateRange, inclusive local dates) limits the rows.
    For the 14-day exposure of entries, read without a range, or from 14 days before
    the entries' start, so a check-in just before the period still counts.
    `as_of` leaves out check-ins taken after that moment (a share link's snapshot).
    """
    zone = zoneinfo.ZoneInfo(time_zone or preferences_for(user).time_zone)
    queryset = CheckIn.objects.filter(user=user).order_by("taken_at")
    if date_range is not None and date_range.start:
        start = dt.datetime.combine(date_range.start, dt.time.min, tzinfo=zone)
        queryset = queryset.filter(taken_at__gte=start)
    if date_range is not None and date_range.end:
        end = dt.datetime.combine(date_range.end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
        queryset = queryset.filter(taken_at__lt=end)
    if as_of is not None:
        queryset = queryset.filter(taken_at__lte=as_of)
    rows = list(queryset.values_list(*CHECKIN_COLUMNS))
    if not rows:
        return _empty_frame(zone)
    frame = pd.DataFrame(rows, columns=CHECKIN_COLUMNS)
    frame["id"] = frame["id"].astype(str)
    frame["taken_at"] = pd.to_datetime(frame["taken_at"], utc=True).dt.tz_convert(zone)
    frame["total"] = frame["total"].astype("int64")
    frame["item9"] = frame["item9"].astype("Int64")
    return frame


def has_checkins(user: User) -> bool:
    return CheckIn.objects.filter(user=user).exists()


def checkins_for_backup(user: User) -> list[dict]:
    """Every check-in of the user as JSON-ready records, oldest first; the shape that
    checkins.services.checkins_restore reads back. Times are in the user's zone, to the
    microsecond with their offset, so a restore recognises a check-in it already has."""
    zone = zoneinfo.ZoneInfo(preferences_for(user).time_zone)
    return [
        {
            "instrument": checkin.instrument,
            "taken_at": timezone.localtime(checkin.taken_at, zone).isoformat(
                timespec="microseconds"
            ),
            "answers": checkin.answers,
            "total": checkin.total,
            "band": checkin.band,
        }
        for checkin in CheckIn.objects.filter(user=user).order_by("taken_at", "instrument")
    ]


@dataclass(frozen=True)
class DueInstrument:
    key: str
    name: str
    title: str
    url: str
    last_taken_at: dt.datetime | None


@dataclass(frozen=True)
class DueNotice:
    """Which questionnaires are due, for the dashboard (checkins/_due_notice.html)."""

    instruments: tuple[DueInstrument, ...]
    cadence_days: int
    list_url: str
    first_time: bool  # no check-in of either kind yet


def checkin_due(user: User, preferences: Preferences, now: dt.datetime) -> DueNotice | None:
    """None when check-ins are off or none is due.

    A questionnaire is due when it was never taken, or when its latest one was taken
    `checkin_cadence_days` or more calendar days ago in the user's time zone, so one
    taken on a Monday evening is due again from the Monday morning after.
    """
    if not preferences.checkins_enabled:
        return None
    zone = zoneinfo.ZoneInfo(preferences.time_zone)
    today = now.astimezone(zone).date()
    cadence = preferences.checkin_cadence_days
    due, taken_before = [], False
    for key, spec in INSTRUMENTS.items():
        last = (
            CheckIn.objects.filter(user=user, instrument=key)
            .order_by("-taken_at")
            .values_list("taken_at", flat=True)
            .first()
        )
        taken_before = taken_before or last is not None
        if last is None or (today - last.astimezone(zone).date()).days >= cadence:
            url = f"{reverse('checkins:create')}?instrument={key}"
            due.append(DueInstrument(key, spec.name, spec.title, url, last))
    if not due:
        return None
    return DueNotice(tuple(due), cadence, reverse("checkins:list"), first_time=not taken_before)
