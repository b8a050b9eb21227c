from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from accounts.http import AuthenticatedHttpRequest
from checkins.selectors import checkin_due
from entries.services import deleted_entries_purge_on_visit
from insights.dashboard_data import month_counts, recent_entries
from insights.journal import read_for_page
from insights.page_context import dashboard_context
from insights.ranges import InvalidRange, range_picker, selected_range


@login_required
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    preferences = request.preferences
    today = timezone.localdate()
    # The home page is where every visit starts: deleted entries past their undo
    # window go here even if nobody deletes anything again (entries.undo).
    deleted_entries_purge_on_visit()
    ctx = {
        "counts": month_counts(request.user, threshold=preferences.episode_threshold, today=today),
        "recent_entries": recent_entries(request.user, threshold=preferences.episode_threshold),
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
            read=lambda reader: dashboard_context(reader, period),
        ),
        period=period,
        range_picker=range_picker(request.GET, period, today=today),
    )
    return render(request, "insights/dashboard.html", ctx)
