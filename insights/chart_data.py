"""Every chart, by name: how it is drawn and described from a person's `Journal`.

The one registry of charts. The chart functions (`insights.charts`) stay pure; each
entry here says what of the journal a chart takes (the entries, the report's factors,
the check-ins), and the functions below draw it or describe it through the reader's
cache, once per data version.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from insights import charts
from insights.charts import ChartSummary
from insights.journal import Journal, JournalReader
from pct_journal import chart_cache

T = TypeVar("T")


@dataclass(frozen=True)
class Chart:
    render: Callable[[Journal], bytes]
    summarise: Callable[[Journal], ChartSummary]
    # What the chart depends on, when that is less than the whole journal.
    version: Callable[[Journal], int | str] = lambda journal: journal.data_version


def _of_entries(render: Callable[..., bytes], summarise: Callable[..., ChartSummary]) -> Chart:
    return Chart(
        render=lambda j: render(j.entries, date_range=j.dates, today=j.today),
        summarise=lambda j: summarise(j.entries, date_range=j.dates, today=j.today),
    )


CHARTS: dict[str, Chart] = {
    "trend": _of_entries(charts.render_trend_svg, charts.trend_summary),
    "emotions": _of_entries(charts.render_emotions_svg, charts.emotions_summary),
    "factors": Chart(
        render=lambda j: charts.render_factors_svg(j.report.ranked_factors()),
        summarise=lambda j: charts.factors_summary(j.report.ranked_factors()),
    ),
    "calendar": _of_entries(charts.render_calendar_svg, charts.calendar_summary),
    "checkins": Chart(
        render=lambda j: charts.render_checkins_svg(j.checkins),
        summarise=lambda j: charts.checkins_summary(j.checkins),
        version=lambda j: j.checkins_version,
    ),
}
CHART_NAMES = tuple(CHARTS)


def draw_chart(name: str, journal: Journal) -> bytes:
    return CHARTS[name].render(journal)


def _by_version(reader: JournalReader, kind: str, name: str, build: Callable[[Journal], T]) -> T:
    """`build(journal)` for chart `name`, kept under the data version and, when the
    chart depends on less than the whole journal, also under that narrower version: a
    new entry then costs a cache read for the check-ins chart, not a drawing."""

    def narrower(journal: Journal) -> T:
        version = CHARTS[name].version(journal)
        if version == journal.data_version:
            return build(journal)
        return chart_cache.cached(reader.key(kind, name, version=version), lambda: build(journal))

    return reader.cached(kind, name, narrower)


def chart_svg(reader: JournalReader, name: str) -> bytes:
    """The SVG of chart `name` (one of CHART_NAMES) for the reader's period."""
    return _by_version(reader, "svg", name, lambda journal: draw_chart(name, journal))


def chart_summary(reader: JournalReader, name: str) -> ChartSummary:
    """What a page shows around chart `name`: text alternative, table, empty state."""
    return _by_version(reader, "summary", name, CHARTS[name].summarise)
