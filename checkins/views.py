import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.http import AuthenticatedHttpRequest
from checkins import services
from checkins.forms import CheckInForm
from checkins.instruments import ATTRIBUTION, INSTRUMENTS, SOURCE_URL
from checkins.models import CheckIn
from checkins.support_lines import support_help

PAGE_SIZE = 20


def _get_checkin_for_user(request: HttpRequest, pk) -> CheckIn:
    return get_object_or_404(CheckIn, pk=pk, user=request.user)


def _attribution() -> dict:
    return {"attribution": ATTRIBUTION, "source_url": SOURCE_URL}


def _support_lists(request: AuthenticatedHttpRequest) -> dict:
    """What templates/checkins/_support_help.html shows: the person's country first."""
    return support_help(request.preferences.support_country)


@login_required
def checkin_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    checkins = CheckIn.objects.filter(user=request.user)
    page = Paginator(checkins, PAGE_SIZE).get_page(request.GET.get("page"))
    ctx = {
        "page": page,
        "instruments": INSTRUMENTS.values(),
        "enabled": request.preferences.checkins_enabled,
    }
    return render(request, "checkins/checkin_list.html", ctx)


@login_required
@require_http_methods(["GET", "POST"])
def checkin_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    instrument = INSTRUMENTS.get(request.GET.get("instrument", ""))
    if instrument is None:
        # No questionnaire chosen (or an unknown one): offer both.
        ctx = {"instruments": INSTRUMENTS.values(), **_attribution()}
        return render(request, "checkins/checkin_choose.html", ctx)
    form = CheckInForm(request.POST or None, instrument=instrument)
    if request.method == "POST" and form.is_valid():
        checkin = services.checkin_create(
            user=request.user, instrument=instrument.key, answers=form.answers()
        )
        if checkin.needs_support:
            # The support screen comes before anything else, including the result.
            return redirect(f"{reverse('checkins:support')}?checkin={checkin.pk}")
        messages.success(request, _("Thank you. Your check-in is saved."))
        return redirect("checkins:detail", pk=checkin.pk)
    ctx = {"form": form, "instrument": instrument, **_attribution()}
    if form.is_bound and form.safety_answer_given():
        # Help comes first even though nothing is saved until every question is answered.
        ctx |= {"needs_support": True, **_support_lists(request)}
    return render(request, "checkins/checkin_form.html", ctx)


@login_required
def checkin_detail(request: AuthenticatedHttpRequest, pk) -> HttpResponse:
    checkin = _get_checkin_for_user(request, pk)
    return render(request, "checkins/checkin_detail.html", {"checkin": checkin, **_attribution()})


@login_required
@require_http_methods(["GET", "POST"])
def checkin_delete(request: AuthenticatedHttpRequest, pk) -> HttpResponse:
    checkin = _get_checkin_for_user(request, pk)
    if request.method == "POST":
        services.checkin_delete(checkin=checkin)
        messages.success(request, _("The check-in is deleted."))
        return redirect("checkins:list")
    return render(request, "checkins/checkin_confirm_delete.html", {"checkin": checkin})


def _checkin_from_query(request: AuthenticatedHttpRequest) -> CheckIn | None:
    # Only the person's own check-in; anything else is ignored rather than a 404, so
    # the support page itself is always shown.
    try:
        pk = uuid.UUID(request.GET.get("checkin", ""))
    except ValueError:
        return None
    return CheckIn.objects.filter(pk=pk, user=request.user).first()


@login_required
def support(request: AuthenticatedHttpRequest) -> HttpResponse:
    checkin = _checkin_from_query(request)
    ctx = {
        "checkin": checkin,
        "after_checkin": checkin is not None and checkin.needs_support,
        **_support_lists(request),
    }
    return render(request, "checkins/support.html", ctx)
