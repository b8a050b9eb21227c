"""The owner's share-link pages (list, create, end) and the public page a link opens."""

import datetime as dt
import uuid
import zoneinfo
from dataclasses import dataclass

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts.http import AuthenticatedHttpRequest
from audit.models import EventKind
from audit.services import audit_record
from insights.summary.content import Summary, build_summary
from insights.summary.options import SummaryOptions, options_from_frozen, summary_options
from insights.summary.pdf import render_pdf
from insights.summary.snapshot import Snapshot
from insights.views.export import bad_options_page
from sharing.forms import ShareLinkForm
from sharing.models import ShareLink, ShareLinkView
from sharing.qr import share_link_qr_svg
from sharing.selectors import share_link_for_token, share_links_of
from sharing.services import (
    share_link_create,
    share_link_revoke,
    share_link_view_record,
)

# The list shows this many of a link's latest views, and counts the rest.
VIEWS_LISTED = 10


@dataclass(frozen=True)
class LinkRow:
    link: ShareLink
    status: str  # "active", "expired" or "revoked"
    options: SummaryOptions
    view_count: int
    latest_views: list[ShareLinkView]


def _get_link_for_user(request: HttpRequest, pk: uuid.UUID) -> ShareLink:
    return get_object_or_404(ShareLink, pk=pk, user=request.user)


@login_required
@require_GET
def share_link_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    now = timezone.now()
    rows = [
        LinkRow(
            link=link,
            status=link.status_at(now),
            options=options_from_frozen(link.options),
            view_count=link.view_count,
            latest_views=list(link.views.all())[:VIEWS_LISTED],
        )
        for link in share_links_of(request.user)
    ]
    return render(request, "sharing/share_link_list.html", {"rows": rows})


@login_required
@reauthentication_required
@require_http_methods(["GET", "POST"])
def share_link_create_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    # The options come from the export page (GET) and travel on as hidden fields (POST),
    # so the POST has no query string and allauth can resume it after re-authentication.
    source = request.POST if request.method == "POST" else request.GET
    options_form, options = summary_options(
        source,
        user=request.user,
        today=timezone.localdate(),
        default_range=request.preferences.default_period,
    )
    if options is None:
        return bad_options_page(request, options_form)
    form = ShareLinkForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        link, token = share_link_create(
            user=request.user,
            options=options,
            days=form.cleaned_data["days"],
            label=form.cleaned_data["label"],
        )
        audit_record(
            user=request.user,
            kind=EventKind.SHARE_LINK_CREATED,
            request=request,
            link=str(link.pk),
            expires=timezone.localdate(link.expires_at).isoformat(),
        )
        # Shown in this response and never again: the token is not stored, not even in
        # the session, so there is no redirect to a page that could show it later.
        url = request.build_absolute_uri(reverse("sharing:view", args=[token]))
        ctx = {"link": link, "url": url, "qr_svg": share_link_qr_svg(url)}
        return render(request, "sharing/share_link_created.html", ctx)
    ctx = {"form": form, "options": options, "option_pairs": options.query_pairs()}
    return render(request, "sharing/share_link_create.html", ctx)


@login_required
@require_http_methods(["GET", "POST"])
def share_link_revoke_view(request: AuthenticatedHttpRequest, pk: uuid.UUID) -> HttpResponse:
    link = _get_link_for_user(request, pk)
    if request.method == "POST":
        if share_link_revoke(link=link):
            audit_record(
                user=request.user,
                kind=EventKind.SHARE_LINK_REVOKED,
                request=request,
                link=str(link.pk),
            )
        messages.success(request, gettext("The link is ended: it no longer opens the summary."))
        return redirect("sharing:list")
    return render(request, "sharing/share_link_confirm_revoke.html", {"link": link})


def _in_owner_zone(link: ShareLink, moment: dt.datetime) -> str:
    # Written out here: the template's date filter would use the reader's (default) zone.
    zone = zoneinfo.ZoneInfo(link.user.preferences.time_zone)
    # Translators: a date and time as a PHP-style format, "3 Sep 2026, 14:05" in English.
    return date_format(moment.astimezone(zone), pgettext("summary date and time", "j M Y, H:i"))


def _private(response: HttpResponse) -> HttpResponse:
    """Headers for the public page: out of search engines, caches and Referer headers."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _open_link(request: HttpRequest, token: str, now: dt.datetime) -> ShareLink | HttpResponse:
    """The link a token opens, or the answer when it opens nothing: the same 404 for
    unknown, expired and ended links, whatever the method."""
    link = share_link_for_token(token, now=now)
    if link is None:
        return _private(render(request, "sharing/not_found.html", status=404))
    if request.method not in ("GET", "HEAD"):
        return _private(HttpResponseNotAllowed(["GET", "HEAD"]))
    return link


def _frozen_summary(link: ShareLink, now: dt.datetime, *, for_pdf: bool = False) -> Summary:
    options = options_from_frozen(link.options)
    snapshot = Snapshot(as_of=link.created_at, threshold=link.threshold)
    return build_summary(link.user, options, now=now, snapshot=snapshot, for_pdf=for_pdf)


def _count_opening(request: HttpRequest, link: ShareLink, now: dt.datetime) -> bool:
    """Records a GET by someone other than the owner; says whether the owner is looking."""
    owner_looking = request.user.is_authenticated and request.user.pk == link.user_id
    # A HEAD shows nothing to anyone (link previews send them), so only GETs count.
    if not owner_looking and request.method == "GET":
        share_link_view_record(link=link, now=now)
        # The owner's security log notes the opening; the reader's address is not kept.
        audit_record(user=link.user, kind=EventKind.SHARE_LINK_VIEWED, link=str(link.pk))
    return owner_looking


@login_not_required
@never_cache
def shared_summary(request: HttpRequest, token: str) -> HttpResponse:
    now = timezone.now()
    link = _open_link(request, token, now)
    if isinstance(link, HttpResponse):
        return link
    document = _frozen_summary(link, now)
    ctx = {
        "summary": document,
        "link": link,
        "token": token,
        "expires": _in_owner_zone(link, link.expires_at),
        "owner_looking": _count_opening(request, link, now),
        "for_pdf": False,
    }
    return _private(render(request, "sharing/shared_summary.html", ctx))


@login_not_required
@never_cache
def shared_summary_pdf(request: HttpRequest, token: str) -> HttpResponse:
    """The same summary as the page, with the same frozen options, as a PDF. A download
    counts as an opening, like the page: it is how the owner learns it was read."""
    now = timezone.now()
    link = _open_link(request, token, now)
    if isinstance(link, HttpResponse):
        return link
    document = _frozen_summary(link, now, for_pdf=True)
    _count_opening(request, link, now)
    html = render_to_string("insights/summary/page.html", {"summary": document, "for_pdf": True})
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    # Neutral, like the owner's own download: the name shows in download lists.
    response["Content-Disposition"] = (
        f'attachment; filename="journal-summary-{timezone.localdate(link.created_at)}.pdf"'
    )
    return _private(response)
