from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from accounts.http import AuthenticatedHttpRequest
from entries import services
from entries.forms import TagForm
from entries.models import Tag
from entries.names import by_name
from entries.views import named

TAGS = named.NamedThing(
    model=Tag,
    form=TagForm,
    list_url="entries:tags",
    template_prefix="entries/tag",
    create=services.tag_create,
    update=lambda tag, **data: services.tag_update(tag=tag, **data),
    delete=lambda tag: services.tag_delete(tag=tag),
    added_message=lambda tag: _("Added “%(name)s”.") % {"name": tag.name},
    saved_message=_("Saved."),
    order=by_name,
    deleted_message=_("The factor is removed from your entries."),
)


@login_required
@require_http_methods(["GET", "POST"])
def tag_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return named.list_page(TAGS, request, "tags")


@login_required
@require_http_methods(["GET", "POST"])
def tag_update(request: AuthenticatedHttpRequest, pk) -> HttpResponse:
    return named.update_page(TAGS, request, pk, "tag")


@login_required
@require_http_methods(["GET", "POST"])
def tag_delete(request: AuthenticatedHttpRequest, pk) -> HttpResponse:
    return named.delete_page(TAGS, request, pk, "tag")
