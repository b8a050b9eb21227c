"""A chart's section of a page (insights/_chart.html) rendered once per data version.

A chart's "show as table" holds the same data as the picture: for a long period the
calendar's and the check-ins' tables run to hundreds of rows, and rendering them was
most of the time of the insights page on every visit. The finished HTML goes through
`pct_journal.chart_cache` like the charts themselves: under the user's key and the data
version (through the page's JournalReader), sealed with the user's own secret.

The image carries its width and height, read from the chart's own SVG (a chart's
height depends on its data: factors shown, months, questionnaires), so the browser
keeps its place before it arrives and nothing below jumps. The page does not draw the
chart for that: drawing stays with the image's own request. The size comes from the
SVG when it is already in the cache, otherwise from the last one drawn for the same
chart and dates (a new entry rarely changes a chart's shape). A section with that
borrowed size is kept apart from one with the exact size, so the first visit after the
image was drawn has the exact one, and neither is rendered twice. Charts
below the first one on a page load lazily (`lazy`), so a phone fetches them only when
they are scrolled to.
"""

import re

from django.core.cache import caches
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from insights import chart_data
from insights.charts import ChartSummary
from insights.journal import JournalReader
from insights.ranges import SelectedRange
from pct_journal import chart_cache

# matplotlib writes the size in points: viewBox="0 0 273.6 230.4".
_VIEW_BOX = re.compile(rb'viewBox="0 0 ([0-9.]+) ([0-9.]+)"')
CSS_PX_PER_POINT = 96 / 72


class _Missing(Exception):
    pass


def _peek(key: chart_cache.CacheKey) -> object | None:
    """The value under `key`, or None: never builds anything."""

    def missing() -> object:
        raise _Missing

    try:
        return chart_cache.cached(key, missing)
    except _Missing:
        return None


def _svg_key(reader: JournalReader, name: str) -> chart_cache.CacheKey:
    # Where chart_data.chart_svg keeps the SVG (JournalReader.cached, "svg").
    return reader.key("svg", name)


def _last_size_key(reader: JournalReader, name: str) -> chart_cache.CacheKey:
    # Outlives data versions on purpose: the last size drawn, whatever the data was.
    return reader.key("size", name, version="last")


def chart_svg(reader: JournalReader, name: str) -> bytes:
    """The SVG of chart `name` (chart_data.chart_svg, kept per data version); when it
    had to be drawn, its size is remembered for the sections drawn before the next
    image."""
    svg = _peek(_svg_key(reader, name))
    if isinstance(svg, bytes):
        return svg
    svg = chart_data.chart_svg(reader, name)
    last = _last_size_key(reader, name)
    caches[chart_cache.CACHE_ALIAS].delete(last.text)
    chart_cache.cached(last, lambda: svg_size(svg))
    return svg


def svg_size(svg: bytes) -> tuple[int, int] | None:
    """The SVG's width and height in CSS pixels, from its viewBox."""
    found = _VIEW_BOX.search(svg[:1000])
    if found is None:
        return None
    width, height = (float(value) * CSS_PX_PER_POINT for value in found.groups())
    return round(width), round(height)


def chart_section(
    reader: JournalReader, summary: ChartSummary, *, period: SelectedRange, lazy: bool = False
) -> SafeString:
    """insights/_chart.html for `summary`, with the chart's image for `period`;
    `lazy` for a chart below the first one of the page."""
    name = summary.name
    # The image is of the same data version as the page, even one a refresh has not
    # caught up with yet (insights.journal.read_for_page).
    src = f"{reverse('insights:chart', args=[name])}?{period.query()}&v={reader.data_version}"

    def section_key(sized: str) -> chart_cache.CacheKey:
        # The image's URL is part of the HTML: two ways of asking for the same dates
        # (a named period, or its start and end) must not share a section.
        return reader.key("section", f"{name}:{src}:lazy={lazy}:{sized}")

    def render(size: object) -> str:
        context = {"chart": summary, "src": src, "lazy": lazy, "size": size}
        return render_to_string("insights/_chart.html", context)

    exact = section_key("exact")
    html = _peek(exact)
    if html is None and summary.is_empty:
        html = chart_cache.cached(exact, lambda: render(None))
    if html is None:
        svg = _peek(_svg_key(reader, name))
        if isinstance(svg, bytes):
            html = chart_cache.cached(exact, lambda: render(svg_size(svg)))
    if html is None:
        # Not drawn yet (right after a change, or a lazy image never scrolled to): the
        # last size drawn, kept apart until the exact one is known.
        last = _last_size_key(reader, name)
        html = chart_cache.cached(section_key("last"), lambda: render(_peek(last)))
    # The template escaped everything when it rendered, and what comes back from the
    # cache is that same text: AES-GCM refuses anything that was not sealed by us.
    return mark_safe(str(html))  # noqa: S308  # nosec B308 B703
