"""Where a phone sends the entries it kept while offline (static/js/offline_store.js).

GET says who is logged in (the opaque owner mark) and hands over a CSRF token; POST
stores one entry. Both answer 401 in JSON rather than redirecting to the login page:
the phone keeps the entry and waits for a login.
"""

import uuid
import zoneinfo
from typing import cast

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, JsonResponse
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from accounts.http import AuthenticatedHttpRequest
from accounts.offline_owner import offline_owner
from entries import services
from entries.forms import EntryForm
from entries.models import Entry
from entries.sync_payload import MAX_BODY_BYTES, TOO_LARGE, PayloadError, queued_entry_parse


def _problem(status: int, error: str, message: str, **extra) -> JsonResponse:
    return JsonResponse({"error": error, "message": message, **extra}, status=status)


def _saved(entry: Entry) -> JsonResponse:
    # The same answer for the first send and every replay of it.
    return JsonResponse(
        {
            "id": str(entry.client_uuid),
            "status": "saved",
            "url": reverse("entries:detail", args=[entry.pk]),
        }
    )


def _status(request: AuthenticatedHttpRequest) -> JsonResponse:
    answer: dict[str, object] = {
        "owner": offline_owner(request.user),
        "csrf_token": get_token(request),
    }
    check = request.GET.get("check", "")
    if check:
        try:
            answer["saved"] = Entry.objects.filter(
                user=request.user, client_uuid=uuid.UUID(check)
            ).exists()
        except ValueError:
            return _problem(400, "malformed", "“check” must be a UUID.")
    return JsonResponse(answer)


def _body(request: HttpRequest) -> bytes:
    # Refused before reading, so a huge body is never held in memory.
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BODY_BYTES:
        raise PayloadError(TOO_LARGE)
    return request.body


@login_not_required
@require_http_methods(["GET", "POST"])
def entry_sync(request: HttpRequest) -> JsonResponse:
    if not request.user.is_authenticated:
        return _problem(401, "login_required", "Please log in; the entry stays on this phone.")
    if request.method == "GET":
        return _status(cast(AuthenticatedHttpRequest, request))  # signed in, checked above
    try:
        queued = queued_entry_parse(_body(request))
    except PayloadError as error:
        return _problem(400, "malformed", str(error))
    if queued.owner != offline_owner(request.user):
        # Written while another account was logged in on this phone: it is theirs.
        return _problem(
            409, "other_account", "This entry belongs to another account and was not sent."
        )
    # Only this person's entries are looked at: another person's UUID finds nothing
    # and makes a new entry of this person's, so it can tell nobody whether it exists.
    earlier = Entry.objects.filter(user=request.user, client_uuid=queued.client_uuid).first()
    if earlier:
        return _saved(earlier)
    # The phone's wall-clock time is read in the phone's zone, as it was written.
    zone = zoneinfo.ZoneInfo(queued.time_zone) if queued.time_zone else None
    with timezone.override(zone or timezone.get_current_timezone()):
        form = EntryForm(queued.data, user=request.user)
        valid = form.is_valid()
    if not valid:
        errors = {name: [str(text) for text in texts] for name, texts in form.errors.items()}
        return _problem(400, "invalid", "Some answers need another look.", fields=errors)
    entry, _created = services.entry_create_once(
        user=request.user, client_uuid=queued.client_uuid, **form.cleaned_data
    )
    return _saved(entry)
