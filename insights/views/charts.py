from csp.constants import NONE, UNSAFE_INLINE
from csp.decorators import csp
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from accounts.http import AuthenticatedHttpRequest
from insights.chart_data import CHART_NAMES
from insights.chart_sections import chart_svg
from insights.journal import read_for_page
from insights.ranges import InvalidRange, selected_range

# The SVG carries its own <style> (its light and dark colours) and nothing else.
SVG_POLICY = {"default-src": [NONE], "style-src": [UNSAFE_INLINE]}


@login_required
@require_safe
# gzip when the browser accepts it (a chart is 24-52 KB of text, 4-6 KB
# compressed), with Vary: Accept-Encoding. Safe from BREACH: nothing in a chart echoes
# what a request sent (docs/security.md, "Compression").
@gzip_page
@csp(SVG_POLICY)  # type: ignore[arg-type]  # django-csp types views as (request) only
def chart(request: AuthenticatedHttpRequest, name: str) -> HttpResponse:
    if name not in CHART_NAMES:
        raise Http404(gettext("There is no chart by that name."))
    today = timezone.localdate()
    try:
        period = selected_range(
            request.GET, today=today, default=request.preferences.default_period
        )
    except InvalidRange as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    svg = read_for_page(
        request.user,
        period.dates,
        today=today,
        read=lambda reader: chart_svg(reader, name),
        version=_version(request.GET.get("v")),
    )
    # No Cache-Control of its own: like every page, the image is `no-store` (the
    # security headers middleware), so no browser keeps a copy of journal data on disk,
    # an image of an earlier version included; a revisit is served from the server's
    # cache instead.
    return HttpResponse(svg, content_type="image/svg+xml")


def _version(text: str | None) -> int | None:
    """The data version a page asked its image in (`v`), or None: then the image follows
    the same rule as a page opened now."""
    if text is None or not (text.isascii() and text.isdigit()) or len(text) > 18:
        return None
    return int(text)
