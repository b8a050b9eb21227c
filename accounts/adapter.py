from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.known_devices import known_device_for_login, remember_device


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # DJANGO_ALLOW_SIGNUP=False closes sign-up on a single-person install.
        return settings.ALLOW_SIGNUP

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        # The lockout's key (allauth's, a private hook of the pinned version; covered by
        # tests/test_security_login.py). A browser this account logged in from before
        # counts its wrong passwords on its own (accounts/known_devices.py).
        key = super()._get_login_attempts_cache_key(request, **credentials)
        login = credentials.get("email", credentials.get("username", ""))
        device = known_device_for_login(request, login)
        return f"{key}:device={device}" if device else key

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        remember_device(request, response, user)
        return response

    def get_reauthentication_methods(self, user) -> list[dict]:
        # allauth calls a passkey a "security key"; this app calls it a passkey.
        methods = super().get_reauthentication_methods(user)
        for method in methods:
            if method["id"] == "mfa_reauthenticate:webauthn":
                method["description"] = _("Use a passkey")
        return methods
