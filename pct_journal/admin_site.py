"""The Django admin, only reachable with a login that used two-factor authentication.

Installed by pct_journal.apps.MFAAdminConfig in place of django.contrib.admin; mounted at /admin/
only when DJANGO_ADMIN_ENABLED is set. Logging in happens through allauth (password,
then the second factor); the admin's own password form is never shown.
"""

from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import admin, messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _


def session_used_mfa(request: HttpRequest) -> bool:
    """Whether this login (or a re-authentication in it) passed a second factor."""
    records = get_authentication_records(request, request.user)
    return is_mfa_enabled(request.user) and any(r.get("method") == "mfa" for r in records)


class MFAAdminSite(admin.AdminSite):
    site_header = "PCT Journal administration"
    site_title = "PCT Journal admin"

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and session_used_mfa(request)

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            next_url = ""
        next_url = next_url or reverse("admin:index", current_app=self.name)
        user = request.user
        if not user.is_authenticated:
            return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
        if not (user.is_active and user.is_staff):
            raise PermissionDenied
        if not is_mfa_enabled(user):
            messages.warning(
                request, _("The admin needs two-factor authentication. Turn it on first.")
            )
            return redirect("mfa_index")
        if not session_used_mfa(request):
            return redirect(f"{reverse('mfa_reauthenticate')}?{urlencode({'next': next_url})}")
        return redirect(next_url)
