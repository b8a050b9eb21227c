"""Partners and your own factors: both are short named things a person adds, renames
and removes. One set of pages serves both, each told which kind it shows by its URL
(entries.urls), and each scoped to the requesting user."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from accounts.http import AuthenticatedHttpRequest
from entries import services
from entries.forms import PartnerForm, TagForm
from entries.models import NamedModel, Partner, Tag
from entries.names import by_name, partners_in_order
from entries.services import NameTaken


@dataclass(frozen=True)
class NamedThing:
    """What differs between partners and factors: model, form, writes, URLs and wording.

    Wording that names the thing holds a "{name}" placeholder."""

    model: type[Partner] | type[Tag]
    form: type[PartnerForm] | type[TagForm]
    create: Callable[..., Any]
    update: Callable[..., Any]
    delete: Callable[[Any], None]
    # Names are encrypted at rest, so the list is sorted after decryption (entries.names).
    order: Callable[[Iterable], list]
    list_url: str
    update_url: str
    delete_url: str
    list_title: str | Promise
    list_intro: str | Promise
    list_empty: str | Promise
    add_heading: str | Promise
    add_heading_id: str
    edit_label: str | Promise  # the button beside each name in the list
    edit_title: str | Promise
    edit_heading: str | Promise
    delete_title: str | Promise
    delete_heading: str | Promise
    # What removing it does to the entries that name it, given how many there are.
    delete_note: Callable[[Any, int], str]
    added_message: str | Promise
    deleted_message: str | Promise
    shows_inactive: bool = False


def _partner_delete_note(partner: Partner, entry_count: int) -> str:
    if entry_count:
        kept = ngettext(
            "Your {count} entry with {name} will be kept, with the partner shown as "
            "“not recorded”.",
            "Your {count} entries with {name} will be kept, with the partner shown as "
            "“not recorded”.",
            entry_count,
        )
    else:
        kept = gettext("No entries mention {name}.")
    inactive_instead = gettext(
        "If you only want to stop seeing this name in the log form, mark the partner "
        "inactive instead."
    )
    return format_html(f"{kept} {inactive_instead}", count=entry_count, name=partner)


def _tag_delete_note(tag: Tag, entry_count: int) -> str:
    if not entry_count:
        return gettext("No entries use it.")
    return ngettext(
        "It will be taken off {count} entry; the entries themselves stay.",
        "It will be taken off {count} entries; the entries themselves stay.",
        entry_count,
    ).format(count=entry_count)


PARTNERS = NamedThing(
    model=Partner,
    form=PartnerForm,
    create=services.partner_create,
    update=lambda partner, **data: services.partner_update(partner=partner, **data),
    delete=lambda partner: services.partner_delete(partner=partner),
    order=partners_in_order,
    list_url="entries:partners",
    update_url="entries:partner_update",
    delete_url="entries:partner_delete",
    list_title=_("Partners"),
    list_intro=_(
        "Nicknames only. Insights compare entries with each partner against the rest; "
        "the therapist summary leaves nicknames out unless you include them."
    ),
    list_empty=_("No partners yet. Add a nickname below, or type one straight into the log form."),
    add_heading=_("Add a partner"),
    add_heading_id="h-add-partner",
    edit_label=_("Edit"),
    edit_title=_("Edit partner"),
    edit_heading=_("Edit {name}"),
    delete_title=_("Remove partner"),
    delete_heading=_("Remove {name}?"),
    delete_note=_partner_delete_note,
    added_message=_("Added {name}."),
    deleted_message=_("The partner is removed; their entries are kept."),
    shows_inactive=True,
)

TAGS = NamedThing(
    model=Tag,
    form=TagForm,
    create=services.tag_create,
    update=lambda tag, **data: services.tag_update(tag=tag, **data),
    delete=lambda tag: services.tag_delete(tag=tag),
    order=by_name,
    list_url="entries:tags",
    update_url="entries:tag_update",
    delete_url="entries:tag_delete",
    list_title=_("Your factors"),
    list_intro=_(
        "Anything you suspect might matter that the log form does not ask about. Tick them "
        "when you log, and insights will compare entries with and without each one."
    ),
    list_empty=_(
        "No factors of your own yet. Add one below, for example “after an argument” or "
        "“new medication”."
    ),
    add_heading=_("Add a factor"),
    add_heading_id="h-add-tag",
    edit_label=_("Rename"),
    edit_title=_("Rename factor"),
    edit_heading=_("Rename “{name}”"),
    delete_title=_("Remove factor"),
    delete_heading=_("Remove “{name}”?"),
    delete_note=_tag_delete_note,
    added_message=_("Added “{name}”."),
    deleted_message=_("The factor is removed from your entries."),
)


def _get_for_user(kind: NamedThing, request: AuthenticatedHttpRequest, pk) -> NamedModel:
    return get_object_or_404(kind.model, pk=pk, user=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def named_list(request: AuthenticatedHttpRequest, kind: NamedThing) -> HttpResponse:
    form = kind.form(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            thing = kind.create(user=request.user, **form.cleaned_data)
        except NameTaken:
            form.add_taken_error()
        else:
            messages.success(request, str(kind.added_message).format(name=thing))
            return redirect(kind.list_url)
    things = kind.order(
        kind.model.objects.filter(user=request.user).annotate(entry_count=Count("entries"))
    )
    ctx = {"kind": kind, "form": form, "things": things}
    return render(request, "entries/named_list.html", ctx)


@login_required
@require_http_methods(["GET", "POST"])
def named_update(request: AuthenticatedHttpRequest, pk, kind: NamedThing) -> HttpResponse:
    thing = _get_for_user(kind, request, pk)
    form = kind.form(request.POST or None, instance=thing, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            kind.update(thing, **form.cleaned_data)
        except NameTaken:
            form.add_taken_error()
            thing.refresh_from_db()  # the page heading names it as it still is
        else:
            messages.success(request, gettext("Saved."))
            return redirect(kind.list_url)
    heading = format_html(str(kind.edit_heading), name=thing)
    ctx = {"kind": kind, "form": form, "heading": heading}
    return render(request, "entries/named_form.html", ctx)


@login_required
@require_http_methods(["GET", "POST"])
def named_delete(request: AuthenticatedHttpRequest, pk, kind: NamedThing) -> HttpResponse:
    thing = _get_for_user(kind, request, pk)
    if request.method == "POST":
        kind.delete(thing)
        messages.success(request, str(kind.deleted_message))
        return redirect(kind.list_url)
    ctx = {
        "kind": kind,
        "heading": format_html(str(kind.delete_heading), name=thing),
        # Both kinds have entries (the base model cannot say so): a partner's or a factor's.
        "note": kind.delete_note(thing, cast(Partner | Tag, thing).entries.count()),
    }
    return render(request, "entries/named_confirm_delete.html", ctx)
