from typing import cast

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from audit.selectors import LOG_PAGE_SIZE, security_events_for


@login_required
def security_log(request: HttpRequest) -> HttpResponse:
    # login_required has let only a signed-in person through.
    events = security_events_for(cast(User, request.user))
    ctx = {
        "events": events,
        "page_size": LOG_PAGE_SIZE,
        "retention_days": settings.AUDIT_RETENTION_DAYS,
    }
    return render(request, "audit/security_log.html", ctx)
