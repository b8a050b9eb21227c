"""The export page's preview, which follows the pages' rule while a refresh is under way.

Right after a write, the worker works the person's insights out again and then the
preview with the usual options (insights.tasks). Until it has, the preview may be the
one of the newest version the worker finished, as on the dashboard (the rule of
insights.journal.reader_for_page), but only when that exact preview is still in the
cache: an earlier version is never worked out from the database. What is handed on
(the PDF, the print page, a share link) is always worked out from the current data.
"""

import datetime as dt
import zoneinfo

from django.contrib.auth.models import User

from insights.journal import reader_for_page
from insights.summary.content import Summary, screen_summary, screen_summary_key
from insights.summary.options import SummaryOptions
from pct_journal import chart_cache


def export_preview(
    user: User, options: SummaryOptions, *, now: dt.datetime
) -> tuple[Summary, bool]:
    """The preview for `options`, and whether it is of the current version."""
    today = now.astimezone(zoneinfo.ZoneInfo(user.preferences.time_zone)).date()
    reader = reader_for_page(user, options.dates, today=today)
    if not reader.up_to_date:
        key = screen_summary_key(user, options, now=now, data_version=reader.data_version)
        try:
            return chart_cache.peek(key), False  # type: ignore[return-value]
        except chart_cache.Missing:
            pass  # not kept, or not worked out yet: the current one, as on any other day
    return screen_summary(user, options, now=now), True
