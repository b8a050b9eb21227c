"""A period of calendar days, shared by every app that reads a journal by date."""

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class DateRange:
    """Inclusive calendar dates in the user's time zone; None means open-ended."""

    start: dt.date | None = None
    end: dt.date | None = None
