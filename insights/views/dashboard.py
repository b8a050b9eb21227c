from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from checkins.selectors import checkin_due
from entries.models import Entry
from insights.dashboard_data import dashboard_panel, month_counts
from insights.ranges import InvalidRange, range_picker, selected_range

RECENT_ENTRIES = 5
DEFAULT_RANGE = "90d"
DASHBOARD_CHARTS = ("trend", "emotions", "checkins")


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    preferences = request.preferences
    today = timezone.localdate()
    ctx = {
        "counts": month_counts(request.user, threshold=preferences.episode_threshold, today=today),
        "recent_entries": Entry.objects.filter(user=request.user)
        .with_episode_flag(preferences.episode_threshold)
        .select_related("partner")
        .defer("notes")[:RECENT_ENTRIES],
        "checkin_notice": checkin_due(request.user, preferences, timezone.now()),
    }
    try:
        period = selected_range(request.GET, today=today, default=DEFAULT_RANGE)
    except InvalidRange as error:
        ctx.update(
            range_error=str(error), range_picker=range_picker(request.GET, None, today=today)
        )
        return render(request, "insights/dashboard.html", ctx, status=400)
    ctx.update(
        period=period,
        chart_src={
            name: f"{reverse('insights:chart', args=[name])}?{period.query()}"
            for name in DASHBOARD_CHARTS
        },
        range_picker=range_picker(request.GET, period, today=today),
        panel=dashboard_panel(
            request.user, data_version=preferences.data_version, dates=period.dates, today=today
        ),
    )
    return render(request, "insights/dashboard.html", ctx)
