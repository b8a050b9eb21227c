"""A chart's section of a page (insights/_chart.html) rendered once per data version.

A chart's "show as table" holds the same data as the picture: for a long period the
calendar's and the check-ins' tables run to hundreds of rows, and rendering them was
most of the time of the insights page on every visit. The finished HTML goes through
`pct_journal.chart_cache` like the charts themselves: under the user's key and the chart's
version (insights.chart_data.chart_version), sealed with the user's own secret.
"""

import datetime as dt

from django.contrib.auth.models import User
from django.urls import reverse
from django.utils.safestring import SafeString

from insights.chart_data import chart_version
from insights.charts import ChartSummary
from insights.ranges import SelectedRange
from pct_journal import chart_cache


def chart_section(
    summary: ChartSummary,
    *,
    user: User,
    period: SelectedRange,
    today: dt.date,
    data_version: int,
) -> SafeString:
    """insights/_chart.html for `summary`, with the chart's image for `period`."""
    name = summary.name
    src = f"{reverse('insights:chart', args=[name])}?{period.query()}"
    key = chart_cache.chart_cache_key(
        "section",
        user=user,
        data_version=chart_version(
            name, user=user, dates=period.dates, data_version=data_version, today=today
        ),
        # The image's URL is part of the HTML: two ways of asking for the same dates
        # (a named period, or its start and end) must not share a section.
        name=f"{name}:{src}",
        dates=period.dates,
        today=today,
    )
    return chart_cache.cached_html(key, "insights/_chart.html", {"chart": summary, "src": src})
