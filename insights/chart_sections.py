"""A chart's section of a page (insights/_chart.html) rendered once per data version.

A chart's "show as table" holds the same data as the picture: for a long period the
calendar's and the check-ins' tables run to hundreds of rows, and rendering them was
most of the time of the insights page on every visit. The finished HTML goes through
`insights.chart_cache` like the charts themselves: under the user's key and data
version, sealed with the user's own secret.
"""

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from insights import chart_cache
from insights.charts import ChartSummary
from insights.selectors import DateRange


def chart_section(
    summary: ChartSummary,
    *,
    src: str,
    user: AbstractBaseUser,
    dates: DateRange,
    today: dt.date,
    version: int | str,
) -> SafeString:
    """insights/_chart.html for `summary`, whose image is at `src`; `version` is the
    chart's (insights.chart_data.chart_version)."""
    key = chart_cache.chart_cache_key(
        "section",
        user=user,
        data_version=version,
        # The image's URL is part of the HTML: two ways of asking for the same dates
        # (a named period, or its start and end) must not share a section.
        name=f"{summary.name}:{src}",
        dates=dates,
        today=today,
    )
    html = chart_cache.cached(
        key, lambda: render_to_string("insights/_chart.html", {"chart": summary, "src": src})
    )
    # The template escaped everything when it rendered, and what comes back from the
    # cache is that same text: AES-GCM refuses anything that was not sealed by us.
    return mark_safe(html)  # noqa: S308  # nosec B308 B703
