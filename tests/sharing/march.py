"""March 2026: the month whose summary the share-link tests hand out."""

import datetime as dt

from insights.ranges import SelectedRange
from insights.summary.options import SummaryOptions
from pct_journal.date_range import DateRange

MARCH = DateRange(dt.date(2026, 3, 1), dt.date(2026, 3, 31))


def march_evening(day: int) -> dt.datetime:
    return dt.datetime(2026, 3, day, 21, 30, tzinfo=dt.UTC)


def march_options(**changes) -> SummaryOptions:
    """The summary options for March, with any option changed."""
    return SummaryOptions(period=SelectedRange("custom", "March", MARCH), **changes)
