from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET

from accounts.http import AuthenticatedHttpRequest
from insights.categories import NOT_A_DIAGNOSIS
from insights.journal import JournalReader, read_for_page
from insights.page_context import overview_context
from insights.ranges import InvalidRange, SelectedRange, range_picker, selected_range
from insights.reports_json import report_as_json


def _period(request: AuthenticatedHttpRequest) -> SelectedRange:
    # The person's default period, like the dashboard and the summary, so that the
    # page and its JSON agree with each other and with the other two.
    default = request.preferences.default_period
    return selected_range(request.GET, today=timezone.localdate(), default=default)


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
        read=lambda reader: overview_context(reader, period),
    )
    ctx.update(period=period, range_picker=range_picker(request.GET, period, today=today))
    return render(request, "insights/overview.html", ctx)


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
