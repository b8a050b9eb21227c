from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import SafeString
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET

from accounts.http import AuthenticatedHttpRequest
from insights.categories import METHOD_NOTES, NOT_A_DIAGNOSIS, PREVALENCE_CONTEXT, SOURCES
from insights.chart_data import chart_summary
from insights.chart_sections import chart_section
from insights.journal import JournalReader, read_for_page
from insights.overview_cards import category_cards, coping_sentences, profile_sentences
from insights.ranges import InvalidRange, SelectedRange, range_picker, selected_range
from insights.reports_json import report_as_json
from insights.wording import how_to_read, percent

# Below this many entries the page explains that most cards are still waiting for data.
FEW_ENTRIES = 10


def _period(request: AuthenticatedHttpRequest) -> SelectedRange:
    # The person's default period, like the dashboard and the summary, so that the
    # page and its JSON agree with each other and with the other two.
    default = request.preferences.default_period
    return selected_range(request.GET, today=timezone.localdate(), default=default)


def _charts(reader: JournalReader, period: SelectedRange) -> list[SafeString]:
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


@login_required
@require_GET
def overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    try:
        period = _period(request)
    except InvalidRange as error:
        ctx = {
            "range_error": str(error),
            "not_a_diagnosis": NOT_A_DIAGNOSIS,
            "range_picker": range_picker(request.GET, None, today=today),
        }
        return render(request, "insights/overview.html", ctx, status=400)
    ctx = read_for_page(
        request.user,
        period.dates,
        today=today,
        read=lambda reader: insights_context(reader, period),
    )
    ctx.update(period=period, range_picker=range_picker(request.GET, period, today=today))
    return render(request, "insights/overview.html", ctx)


def insights_context(reader: JournalReader, period: SelectedRange) -> dict[str, object]:
    """What the page shows of the analysis, all of one data version (also worked out
    ahead by insights.tasks)."""
    report = reader.report
    return {
        "insights_refreshing": not reader.up_to_date,
        "charts": _charts(reader, period) if report.entries else [],
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


@login_required
@require_GET
# Compressed like the charts, and for the same reason (docs/security.md, "Compression").
@gzip_page
def report_json(request: AuthenticatedHttpRequest) -> JsonResponse:
    try:
        period = _period(request)
    except InvalidRange as error:
        return JsonResponse({"error": str(error)}, status=400)
    report = read_for_page(
        request.user, period.dates, today=timezone.localdate(), read=_report_with_version
    )
    return JsonResponse(report, json_dumps_params={"allow_nan": False})


def _report_with_version(reader: JournalReader) -> dict[str, object]:
    # Right after a write the report may be the one before it, while the new one is
    # worked out (insights.journal.read_for_page): it says so, and which version it is.
    return {
        **report_as_json(reader.report),
        "up_to_date": reader.up_to_date,
        "data_version": reader.data_version,
    }
