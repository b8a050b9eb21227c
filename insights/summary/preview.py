"""The export page's preview, which follows the pages' rule while a refresh is under way.

Right after a write, the worker works the person's insights out again and then the
preview with the usual options (insights.tasks). Until it has, the preview may be the
one of the newest version the worker finished, as on the dashboard (the rule of
insights.journal.reader_for_page), but only when that exact preview is still in the
cache: an earlier version is never worked out from the database. What is handed on
(the PDF, the print page, a share link) is always worked out from the current data.

Its HTML (insights/summary/_document.html) follows only from the Summary it shows and
the language, so it is kept in the person's encrypted cache under a digest of the
summary itself: whatever the summary comes to depend on, a different summary is a
different key, and nothing needs to know what it depends on.
"""

import datetime as dt
import hashlib
import pickle  # nosec B403
import zoneinfo
from functools import cache

from django.contrib.auth.models import User
from django.template import engines
from django.utils.safestring import SafeString

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


DOCUMENT = "insights/summary/_document.html"
CHART_IMAGE = "insights/summary/_chart_image.html"


@cache
def _templates_digest() -> bytes:
    # A shared cache (Redis) can outlive a deploy: changed templates are new keys.
    engine = engines["django"].engine  # type: ignore[attr-defined]
    sources = [engine.get_template(name).source for name in (DOCUMENT, CHART_IMAGE)]
    return hashlib.sha256("\0".join(sources).encode()).digest()


def summary_preview(user: User, summary: Summary) -> SafeString:
    """_document.html for `summary`, in the active language."""
    # Pickled only to take a digest: nothing is ever unpickled here.
    digest = hashlib.sha256(_templates_digest() + pickle.dumps(summary)).hexdigest()
    key = chart_cache.page_part_key("summary-html", user=user, digest=digest)
    return chart_cache.cached_html(key, DOCUMENT, {"summary": summary})
