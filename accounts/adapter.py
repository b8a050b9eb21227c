from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from accounts.known_devices import known_device_for_login, remember_device
from pct_journal.client_address import client_address
from pct_journal.login_names import lockout_key


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # DJANGO_ALLOW_SIGNUP=False closes sign-up on a single-person install.
        return settings.ALLOW_SIGNUP

    def send_notification_mail(self, template_prefix, user, context=None, email=None) -> None:
        """allauth's notices of account changes (password, addresses, two-factor) go to
        every verified address of the account, not only to the main one, which might be
        the very address a stranger just made main. `email`, when given, is the one
        address allauth meant (the old main address, a removed address); it hears too.
        """
        recipients = list(
            EmailAddress.objects.filter(user=user, verified=True)
            .order_by("pk")
            .values_list("email", flat=True)
        )
        if email and email.lower() not in {address.lower() for address in recipients}:
            recipients.append(email)
        for recipient in recipients:
            super().send_notification_mail(template_prefix, user, context, email=recipient)

    def notify_address(self, template_prefix, user, context, *, email: str) -> None:
        """One notice to one address only (accounts/email_changes.py)."""
        super().send_notification_mail(template_prefix, user, context, email=email)

    def get_client_ip(self, request) -> str:
        # Rate limits, sessions and the security log all ask here: X-Forwarded-For only
        # from a trusted proxy (pct_journal/client_address.py).
        address = client_address(request)
        if address is None:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        # The lockout's key (a private allauth hook of the pinned version; covered by
        # tests/accounts/test_security_login.py and tests/security/test_lockout_per_account.py).
        # Per account, not per name typed (pct_journal/login_names.py); a browser this
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

    def get_reauthentication_methods(self, user) -> list[dict]:
        # allauth calls a passkey a "security key"; this app calls it a passkey.
        methods = super().get_reauthentication_methods(user)
        for method in methods:
            if method["id"] == "mfa_reauthenticate:webauthn":
                method["description"] = _("Use a passkey")
        return methods
