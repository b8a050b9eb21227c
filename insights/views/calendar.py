"""The month calendar: a grid of days to tap, each day with entries opening the list."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_GET

from accounts.http import AuthenticatedHttpRequest
from insights.calendar_grid import calendar_rows
from insights.month_calendar import (
    InvalidMonth,
    day_counts,
    month_is_shown,
    month_weeks,
    parse_month,
)

WEEKDAYS = [
    (pgettext_lazy("abbreviated weekday", "Mon"), gettext_lazy("Monday")),
    (pgettext_lazy("abbreviated weekday", "Tue"), gettext_lazy("Tuesday")),
    (pgettext_lazy("abbreviated weekday", "Wed"), gettext_lazy("Wednesday")),
    (pgettext_lazy("abbreviated weekday", "Thu"), gettext_lazy("Thursday")),
    (pgettext_lazy("abbreviated weekday", "Fri"), gettext_lazy("Friday")),
    (pgettext_lazy("abbreviated weekday", "Sat"), gettext_lazy("Saturday")),
    (pgettext_lazy("abbreviated weekday", "Sun"), gettext_lazy("Sunday")),
]


@login_required
@require_GET
def calendar(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()  # the person's zone: the middleware activated it
    try:
        month = parse_month(request.GET.get("month"), today=today)
    except InvalidMonth as error:
        ctx = {"error": str(error), "this_month": parse_month(None, today=today)}
        return render(request, "insights/calendar.html", ctx, status=400)
    preferences = request.preferences
    counts = day_counts(
        request.user,
        month,
        time_zone=preferences.time_zone,
        threshold=preferences.episode_threshold,
    )
    previous, following = month.previous(), month.next()
    weeks = month_weeks(month, counts, today=today)
    ctx = {
        "month": month,
        "weeks": weeks,
        "rows": calendar_rows(weeks, list_url=reverse("entries:list")),
        "weekdays": WEEKDAYS,
        "previous": previous if month_is_shown(previous, today=today) else None,
        "next": following if month_is_shown(following, today=today) else None,
        "this_month_query": parse_month(None, today=today).query,
        "totals": (sum(n for n, _ in counts.values()), sum(e for _, e in counts.values())),
    }
    return render(request, "insights/calendar.html", ctx)
