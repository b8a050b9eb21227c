"""A chart's section of a page (insights/_chart.html) rendered once per data version.

A chart's "show as table" holds the same data as the picture: for a long period the
calendar's and the check-ins' tables run to hundreds of rows, and rendering them was
most of the time of the insights page on every visit. The finished HTML goes through
`pct_journal.chart_cache` like the charts themselves: under the user's key and the data
version, sealed with the user's own secret.
"""

from django.urls import reverse
from django.utils.safestring import SafeString

from insights.charts import ChartSummary
from insights.journal import JournalReader
from insights.ranges import SelectedRange
from pct_journal import chart_cache


def chart_section(
    reader: JournalReader, summary: ChartSummary, *, period: SelectedRange
) -> SafeString:
    """insights/_chart.html for `summary`, with the chart's image for `period`."""
    name = summary.name
    src = f"{reverse('insights:chart', args=[name])}?{period.query()}"
    # The image's URL is part of the HTML: two ways of asking for the same dates (a
    # named period, or its start and end) must not share a section.
    key = reader.key("section", f"{name}:{src}")
    return chart_cache.cached_html(key, "insights/_chart.html", {"chart": summary, "src": src})
