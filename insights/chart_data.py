"""Every chart, by name: how it is drawn and described from a person's journal.

The one registry of charts. The chart functions (`insights.charts`) stay pure; each
entry here says what of the journal a chart takes through its `JournalReader` (the
entries, the report's factors, the check-ins), and the functions below draw it or
describe it through the reader's cache, once per data version.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from insights import charts
from insights.charts import ChartSummary
from insights.journal import JournalReader
from pct_journal import chart_cache

T = TypeVar("T")


@dataclass(frozen=True)
class Chart:
    render: Callable[[JournalReader], bytes]
    summarise: Callable[[JournalReader], ChartSummary]
    # What the chart depends on, when that is less than the whole journal.
    version: Callable[[JournalReader], str] | None = None


def _of_entries(render: Callable[..., bytes], summarise: Callable[..., ChartSummary]) -> Chart:
    def of(chart: Callable[..., T]) -> Callable[[JournalReader], T]:
        return lambda reader: chart(
            reader.journal.entries, date_range=reader.dates, today=reader.today
        )

    return Chart(render=of(render), summarise=of(summarise))


CHARTS: dict[str, Chart] = {
    "trend": _of_entries(charts.render_trend_svg, charts.trend_summary),
    "emotions": _of_entries(charts.render_emotions_svg, charts.emotions_summary),
    # From the report, which report.json and the insights page share.
    "factors": Chart(
        render=lambda reader: charts.render_factors_svg(reader.report.ranked_factors()),
        summarise=lambda reader: charts.factors_summary(reader.report.ranked_factors()),
    ),
    "calendar": _of_entries(charts.render_calendar_svg, charts.calendar_summary),
    "checkins": Chart(
        render=lambda reader: charts.render_checkins_svg(reader.journal.checkins),
        summarise=lambda reader: charts.checkins_summary(reader.journal.checkins),
        version=lambda reader: reader.checkins_version,
    ),
}
CHART_NAMES = tuple(CHARTS)


def draw_chart(name: str, reader: JournalReader) -> bytes:
    return CHARTS[name].render(reader)


def _by_version(
    reader: JournalReader, kind: str, name: str, build: Callable[[JournalReader], T]
) -> T:
    """`build(reader)` for chart `name`, kept under the data version and, for a chart
    that depends on less than the whole journal, also under that narrower version: a
    new entry then costs a cache read for the check-ins chart, not a drawing."""
    version = CHARTS[name].version

    def narrower() -> T:
        if version is None:
            return build(reader)
        key = reader.key(kind, name, version=version(reader))
        return chart_cache.cached(key, lambda: build(reader))

    return reader.cached(kind, name, narrower)


def chart_svg(reader: JournalReader, name: str) -> bytes:
    """The SVG of chart `name` (one of CHART_NAMES) for the reader's period."""
    return _by_version(reader, "svg", name, lambda reader: draw_chart(name, reader))


def chart_summary(reader: JournalReader, name: str) -> ChartSummary:
    """What a page shows around chart `name`: text alternative, table, empty state."""
    return _by_version(reader, "summary", name, CHARTS[name].summarise)
