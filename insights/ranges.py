"""The period a page, chart or report covers, read from `?range=` or `?start=&end=`.

Shared by the dashboard, the insights page, charts, the JSON report and the summary,
so a link keeps its period wherever it goes. Pure: no Django request or ORM here; the
words are in the active language, and dates keep the "3 Sep 2026" shape with local names.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import cast
from urllib.parse import urlencode

from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy, pgettext

from pct_journal.date_range import DateRange

PRESETS = {
    "30d": (gettext_lazy("Last 30 days"), 30),
    "90d": (gettext_lazy("Last 90 days"), 90),
    "365d": (gettext_lazy("Last year"), 365),
    "all": (gettext_lazy("All time"), None),
}
# The same bounds as an entry's date (entries.forms): nothing before 1900, and nothing
# more than a day ahead (a phone's clock or time zone may run a little ahead). A period
# outside them could hold no entry, and a far-future end would make charts span
# thousands of years (or overflow the date arithmetic).
EARLIEST = dt.date(1900, 1, 1)
FUTURE_TOLERANCE = dt.timedelta(days=1)
# What the picker's buttons say; the PRESETS labels head pages and reports.
SHORT_LABELS = {
    "30d": gettext_lazy("30 days"),
    "90d": gettext_lazy("90 days"),
    "365d": gettext_lazy("A year"),
    "all": gettext_lazy("All"),
}
# Parameters the picker sets, and "page", which must not survive a change of period.
PICKER_OWNS = ("range", "start", "end", "page")


class InvalidRange(ValueError):
    """A period that cannot be used; the message is shown to the person as is."""


@dataclass(frozen=True)
class SelectedRange:
    key: str  # a PRESETS key, or "custom"
    label: str
    dates: DateRange

    @property
    def heading(self) -> str:
        """The period in words with its dates, e.g. "Last 90 days (6 Sep – 4 Dec 2026)",
        so each page says what it shows and two pages read side by side can be compared."""
        start, end = self.dates.start, self.dates.end
        if self.key == "custom" or not (start and end):
            return self.label
        return f"{self.label} ({_span(start, end)})"

    def query(self) -> str:
        """The query string that selects this range again."""
        if self.key != "custom":
            return f"range={self.key}"
        parts = []
        if self.dates.start:
            parts.append(f"start={self.dates.start.isoformat()}")
        if self.dates.end:
            parts.append(f"end={self.dates.end.isoformat()}")
        return "&".join(parts)


def _parse_date(name: str, value: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        message = {
            "start": gettext("“%(value)s” is not a date; use the form 2026-01-31 for start."),
            "end": gettext("“%(value)s” is not a date; use the form 2026-01-31 for end."),
        }[name]
        raise InvalidRange(message % {"value": value}) from None
    if day < EARLIEST:
        message = {
            "start": gettext("The start date is too far in the past; use %(earliest)s or later."),
            "end": gettext("The end date is too far in the past; use %(earliest)s or later."),
        }[name]
        raise InvalidRange(message % {"earliest": EARLIEST.isoformat()})
    return day


def selected_range(
    query: Mapping[str, str], *, today: dt.date, default: str = "90d"
) -> SelectedRange:
    """Custom dates win over a preset; with neither, the default preset applies."""
    start_text = (query.get("start") or "").strip()
    end_text = (query.get("end") or "").strip()
    if start_text or end_text:
        start = _parse_date("start", start_text) if start_text else None
        end = _parse_date("end", end_text) if end_text else None
        if start and end and start > end:
            raise InvalidRange(gettext("The start date is after the end date."))
        latest = today + FUTURE_TOLERANCE
        if start and start > latest:
            raise InvalidRange(gettext("The start date is in the future."))
        if end and end > latest:
            raise InvalidRange(
                gettext("The end date is too far in the future; use %(latest)s or earlier.")
                % {"latest": latest.isoformat()}
            )
        label = _custom_label(start, end)
        return SelectedRange("custom", label, DateRange(start, end))
    key = (query.get("range") or default).strip()
    if key not in PRESETS:
        choices = ", ".join(PRESETS)
        raise InvalidRange(
            gettext("“%(key)s” is not a period this page knows; use one of %(choices)s.")
            % {"key": key, "choices": choices}
        )
    preset_label, days = PRESETS[key]
    start = today - dt.timedelta(days=days - 1) if days else None
    return SelectedRange(key, str(preset_label), DateRange(start, today if days else None))


def _day(value: dt.date) -> str:
    # Translators: a date as a PHP-style format, "3 Sep 2026" in English.
    return date_format(value, pgettext("summary date", "j M Y"))


def _span(start: dt.date, end: dt.date) -> str:
    if start.year == end.year:
        # Translators: a day and month without the year, "3 Sep" in English.
        day_and_month = pgettext("summary date", "j M")
        return f"{date_format(start, day_and_month)} – {_day(end)}"
    return f"{_day(start)} – {_day(end)}"


def _custom_label(start: dt.date | None, end: dt.date | None) -> str:
    if start and end:
        return f"{_day(start)} – {_day(end)}"
    if start:
        return gettext("Since %(day)s") % {"day": _day(start)}
    # A custom range has a start, an end or both.
    return gettext("Until %(day)s") % {"day": _day(cast(dt.date, end))}


@dataclass(frozen=True)
class RangeChoice:
    key: str
    label: str
    query: str  # the whole query string that selects it, other parameters kept
    active: bool


@dataclass(frozen=True)
class RangePicker:
    """Everything `templates/_partials/range_picker.html` needs."""

    choices: tuple[RangeChoice, ...]
    custom: bool  # custom dates are in use (the custom form starts open)
    start: str  # the custom form's values: the period's dates, or what was typed
    end: str
    kept: tuple[tuple[str, str], ...]  # other parameters, as hidden inputs of the form
    today: str


def _pairs(query: Mapping[str, str]) -> list[tuple[str, str]]:
    # A Django QueryDict can repeat a parameter; keep every value.
    if hasattr(query, "lists"):
        return [(name, value) for name, values in query.lists() for value in values]
    return list(query.items())


def range_picker(
    query: Mapping[str, str], selected: SelectedRange | None, *, today: dt.date
) -> RangePicker:
    """The picker for a page showing `selected` (None when the asked-for range was invalid:
    then no preset is marked and the custom form shows what was typed, to correct it)."""
    kept = tuple((name, value) for name, value in _pairs(query) if name not in PICKER_OWNS)
    choices = tuple(
        RangeChoice(
            key,
            str(SHORT_LABELS[key]),
            urlencode([*kept, ("range", key)]),
            selected is not None and selected.key == key,
        )
        for key in PRESETS
    )
    if selected is None:
        start, end, custom = query.get("start") or "", query.get("end") or "", True
    else:
        dates = selected.dates
        start = dates.start.isoformat() if dates.start else ""
        end = dates.end.isoformat() if dates.end else ""
        custom = selected.key == "custom"
    return RangePicker(choices, custom, start, end, kept, today.isoformat())
