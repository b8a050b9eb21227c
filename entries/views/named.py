"""The pages shared by partners and your own factors: both are short named things a
person adds, renames and removes, each page scoped to the requesting user."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from accounts.http import AuthenticatedHttpRequest
from entries.forms import PartnerForm, TagForm
from entries.models import Partner, Tag
from entries.services import NameTaken

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class NamedThing:
    model: type[Partner] | type[Tag]
    form: type[PartnerForm] | type[TagForm]
    list_url: str  # URL name of the list page
    template_prefix: str  # e.g. "entries/partner" -> partner_list.html, partner_form.html
    create: Callable
    update: Callable
    delete: Callable
    added_message: Callable[[Any], "StrOrPromise"]
    saved_message: "StrOrPromise"
    deleted_message: "StrOrPromise"
    # Names are encrypted at rest, so the list is sorted after decryption (entries.names).
    order: Callable[[Iterable], list]


def get_for_user(kind: NamedThing, request: AuthenticatedHttpRequest, pk) -> Partner | Tag:
    # Typed as the two models' common base otherwise, which has no `entries`.
    return cast("Partner | Tag", get_object_or_404(kind.model, pk=pk, user=request.user))


def list_page(
    kind: NamedThing, request: AuthenticatedHttpRequest, context_name: str
) -> HttpResponse:
    form = kind.form(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            thing = kind.create(user=request.user, **form.cleaned_data)
        except NameTaken:
            form.add_taken_error()
        else:
            messages.success(request, kind.added_message(thing))
            return redirect(kind.list_url)
    things = kind.order(
        kind.model.objects.filter(user=request.user).annotate(entry_count=Count("entries"))
    )
    ctx = {"form": form, context_name: things}
    return render(request, f"{kind.template_prefix}_list.html", ctx)


def update_page(
    kind: NamedThing, request: AuthenticatedHttpRequest, pk, context_name: str
) -> HttpResponse:
    thing = get_for_user(kind, request, pk)
    form = kind.form(request.POST or None, instance=thing, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            kind.update(thing, **form.cleaned_data)
        except NameTaken:
            form.add_taken_error()
            thing.refresh_from_db()  # the page heading names it as it still is
        else:
            messages.success(request, kind.saved_message)
            return redirect(kind.list_url)
    ctx = {"form": form, context_name: thing}
    return render(request, f"{kind.template_prefix}_form.html", ctx)


def delete_page(
    kind: NamedThing, request: AuthenticatedHttpRequest, pk, context_name: str
) -> HttpResponse:
    thing = get_for_user(kind, request, pk)
    if request.method == "POST":
        kind.delete(thing)
        messages.success(request, kind.deleted_message)
        return redirect(kind.list_url)
    ctx = {context_name: thing, "entry_count": thing.entries.count()}
    return render(request, f"{kind.template_prefix}_confirm_delete.html", ctx)
