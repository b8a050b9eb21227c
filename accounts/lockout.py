"""The login lockout ends early when the owner proves who they are by email.

allauth's lockout (the "login_failed" rate limit) is keyed by what was typed into the
login field. allauth clears it for the account's email addresses after a password
reset, but not for the username, which is how most people log in here. Without this,
someone who keeps guessing at a username could keep its owner locked out; with it, a
password reset always lets the owner back in. (A browser the owner logged in from
before is not locked out by other people's guesses at all: accounts/known_devices.py.)
"""

from allauth.account.adapter import DefaultAccountAdapter, get_adapter
from allauth.account.signals import password_reset
from allauth.core import ratelimit
from django.dispatch import receiver


def _lift(request, adapter, **credentials) -> None:
    # Both the count shared by unknown browsers and this browser's own, if it has one.
    keys = {
        DefaultAccountAdapter._get_login_attempts_cache_key(adapter, request, **credentials),
        adapter._get_login_attempts_cache_key(request, **credentials),
    }
    for key in keys:
        ratelimit.clear(request, action="login_failed", key=key)


@receiver(password_reset, dispatch_uid="lift_lockout_after_password_reset")
def lift_lockout_after_password_reset(sender, request, user, **kwargs):
    # Private allauth helpers (pinned version; tests/test_security_login.py covers them).
    adapter = get_adapter(request)
    _lift(request, adapter, username=user.get_username())
    if user.email:
        _lift(request, adapter, email=user.email)
