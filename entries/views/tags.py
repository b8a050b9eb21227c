from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from entries import services
from entries.forms import TagForm
from entries.models import Tag


def _get_tag_for_user(request: HttpRequest, pk) -> Tag:
    return get_object_or_404(Tag, pk=pk, user=request.user)


@login_required
def tag_list(request: HttpRequest) -> HttpResponse:
    form = TagForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        tag = services.tag_create(user=request.user, **form.cleaned_data)
        messages.success(request, _("Added “%(name)s”.") % {"name": tag.name})
        return redirect("entries:tags")
    tags = Tag.objects.filter(user=request.user).annotate(entry_count=Count("entries"))
    return render(request, "entries/tag_list.html", {"form": form, "tags": tags})


@login_required
def tag_update(request: HttpRequest, pk) -> HttpResponse:
    tag = _get_tag_for_user(request, pk)
    form = TagForm(request.POST or None, instance=tag, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.tag_update(tag=tag, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("entries:tags")
    return render(request, "entries/tag_form.html", {"form": form, "tag": tag})


@login_required
@require_http_methods(["GET", "POST"])
def tag_delete(request: HttpRequest, pk) -> HttpResponse:
    tag = _get_tag_for_user(request, pk)
    if request.method == "POST":
        services.tag_delete(tag=tag)
        messages.success(request, _("The factor is removed from your entries."))
        return redirect("entries:tags")
    ctx = {"tag": tag, "entry_count": tag.entries.count()}
    return render(request, "entries/tag_confirm_delete.html", ctx)
