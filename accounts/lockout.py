"""The login lockout ends early when the owner proves who they are by email.

allauth's lockout (the "login_failed" rate limit) is keyed by what was typed into the
login field. allauth clears it for the account's email addresses after a password
reset, but not for the username, which is how most people log in here. Without this,
someone who keeps guessing at a username could keep its owner locked out; with it, a
password reset always lets the owner back in.
"""

from allauth.account.adapter import get_adapter
from allauth.account.signals import password_reset
from django.dispatch import receiver


@receiver(password_reset, dispatch_uid="lift_lockout_after_password_reset")
def lift_lockout_after_password_reset(sender, request, user, **kwargs):
    adapter = get_adapter(request)
    # A private allauth helper (pinned version; tests/test_security_login.py covers it).
    adapter._delete_login_attempts_cached_email(request, username=user.get_username())
    if user.email:
        adapter._delete_login_attempts_cached_email(request, email=user.email)
