import uuid
import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.http import AuthenticatedHttpRequest
from accounts.timezones import known_time_zone
from entries import services
from entries.forms import EntryFilterForm, EntryForm
from entries.list_rows import entry_rows
from entries.log_form_sections import mark_for_device, new_entry_sections
from entries.models import DeletedEntry, Entry
from entries.names import by_name
from entries.undo import UNDO_WINDOW

PAGE_SIZE = 20
# The entry just deleted, whose "Undo" the next entries list offers once.
UNDO_SESSION_KEY = "entry_undo"


def _get_entry_for_user(request: HttpRequest, pk) -> Entry:
    return get_object_or_404(Entry.objects.select_related("partner"), pk=pk, user=request.user)


def _get_undoable_for_user(request: HttpRequest, pk) -> DeletedEntry:
    # Past the window the entry is gone for good, whether or not the purge has run yet.
    cutoff = timezone.now() - UNDO_WINDOW
    return get_object_or_404(DeletedEntry, pk=pk, user=request.user, deleted_at__gte=cutoff)


def _undo_offer(request: AuthenticatedHttpRequest) -> DeletedEntry | None:
    pk = request.session.pop(UNDO_SESSION_KEY, None)
    if pk is None:
        return None
    cutoff = timezone.now() - UNDO_WINDOW
    return DeletedEntry.objects.filter(pk=pk, user=request.user, deleted_at__gte=cutoff).first()


@login_required
def entry_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    threshold = request.preferences.episode_threshold
    services.deleted_entries_purge_on_visit()
    # The list shows neither notes nor factors: the notes stay encrypted, unread.
    entries = (
        Entry.objects.filter(user=request.user)
        .with_episode_flag(threshold)
        .select_related("partner")
        .defer("notes")
    )
    filters = EntryFilterForm(request.GET or None, user=request.user)
    if filters.is_valid():
        data = filters.cleaned_data
        if data["start"]:
            entries = entries.filter(occurred_at__date__gte=data["start"])
        if data["end"]:
            entries = entries.filter(occurred_at__date__lte=data["end"])
        if data["date"]:
            # __date is the day in the active time zone: the person's (the middleware's).
            entries = entries.filter(occurred_at__date=data["date"])
        if data["partner"]:
            entries = entries.filter(partner=data["partner"])
        if data["episodes"]:
            entries = entries.episodes(threshold)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    ctx = {
        "page": page,
        "entry_rows": entry_rows(request, page, filters_query=query.urlencode()),
        "filters": filters,
        "filtered": filters.is_bound and filters.is_valid() and any(filters.cleaned_data.values()),
        "query": query.urlencode(),
        "has_entries": page.paginator.count > 0 or Entry.objects.filter(user=request.user).exists(),
        "undo": _undo_offer(request),
        "undo_minutes": int(UNDO_WINDOW.total_seconds() // 60),
    }
    return render(request, "entries/entry_list.html", ctx)


def _client_uuid(request: HttpRequest) -> uuid.UUID | None:
    # Added by static/js/entry_draft.js; a form sent without it is simply not deduplicated.
    try:
        return uuid.UUID(request.POST.get("client_uuid", ""))
    except ValueError:
        return None


def _zone_written_in(request: HttpRequest) -> zoneinfo.ZoneInfo | None:
    # "When" holds the phone's wall-clock time (static/js/device_time_zone.js), so it
    # is read in the phone's zone, which may differ from the journal's on a journey.
    zone = known_time_zone(request.POST.get("device_time_zone"))
    return zoneinfo.ZoneInfo(zone) if zone else None


def _save_new_entry(request: AuthenticatedHttpRequest, form: EntryForm) -> Entry:
    client_uuid = _client_uuid(request)
    if client_uuid is None:
        return services.entry_create(user=request.user, **form.cleaned_data)
    entry, _created = services.entry_create_once(
        user=request.user, client_uuid=client_uuid, **form.cleaned_data
    )
    return entry


@login_required
def entry_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = EntryForm(request.POST, user=request.user)
        with timezone.override(_zone_written_in(request) or timezone.get_current_timezone()):
            valid = form.is_valid()
        if valid:
            entry = _save_new_entry(request, form)
            if entry.is_episode_at(request.preferences.episode_threshold):
                messages.success(request, _("Saved. Be gentle with yourself."))
            else:
                messages.success(request, _("Saved."))
            return redirect("entries:list")
        mark_for_device(form, fresh=False)
        return render(request, "entries/entry_form.html", {"form": form, "entry": None})
    sections = new_entry_sections(request.user)
    return render(request, "entries/entry_form.html", {"sections": sections, "entry": None})


@login_required
def entry_detail(request: AuthenticatedHttpRequest, pk) -> HttpResponse:
    entry = _get_entry_for_user(request, pk)
    ctx = {
        "entry": entry,
        "tags": by_name(entry.tags.all()),
        "is_episode": entry.is_episode_at(request.preferences.episode_threshold),
    }
    return render(request, "entries/entry_detail.html", ctx)


@login_required
def entry_update(request: AuthenticatedHttpRequest, pk) -> HttpResponse:
    entry = _get_entry_for_user(request, pk)
    if request.method == "POST":
        form = EntryForm(request.POST, instance=entry, user=request.user)
        if form.is_valid():
            services.entry_update(entry=entry, **form.cleaned_data)
            messages.success(request, _("Your changes are saved."))
            return redirect("entries:detail", pk=entry.pk)
    else:
        form = EntryForm(instance=entry, user=request.user)
    return render(request, "entries/entry_form.html", {"form": form, "entry": entry})


@login_required
@require_http_methods(["GET", "POST"])
def entry_delete(request: AuthenticatedHttpRequest, pk) -> HttpResponse:
    entry = _get_entry_for_user(request, pk)
    if request.method == "POST":
        deleted = services.entry_delete(entry=entry)
        # The list says it is deleted, with an Undo button (entries/_undo_delete.html).
        request.session[UNDO_SESSION_KEY] = str(deleted.pk)
        return redirect("entries:list")
    ctx = {"entry": entry, "undo_minutes": int(UNDO_WINDOW.total_seconds() // 60)}
    return render(request, "entries/entry_confirm_delete.html", ctx)


@login_required
def entry_undo_delete(request: AuthenticatedHttpRequest, pk) -> HttpResponse:
    # Looked up before the method is checked, so one not yours is a 404 either way.
    deleted = _get_undoable_for_user(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    entry = services.entry_undo_delete(deleted=deleted)
    messages.success(request, _("The entry is back."))
    return redirect("entries:detail", pk=entry.pk)
