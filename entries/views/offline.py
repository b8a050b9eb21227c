"""The service worker, the offline log form it keeps, and the page saying what the phone keeps."""

import json

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from entries.offline_shell import OfflineEntryForm, cache_version, precache_urls


@login_not_required
@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    urls = precache_urls()
    response = render(
        request,
        "entries/service_worker.js",
        # JSON of URLs made by static() and reverse(): nothing in it comes from a person.
        # The offline form is kept in the language it was fetched in; a new language
        # is a new version, so the phone fetches the form again in that language.
        {"precache_json": json.dumps(urls), "version": f"{cache_version(urls)}-{get_language()}"},
        content_type="text/javascript; charset=utf-8",
    )
    # Served from the root so it may control every page. Like every response Django
    # renders it is no-store (pct_journal.middleware): the browser fetches it afresh on
    # every update check, and a new deploy's list of files is seen at once.
    response["Service-Worker-Allowed"] = "/"
    return response


@login_not_required
@require_GET
def offline_form(request: HttpRequest) -> HttpResponse:
    # Drawn as for nobody, whoever asks: the service worker keeps this page, so the
    # request's user must not show in it (no name, no menu, no partners, no title).
    ctx = {
        "form": OfflineEntryForm(),
        "user": AnonymousUser(),
        "offline_owner": "",
        "discreet_mode": True,
        "messages": [],
        "time_zone_offer": None,
    }
    return render(request, "entries/offline_form.html", ctx)


@login_not_required
@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "entries/privacy.html")
