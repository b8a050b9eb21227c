"""The month calendar (insights:calendar): which month was asked for, and its weeks with
each day's entries and episodes in the person's time zone."""

import calendar as calendar_module
import dataclasses
import datetime as dt
import re
import zoneinfo

from django.contrib.auth.models import User
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext, pgettext

from entries.models import Entry, episode_condition

# ASCII digits only: \d would also take other scripts' digits, which int() reads.
MONTH_PATTERN = re.compile(r"([0-9]{4})-([0-9]{2})")
FIRST_YEAR = 1900
# How far ahead a month may be asked for: nothing is logged there, and a far-off year
# is a typo or a probe rather than a plan.
YEARS_AHEAD = 10


class InvalidMonth(ValueError):
    pass


@dataclasses.dataclass(frozen=True)
class Month:
    year: int
    month: int

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def label(self) -> str:
        # Translators: a month and year as a PHP-style format, "March 2026" in English.
        return date_format(self.first_day, pgettext("month heading", "F Y"))

    @property
    def query(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def previous(self) -> "Month":
        return Month(self.year - 1, 12) if self.month == 1 else Month(self.year, self.month - 1)

    def next(self) -> "Month":
        return Month(self.year + 1, 1) if self.month == 12 else Month(self.year, self.month + 1)


def parse_month(value: str | None, *, today: dt.date) -> Month:
    """The month of `?month=YYYY-MM`; this month when it is absent or empty."""
    if not value:
        return Month(today.year, today.month)
    match = MONTH_PATTERN.fullmatch(value)
    if not match:
        raise InvalidMonth(gettext("Write the month as year and month, for example 2026-03."))
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        raise InvalidMonth(gettext("The month must be between 01 and 12."))
    if not FIRST_YEAR <= year <= today.year + YEARS_AHEAD:
        raise InvalidMonth(
            gettext("The calendar shows the years %(first)s to %(last)s.")
            % {"first": FIRST_YEAR, "last": today.year + YEARS_AHEAD}
        )
    return Month(year, month)


def month_is_shown(month: Month, *, today: dt.date) -> bool:
    return FIRST_YEAR <= month.year <= today.year + YEARS_AHEAD


@dataclasses.dataclass(frozen=True)
class Day:
    date: dt.date
    entries: int
    episodes: int
    is_today: bool
    name: str = ""  # what a screen reader says for the day (month_weeks fills it in)

    @property
    def description(self) -> str:
        """What the day holds, in words: the accessible name says it, not the colour."""
        return day_description(self.entries, self.episodes)


def day_description(entries: int, episodes: int) -> str:
    if not entries:
        return gettext("no entries")
    entries_text = ngettext("%(count)s entry", "%(count)s entries", entries) % {"count": entries}
    if not episodes:
        return entries_text
    episodes_text = ngettext("%(count)s episode", "%(count)s episodes", episodes) % {
        "count": episodes
    }
    return f"{entries_text}, {episodes_text}"


def day_counts(
    user: User, month: Month, *, time_zone: str, threshold: int
) -> dict[dt.date, tuple[int, int]]:
    """Entries and episodes per day of the month, by the day in the person's zone."""
    zone = zoneinfo.ZoneInfo(time_zone)
    start = dt.datetime.combine(month.first_day, dt.time.min, tzinfo=zone)
    end = dt.datetime.combine(month.next().first_day, dt.time.min, tzinfo=zone)
    rows = (
        Entry.objects.filter(user=user, occurred_at__gte=start, occurred_at__lt=end)
        .annotate(day=TruncDate("occurred_at", tzinfo=zone))
        .values("day")
        .annotate(entries=Count("id"), episodes=Count("id", filter=episode_condition(threshold)))
        .order_by("day")
    )
    return {row["day"]: (row["entries"], row["episodes"]) for row in rows}


class _DayNames:
    """Each day's accessible name, "Sunday 1 November: 3 entries", as the template's
    `date:'l j F'` wrote it, with the words looked up once a page rather than per day."""

    def __init__(self, month: Month) -> None:
        # Django's own names for the date format's "l" and "F", in the active language.
        self.weekdays = [str(WEEKDAYS[number]) for number in range(7)]
        self.month = str(MONTHS[month.month])
        self.no_entries = gettext("%(day)s: no entries")

    def day(self, date: dt.date, entries: int, episodes: int, *, is_today: bool) -> Day:
        words = f"{self.weekdays[date.weekday()]} {date.day} {self.month}"
        if entries:
            name = f"{words}: {day_description(entries, episodes)}"
        else:
            name = self.no_entries % {"day": words}
        return Day(date, entries, episodes, is_today=is_today, name=name)


def month_weeks(
    month: Month, counts: dict[dt.date, tuple[int, int]], *, today: dt.date
) -> list[list[Day | None]]:
    """The month's weeks, Monday first; None pads the days of other months."""
    weeks = calendar_module.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    names = _DayNames(month)
    return [
        [
            names.day(day, *counts.get(day, (0, 0)), is_today=day == today)
            if day.month == month.month
            else None
            for day in week
        ]
        for week in weeks
    ]
