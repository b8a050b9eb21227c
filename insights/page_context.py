"""What the dashboard and the insights page show of a journal's analysis, all of one
data version: read by their views, and worked out ahead by the task worker after each
write (insights.tasks), so both go through the same cache keys."""

from django.utils.safestring import SafeString

from insights.categories import METHOD_NOTES, NOT_A_DIAGNOSIS, PREVALENCE_CONTEXT, SOURCES
from insights.chart_data import chart_summary
from insights.chart_sections import chart_section
from insights.dashboard_data import DashboardPanel, dashboard_panel
from insights.journal import JournalReader
from insights.overview_cards import category_cards, coping_sentences, profile_sentences
from insights.ranges import SelectedRange
from insights.wording import how_to_read, percent

# Below this many entries the insights page explains that most cards are still waiting
# for data.
FEW_ENTRIES = 10


def dashboard_context(reader: JournalReader, period: SelectedRange) -> dict[str, object]:
    panel = dashboard_panel(reader)
    return {
        "panel": panel,
        "chart_sections": _dashboard_charts(reader, panel, period),
        "insights_refreshing": not reader.up_to_date,
    }


def _dashboard_charts(
    reader: JournalReader, panel: DashboardPanel, period: SelectedRange
) -> dict[str, SafeString]:
    """Each chart's finished section of the page (insights.chart_sections); no check-ins
    chart for someone who has never taken a check-in."""
    summaries = [
        summary for summary in (panel.trend, panel.emotions, panel.checkins) if summary is not None
    ]
    # The first chart is in view when the page opens; the others load when scrolled to.
    return {
        summary.name: chart_section(reader, summary, period=period, lazy=position > 0)
        for position, summary in enumerate(summaries)
    }


def overview_context(reader: JournalReader, period: SelectedRange) -> dict[str, object]:
    report = reader.report
    return {
        "insights_refreshing": not reader.up_to_date,
        "charts": _overview_charts(reader, period) if report.entries else [],
        "report": report,
        "episode_share": percent(report.episodes / report.entries) if report.entries else None,
        "few_entries": report.entries < FEW_ENTRIES,
        "cards": reader.cached("overview", "cards", lambda: category_cards(report)),
        "profile": profile_sentences(report.profile, threshold=report.threshold),
        "coping": coping_sentences(report.coping),
        "not_a_diagnosis": NOT_A_DIAGNOSIS,
        "prevalence": PREVALENCE_CONTEXT,
        "sources": SOURCES,
        "method_notes": METHOD_NOTES,
        "how_to_read": how_to_read(),
    }


def _overview_charts(reader: JournalReader, period: SelectedRange) -> list[SafeString]:
    """The factors chart and the calendar; the check-ins chart joins them once there
    are check-ins to show. Each as its finished section of the page
    (insights.chart_sections)."""
    shown = [chart_summary(reader, name) for name in ("factors", "calendar", "checkins")]
    return [
        # Below the text of the page: every chart loads when it is scrolled to.
        chart_section(reader, summary, period=period, lazy=True)
        for summary in shown
        if not (summary.name == "checkins" and summary.is_empty)
    ]
