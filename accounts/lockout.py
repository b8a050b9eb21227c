"""The login lockout ends early when the owner proves who they are by email.

The lockout (allauth's "login_failed" rate limit) counts wrong passwords per account
(pct_journal/login_names.py). allauth clears it after a password reset only under its
own key for the email address; this clears the account's count, so someone who keeps
guessing could never keep the owner locked out past a reset. (A browser the owner
logged in from before is not locked out by other people's guesses at all:
accounts/known_devices.py.)
"""

from allauth.account.adapter import get_adapter
from allauth.account.signals import password_reset
from allauth.core import ratelimit
from django.dispatch import receiver

from pct_journal.login_names import lockout_key


def _lift(request, adapter, **credentials) -> None:
    # Both the count shared by unknown browsers and this browser's own, if it has one.
    login = credentials.get("email", credentials.get("username", ""))
    keys = {lockout_key(login), adapter._get_login_attempts_cache_key(request, **credentials)}
    for key in keys:
        ratelimit.clear(request, action="login_failed", key=key)


@receiver(password_reset, dispatch_uid="lift_lockout_after_password_reset")
def lift_lockout_after_password_reset(sender, request, user, **kwargs):
    # Private allauth helpers (pinned version; tests/accounts/test_security_login.py covers them).
    adapter = get_adapter(request)
    # One count per account: the username reaches it, whatever address was reset.
    _lift(request, adapter, username=user.get_username())
