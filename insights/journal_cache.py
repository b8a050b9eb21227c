"""The user's entries as a DataFrame, read once per period and data version.

A page and the chart images it shows each need the same frame; after a new entry they
would all read and rebuild it. Kept in Django's cache (shared by every worker and app
server) under the data version, so it goes stale the moment the journal changes.
"""

from django.contrib.auth.models import User
from django.utils import timezone

from insights.selectors import Journal, entries_dataframe
from pct_journal import chart_cache
from pct_journal.date_range import DateRange


def journal_frame(user: User, dates: DateRange | None = None) -> Journal:
    """entries_dataframe(user, dates), shared through the cache.

    Uses user.preferences (which the preferences middleware attaches to request.user)
    for the data version; the frame also depends on the threshold and time zone, and
    changing either bumps the version."""
    key = chart_cache.chart_cache_key(
        "journal",
        user=user,
        data_version=user.preferences.data_version,
        name="frame",
        dates=dates or DateRange(),
        today=timezone.localdate(),
    )
    return chart_cache.cached(key, lambda: entries_dataframe(user, dates))
