"""What a page shows around a chart image: its text alternative and its data as a table.

Built from the same numbers the chart draws, so the picture, the description read out
by a screen reader and the "show as table" view always agree.
"""

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from django.utils.formats import date_format, get_format
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext, pgettext


@dataclass(frozen=True)
class ChartTable:
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ChartSummary:
    name: str
    title: str
    description: str  # the key numbers in a sentence or two; the image's text alternative
    table: ChartTable
    empty_message: str | None = None  # set when there is nothing to draw: what to log

    @property
    def is_empty(self) -> bool:
        return self.empty_message is not None


def empty_summary(name: str, title: str | Promise, message: str | Promise) -> ChartSummary:
    title, message = str(title), str(message)  # in the active language, from here on
    return ChartSummary(name, title, message, ChartTable("", (), ()), message)


def percent(part: int, whole: int) -> str:
    if not whole:
        return "–"
    return gettext("%(number)s%%") % {"number": round(100 * part / whole)}


def one_decimal(value: float | None) -> str:
    if value is None or value != value:  # NaN != NaN
        return "–"
    return f"{value:.1f}".replace(".", get_format("DECIMAL_SEPARATOR"))


@lru_cache(maxsize=8192)
def _formatted(value: dt.date, format: str, language: str | None) -> str:
    # A day's label depends on the day, the format and the language alone, and a chart's
    # table labels the same weeks and days after every new entry: Django's date_format
    # (a translation lookup per month or day name) is run once for each.
    return date_format(value, format)


def _label(value: dt.date, format: str) -> str:
    return _formatted(value, format, get_language())


# Dates keep one shape in every chart, with the language's month and day names. The
# formats are translatable (PHP-style, as Django's date filter reads them).
def day(value: dt.date) -> str:
    """ "3 Sep 2026"."""
    return _label(value, pgettext("summary date", "j M Y"))


def day_and_month(value: dt.date) -> str:
    """ "3 Sep"."""
    return _label(value, pgettext("summary date", "j M"))


def weekday_and_day(value: dt.date) -> str:
    """ "Thu 3 Sep 2026"."""
    return _label(value, pgettext("chart table day", "D j M Y"))


def month(value: dt.date) -> str:
    """ "Sep"."""
    return _label(value, pgettext("chart month", "M"))


def month_and_year(value: dt.date) -> str:
    """ "Sep 2026"."""
    return _label(value, pgettext("chart month", "M Y"))


def full_month(value: dt.date) -> str:
    """ "September 2026"."""
    return _label(value, pgettext("month heading", "F Y"))
