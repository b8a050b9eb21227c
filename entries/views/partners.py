from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from entries import services
from entries.forms import PartnerForm
from entries.models import Partner


def _get_partner_for_user(request: HttpRequest, pk) -> Partner:
    return get_object_or_404(Partner, pk=pk, user=request.user)


@login_required
def partner_list(request: HttpRequest) -> HttpResponse:
    form = PartnerForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        partner = services.partner_create(user=request.user, **form.cleaned_data)
        messages.success(request, _("Added %(name)s.") % {"name": partner.nickname})
        return redirect("entries:partners")
    partners = Partner.objects.filter(user=request.user).annotate(entry_count=Count("entries"))
    return render(request, "entries/partner_list.html", {"form": form, "partners": partners})


@login_required
def partner_update(request: HttpRequest, pk) -> HttpResponse:
    partner = _get_partner_for_user(request, pk)
    form = PartnerForm(request.POST or None, instance=partner, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.partner_update(partner=partner, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("entries:partners")
    return render(request, "entries/partner_form.html", {"form": form, "partner": partner})


@login_required
@require_http_methods(["GET", "POST"])
def partner_delete(request: HttpRequest, pk) -> HttpResponse:
    partner = _get_partner_for_user(request, pk)
    if request.method == "POST":
        services.partner_delete(partner=partner)
        messages.success(request, _("The partner is removed; their entries are kept."))
        return redirect("entries:partners")
    entry_count = partner.entries.count()
    ctx = {"partner": partner, "entry_count": entry_count}
    return render(request, "entries/partner_confirm_delete.html", ctx)
