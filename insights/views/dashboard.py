from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from entries.models import Entry, episode_condition

RECENT_DAYS = 30


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    threshold = request.preferences.episode_threshold
    mine = Entry.objects.filter(user=request.user)
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    episode = episode_condition(threshold)
    counts = mine.aggregate(
        total=Count("id"),
        recent=Count("id", filter=Q(occurred_at__gte=since)),
        recent_episodes=Count("id", filter=Q(occurred_at__gte=since) & episode),
    )
    recent_entries = mine.with_episode_flag(threshold).select_related("partner")[:5]
    ctx = {"counts": counts, "recent_entries": recent_entries, "recent_days": RECENT_DAYS}
    return render(request, "insights/dashboard.html", ctx)
