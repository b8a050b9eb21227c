"""The summary as the export page previews it, drawn once for each summary and kept.

The preview (insights/summary/_document.html) follows only from the Summary it shows
and the language, so it is kept in the person's encrypted cache (pct_journal.chart_cache)
under a digest of the summary itself: whatever the summary comes to depend on, a
different summary is a different key, and nothing needs to know what it depends on.
"""

import hashlib
import pickle  # nosec B403
from functools import cache

from django.contrib.auth.models import User
from django.template import engines
from django.utils.safestring import SafeString

from insights.summary.content import Summary
from pct_journal import chart_cache

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
