import copy

from allauth.account.decorators import reauthentication_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required, login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from accounts import services
from accounts.device_zone import OFFER_SESSION_KEY, time_zone_offer
from accounts.forms import AccountDeleteForm, PreferencesForm
from accounts.http import AuthenticatedHttpRequest


@login_required
def preferences(request: AuthenticatedHttpRequest) -> HttpResponse:
    # A copy: validating a form changes its instance, and the page around the form
    # (discreet mode's title and header) must not change until the settings are saved.
    form = PreferencesForm(request.POST or None, instance=copy.copy(request.preferences))
    if request.method == "POST" and form.is_valid():
        services.preferences_update(preferences=form.instance)
        language = form.instance.language
        with translation.override(language or translation.get_language()):
            messages.success(request, _("Your settings are saved."))
        response = redirect("accounts:settings")
        _language_cookie_set(response, language)
        return response
    return render(request, "accounts/settings.html", {"form": form})


def _language_cookie_set(response: HttpResponse, language: str) -> None:
    # The pages before signing in (and after signing out) keep the language chosen
    # here; "same as my browser" clears the cookie, so Accept-Language decides again.
    if not language:
        response.delete_cookie(settings.LANGUAGE_COOKIE_NAME)
        return
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,  # type: ignore[arg-type]  # "Lax" in settings
    )


@login_not_required
@require_POST
def language_set(request: HttpRequest) -> HttpResponse:
    """The language switch on the pages before signing in (a cookie, no account)."""
    # Django's view would store any language it has a catalogue for ("fr" too), which
    # the journal then ignores; a language it does not offer is refused outright.
    if request.POST.get("language") not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest(_("This language is not offered."))
    return set_language(request)


@login_required
@reauthentication_required
def account_delete(request: AuthenticatedHttpRequest) -> HttpResponse:
    # Re-authentication (password or second factor, within the last few minutes)
    # stands in for asking the password again on this form.
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.account_delete(user=request.user)
        logout(request)
        messages.info(request, _("Your account and everything in it have been deleted."))
        return redirect("account_login")
    return render(request, "accounts/account_delete.html", {"form": form})


@login_required
@require_POST
def time_zone_answer(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The one-tap answer to "your phone is in another time zone": switch, or keep."""
    zone = time_zone_offer(request)
    request.session.pop(OFFER_SESSION_KEY, None)
    if zone and request.POST.get("choice") == "switch":
        services.preferences_time_zone_set(user=request.user, time_zone=zone)
        messages.success(
            request,
            _("Times are now shown in %(zone)s.") % {"zone": zone.replace("_", " ")},
        )
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        return redirect(back)
    return redirect("insights:dashboard")
