from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import SafeString
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET

from insights import charts
from insights.categories import METHOD_NOTES, NOT_A_DIAGNOSIS, PREVALENCE_CONTEXT, SOURCES
from insights.chart_data import chart_summary
from insights.chart_sections import chart_section
from insights.journal_report import journal_report
from insights.overview_cards import category_cards, coping_sentences, profile_sentences
from insights.ranges import InvalidRange, SelectedRange, range_picker, selected_range
from insights.reports_json import report_as_json
from insights.wording import HOW_TO_READ, percent

# Below this many entries the page explains that most cards are still waiting for data.
FEW_ENTRIES = 10


def _period(request: HttpRequest) -> SelectedRange:
    # The person's default period, like the dashboard and the summary, so that the
    # page and its JSON agree with each other and with the other two.
    default = request.preferences.default_period
    return selected_range(request.GET, today=timezone.localdate(), default=default)


def _charts(request: HttpRequest, period: SelectedRange, report) -> list[SafeString]:
    """The factors chart (from the report already computed) and the calendar; the
    check-ins chart joins them once there are check-ins to show. Each as its finished
    section of the page (insights.chart_sections)."""
    today = timezone.localdate()
    version = request.preferences.data_version
    shown = [charts.factors_summary(report.ranked_factors())]
    for name in ("calendar", "checkins"):
        summary = chart_summary(
            name, user=request.user, dates=period.dates, today=today, data_version=version
        )
        if name == "checkins" and summary.is_empty:
            continue
        shown.append(summary)
    # Below the text of the page: every chart loads when it is scrolled to.
    return [
        chart_section(
            summary,
            user=request.user,
            period=period,
            today=today,
            data_version=version,
            lazy=True,
        )
        for summary in shown
    ]


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
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
    report = journal_report(
        request.user, period.dates, data_version=request.preferences.data_version
    )
    ctx = {
        "period": period,
        "range_picker": range_picker(request.GET, period, today=today),
        "charts": _charts(request, period, report) if report.entries else [],
        "report": report,
        "episode_share": percent(report.episodes / report.entries) if report.entries else None,
        "few_entries": report.entries < FEW_ENTRIES,
        "cards": category_cards(report),
        "profile": profile_sentences(report.profile, threshold=report.threshold),
        "coping": coping_sentences(report.coping),
        "not_a_diagnosis": NOT_A_DIAGNOSIS,
        "prevalence": PREVALENCE_CONTEXT,
        "sources": SOURCES,
        "method_notes": METHOD_NOTES,
        "how_to_read": HOW_TO_READ,
    }
    return render(request, "insights/overview.html", ctx)


@login_required
@require_GET
# Compressed like the charts, and for the same reason (docs/security.md, "Compression").
@gzip_page
def report_json(request: HttpRequest) -> JsonResponse:
    try:
        period = _period(request)
    except InvalidRange as error:
        return JsonResponse({"error": str(error)}, status=400)
    report = journal_report(
        request.user, period.dates, data_version=request.preferences.data_version
    )
    return JsonResponse(report_as_json(report), json_dumps_params={"allow_nan": False})
