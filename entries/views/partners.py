from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from accounts.http import AuthenticatedHttpRequest
from entries import services
from entries.forms import PartnerForm
from entries.models import Partner
from entries.names import partners_in_order
from entries.views import named

PARTNERS = named.NamedThing(
    model=Partner,
    form=PartnerForm,
    list_url="entries:partners",
    template_prefix="entries/partner",
    create=services.partner_create,
    update=lambda partner, **data: services.partner_update(partner=partner, **data),
    delete=lambda partner: services.partner_delete(partner=partner),
    added_message=lambda partner: _("Added %(name)s.") % {"name": partner.nickname},
    saved_message=_("Saved."),
    order=partners_in_order,
    deleted_message=_("The partner is removed; their entries are kept."),
)


@login_required
@require_http_methods(["GET", "POST"])
def partner_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return named.list_page(PARTNERS, request, "partners")


@login_required
@require_http_methods(["GET", "POST"])
def partner_update(request: AuthenticatedHttpRequest, pk) -> HttpResponse:
    return named.update_page(PARTNERS, request, pk, "partner")


@login_required
@require_http_methods(["GET", "POST"])
def partner_delete(request: AuthenticatedHttpRequest, pk) -> HttpResponse:
    return named.delete_page(PARTNERS, request, pk, "partner")
