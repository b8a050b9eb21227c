"""Taking the journal away (CSV, full backup) and bringing a file back in.

An import is two steps: the upload is read and checked in full and a preview shows
what would be added; only the person's confirmation writes it (entries.portability.pending
says where it waits in between).
"""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.http import AuthenticatedHttpRequest
from audit.models import EventKind
from audit.services import audit_record
from entries.portability.backup import backup_for_user, backup_json_bytes
from entries.portability.csv_export import entries_csv_lines
from entries.portability.forms import BackupImportForm
from entries.portability.pending import (
    pending_import,
    pending_import_discard,
    pending_import_keep,
)
from entries.portability.preview import import_preview
from entries.portability.restore import backup_restore
from entries.portability.spec import MAX_IMPORT_BYTES, BackupInvalid
from entries.portability.upload import UploadSizeLimit, request_too_large


def _attachment_name(stem: str, extension: str) -> str:
    # Neutral on purpose: the name shows up in download lists and file pickers.
    return f"{stem}-{timezone.localdate().isoformat()}.{extension}"


@login_required
@reauthentication_required
@require_GET
@never_cache
def export_csv(request: AuthenticatedHttpRequest) -> HttpResponse:
    # Every note in plain text, like the full backup: worth the same second prompt.
    # Built whole rather than streamed: even years of entries are a few megabytes, and
    # a complete response can be checked (the URL walk looks for leaked text in it).
    lines = list(entries_csv_lines(request.user))
    body = "".join(lines).encode("utf-8")
    audit_record(
        user=request.user,
        kind=EventKind.EXPORT_DOWNLOADED,
        request=request,
        format="csv",
        count=len(lines) - 1,  # one line per entry after the header
    )
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_attachment_name("journal", "csv")}"'
    return response


@login_required
@reauthentication_required
@require_GET
@never_cache
def backup_json(request: AuthenticatedHttpRequest) -> HttpResponse:
    # Everything at once is worth a second password prompt (recent logins pass).
    document = backup_for_user(request.user)
    body = backup_json_bytes(document)
    audit_record(
        user=request.user,
        kind=EventKind.BACKUP_DOWNLOADED,
        request=request,
        format="json",
        count=len(document["entries"]),
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{_attachment_name("journal-backup", "json")}"'
    )
    return response


# CSRF is checked by _backup_import below, once the size limit is in place: the CSRF
# middleware would otherwise read the whole upload before the view could limit it
# (Django's documented recipe for custom upload handlers).
@csrf_exempt
@login_required
@require_http_methods(["GET", "POST"])
def backup_import(request: AuthenticatedHttpRequest) -> HttpResponse:
    # A request that announces more than the limit is refused unread (and before the
    # CSRF check, which would read it): nothing in it can change anything.
    if request.method == "POST" and request_too_large(request, max_bytes=MAX_IMPORT_BYTES):
        return _too_large(request, BackupImportForm(data={}, too_large=True))
    limit = UploadSizeLimit(request, max_bytes=MAX_IMPORT_BYTES)
    # Still a list: nothing has read the body yet (it becomes immutable then).
    request.upload_handlers.insert(0, limit)  # type: ignore[union-attr]
    return _backup_import(request, limit)


def _too_large(request: HttpRequest, form: BackupImportForm) -> HttpResponse:
    # The form says why (its file field's error) and that nothing was imported.
    return render(request, "entries/import.html", {"form": form}, status=413)


@csrf_protect
def _backup_import(request: AuthenticatedHttpRequest, limit: UploadSizeLimit) -> HttpResponse:
    if request.method != "POST":
        return render(request, "entries/import.html", {"form": BackupImportForm()})
    data, files = request.POST, request.FILES  # reads the upload through the limit
    if limit.exceeded:
        # The files of this request together passed the limit: none of them is read.
        return _too_large(request, BackupImportForm(data, too_large=True))
    form = BackupImportForm(data, files, user=request.user)
    # A valid form given a user has read its file: `read is None` never holds there.
    if not form.is_valid() or form.read is None:
        return render(request, "entries/import.html", {"form": form})
    try:
        preview = import_preview(user=request.user, read=form.read)
    except BackupInvalid as invalid:
        form.add_error("backup", invalid.messages)
        return render(request, "entries/import.html", {"form": form})
    token = pending_import_keep(user=request.user, read=form.read)
    return render(request, "entries/import_preview.html", {"preview": preview, "token": token})


EXPIRED = gettext_lazy(
    "This preview has expired or was cancelled, so nothing was imported. "
    "Choose the file again to see a new preview."
)


@login_required
@require_POST
@never_cache
def import_confirm(request: AuthenticatedHttpRequest) -> HttpResponse:
    token = request.POST.get("token", "")
    read = pending_import(user=request.user, token=token)
    if read is None:
        # Expired, cancelled, changed, or made for another account: all the same here.
        context = {"form": BackupImportForm(), "expired": EXPIRED}
        return render(request, "entries/import.html", context, status=400)
    try:
        report = backup_restore(
            user=request.user, data=read.document, restore_preferences=read.restore_preferences
        )
    except BackupInvalid as invalid:
        # The journal changed since the preview (a name added meanwhile): say so.
        form = BackupImportForm()
        return render(request, "entries/import.html", {"form": form, "problems": invalid.messages})
    pending_import_discard(user=request.user, token=token)
    audit_record(
        user=request.user,
        kind=EventKind.IMPORT_COMPLETED,
        request=request,
        count=report.entries.added,
    )
    request.preferences.refresh_from_db()
    return render(request, "entries/import.html", {"form": None, "report": report})


@login_required
@require_POST
def import_cancel(request: AuthenticatedHttpRequest) -> HttpResponse:
    pending_import_discard(user=request.user, token=request.POST.get("token", ""))
    messages.info(request, _("The import is cancelled; nothing was added to your journal."))
    return redirect("entries:import")
