from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import PermissionDenied

from accounts.known_devices import known_device_for_login, remember_device
from accounts.login_names import lockout_key
from pct_journal.client_address import client_address


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # DJANGO_ALLOW_SIGNUP=False closes sign-up on a single-person install.
        return settings.ALLOW_SIGNUP

    def get_client_ip(self, request) -> str:
        # Rate limits, sessions and the security log all ask here: X-Forwarded-For only
        # from a trusted proxy (pct_journal/client_address.py).
        address = client_address(request)
        if address is None:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        # The lockout's key (a private allauth hook of the pinned version; covered by
        # tests/test_security_login.py and tests/security/test_lockout_per_account.py).
        # Per account, not per name typed (accounts/login_names.py); a browser this
        # account logged in from before counts its own wrong passwords
        # (accounts/known_devices.py).
        login = credentials.get("email", credentials.get("username", ""))
        key = lockout_key(login)
        device = known_device_for_login(request, login)
        return f"{key}:device={device}" if device else key

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        remember_device(request, response, user)
        return response
