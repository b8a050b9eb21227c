from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import SafeString

from accounts.http import AuthenticatedHttpRequest
from checkins.selectors import checkin_due
from entries.services import deleted_entries_purge_on_visit
from insights.chart_sections import chart_section
from insights.dashboard_data import (
    DashboardPanel,
    dashboard_panel,
    month_counts,
    recent_entries,
)
from insights.journal import JournalReader, read_for_page
from insights.ranges import InvalidRange, SelectedRange, range_picker, selected_range

RECENT_ENTRIES = 5


@login_required
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    preferences = request.preferences
    today = timezone.localdate()
    # The home page is where every visit starts: deleted entries past their undo
    # window go here even if nobody deletes anything again (entries.undo).
    deleted_entries_purge_on_visit()
    ctx = {
        "counts": month_counts(request.user, threshold=preferences.episode_threshold, today=today),
        "recent_entries": recent_entries(
            request.user, threshold=preferences.episode_threshold, count=RECENT_ENTRIES
        ),
        "checkin_notice": checkin_due(request.user, preferences, timezone.now()),
    }
    try:
        period = selected_range(request.GET, today=today, default=preferences.default_period)
    except InvalidRange as error:
        ctx.update(
            range_error=str(error), range_picker=range_picker(request.GET, None, today=today)
        )
        return render(request, "insights/dashboard.html", ctx, status=400)
    ctx.update(
        read_for_page(
            request.user,
            period.dates,
            today=today,
            read=lambda reader: insights_context(reader, period),
        ),
        period=period,
        range_picker=range_picker(request.GET, period, today=today),
    )
    return render(request, "insights/dashboard.html", ctx)


def insights_context(reader: JournalReader, period: SelectedRange) -> dict[str, object]:
    """What the dashboard shows of the analysis, all of one data version (also worked
    out ahead by insights.tasks)."""
    panel = dashboard_panel(reader)
    return {
        "panel": panel,
        "chart_sections": _chart_sections(reader, panel, period),
        "insights_refreshing": not reader.up_to_date,
    }


def _chart_sections(
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
