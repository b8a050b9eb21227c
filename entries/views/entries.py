from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from entries import services
from entries.forms import DATETIME_LOCAL_FORMAT, EntryFilterForm, EntryForm
from entries.list_rows import entry_rows
from entries.models import Entry

PAGE_SIZE = 20


def _get_entry_for_user(request: HttpRequest, pk) -> Entry:
    return get_object_or_404(Entry.objects.select_related("partner"), pk=pk, user=request.user)


def _initial_for_new_entry(request: HttpRequest) -> dict:
    initial = {"occurred_at": timezone.localtime().strftime(DATETIME_LOCAL_FORMAT)}
    last = (
        Entry.objects.filter(user=request.user)
        .select_related("partner")
        .only("activity", "partner__active")
        .first()
    )
    if last:
        initial["activity"] = last.activity
        if last.partner and last.partner.active:
            initial["partner"] = last.partner_id
    return initial


@login_required
def entry_list(request: HttpRequest) -> HttpResponse:
    threshold = request.preferences.episode_threshold
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
    }
    return render(request, "entries/entry_list.html", ctx)


@login_required
def entry_create(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = EntryForm(request.POST, user=request.user)
        if form.is_valid():
            entry = services.entry_create(user=request.user, **form.cleaned_data)
            if entry.is_episode_at(request.preferences.episode_threshold):
                messages.success(request, _("Saved. Be gentle with yourself."))
            else:
                messages.success(request, _("Saved."))
            return redirect("entries:list")
    else:
        form = EntryForm(user=request.user, initial=_initial_for_new_entry(request))
    return render(request, "entries/entry_form.html", {"form": form, "entry": None})


@login_required
def entry_detail(request: HttpRequest, pk) -> HttpResponse:
    entry = _get_entry_for_user(request, pk)
    ctx = {
        "entry": entry,
        "is_episode": entry.is_episode_at(request.preferences.episode_threshold),
    }
    return render(request, "entries/entry_detail.html", ctx)


@login_required
def entry_update(request: HttpRequest, pk) -> HttpResponse:
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
def entry_delete(request: HttpRequest, pk) -> HttpResponse:
    entry = _get_entry_for_user(request, pk)
    if request.method == "POST":
        services.entry_delete(entry=entry)
        messages.success(request, _("The entry is deleted."))
        return redirect("entries:list")
    return render(request, "entries/entry_confirm_delete.html", {"entry": entry})
