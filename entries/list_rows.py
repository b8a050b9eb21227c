"""The entries list's rows rendered once per data version, page and filters.

Rendering 25 rows (a link, a date in the person's time zone, partner and peak) was most
of the time of the list, the page people open most after the dashboard. The rows show
nothing that can change without `Preferences.data_version` changing too: entries,
partners' nicknames, the episode threshold and the time zone all bump it. So the HTML
is kept in the derived-data cache with the charts, sealed with the person's own secret
(pct_journal.chart_cache), and the page's entries are not even read while it is there.
"""

import hashlib

from django.core.paginator import Page
from django.utils import timezone
from django.utils.safestring import SafeString

from accounts.http import AuthenticatedHttpRequest
from pct_journal import chart_cache
from pct_journal.date_range import DateRange


def entry_rows(request: AuthenticatedHttpRequest, page: Page, *, filters_query: str) -> SafeString:
    """entries/_entry_rows.html for `page` of the list as filtered by `filters_query`."""
    key = chart_cache.chart_cache_key(
        "entry-rows",
        user=request.user,
        data_version=request.preferences.data_version,
        # A digest, not the query itself: the filters are the person's own words and
        # dates, and a query string can be as long as the URL.
        name=f"page={page.number}:{hashlib.sha256(filters_query.encode()).hexdigest()[:32]}",
        dates=DateRange(),
        today=timezone.localdate(),
    )
    return chart_cache.cached_html(key, "entries/_entry_rows.html", {"entries": page.object_list})
