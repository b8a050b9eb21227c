"""Security events from Django's and allauth's signals, recorded in the audit log."""

import logging

from allauth.account import signals as account_signals
from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa import signals as mfa_signals
from allauth.mfa.models import Authenticator
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from audit.models import EventKind
from audit.services import audit_record
from pct_journal.login_names import user_for_login

logger = logging.getLogger("pct_journal.security")
PASSKEY = Authenticator.Type.WEBAUTHN
# How a passkey was used, in the words the security log shows after "Passkey used".
PASSKEY_USES = {"passwordless": "to log in", "reauthenticated": "to confirm it is you"}


def _login_method(request, user) -> str:
    records = get_authentication_records(request, user)
    methods = {record.get("method") for record in records}
    factors = {record.get("type") for record in records if record.get("method") == "mfa"}
    if "password" not in methods:
        # A passkey with user verification logs in on its own (allauth skips the
        # second step): the phone's unlock is the second factor.
        return "passkey" if PASSKEY in factors else ""
    if PASSKEY in factors:
        return "password and passkey"
    return "password and two-factor" if factors else "password"


@receiver(user_logged_in, dispatch_uid="audit_login")
def record_login(sender, request, user, **kwargs):
    method = _login_method(request, user) if request is not None else ""
    audit_record(user=user, kind=EventKind.LOGIN, request=request, method=method or None)


@receiver(user_logged_out, dispatch_uid="audit_logout")
def record_logout(sender, request, user, **kwargs):
    # After account deletion the user object has no pk left: nothing to record.
    if user is not None and user.pk is not None:
        audit_record(user=user, kind=EventKind.LOGOUT, request=request)


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def record_login_failed(sender, credentials, request=None, **kwargs):
    login = credentials.get("username") or credentials.get("email") or ""
    user = user_for_login(str(login))
    if user is None:
        # Nothing to show anyone, and the attempted name may be a mistyped password.
        logger.info("failed login for an unknown account")
        return
    audit_record(user=user, kind=EventKind.LOGIN_FAILED, request=request)


@receiver(account_signals.password_changed, dispatch_uid="audit_password_changed")
def record_password_changed(sender, request, user, **kwargs):
    audit_record(user=user, kind=EventKind.PASSWORD_CHANGED, request=request)


@receiver(account_signals.password_reset, dispatch_uid="audit_password_reset")
def record_password_reset(sender, request, user, **kwargs):
    audit_record(user=user, kind=EventKind.PASSWORD_RESET, request=request)


# Email address changes. The address itself is not recorded: the notice mailed to the
# account's verified addresses names it (accounts/email_changes.py).
@receiver(account_signals.email_added, dispatch_uid="audit_email_added")
def record_email_added(sender, request, user, **kwargs):
    audit_record(user=user, kind=EventKind.EMAIL_ADDED, request=request)


@receiver(account_signals.email_confirmed, dispatch_uid="audit_email_verified")
def record_email_verified(sender, request, email_address, **kwargs):
    audit_record(user=email_address.user, kind=EventKind.EMAIL_VERIFIED, request=request)


@receiver(account_signals.email_removed, dispatch_uid="audit_email_removed")
def record_email_removed(sender, request, user, **kwargs):
    audit_record(user=user, kind=EventKind.EMAIL_REMOVED, request=request)


@receiver(account_signals.email_changed, dispatch_uid="audit_email_primary_changed")
def record_email_primary_changed(sender, request, user, **kwargs):
    audit_record(user=user, kind=EventKind.EMAIL_PRIMARY_CHANGED, request=request)


@receiver(mfa_signals.authenticator_added, dispatch_uid="audit_mfa_added")
def record_authenticator_added(sender, request, user, authenticator, **kwargs):
    if authenticator.type == PASSKEY:
        kind = EventKind.PASSKEY_ADDED
    elif authenticator.type == Authenticator.Type.TOTP:
        kind = EventKind.MFA_ENABLED
    else:
        kind = EventKind.RECOVERY_CODES_RENEWED
    audit_record(user=user, kind=kind, request=request, authenticator=authenticator.type)


@receiver(mfa_signals.authenticator_removed, dispatch_uid="audit_mfa_removed")
def record_authenticator_removed(sender, request, user, authenticator, **kwargs):
    # Recovery codes go away together with the last second factor; one event says it.
    if authenticator.type == Authenticator.Type.RECOVERY_CODES:
        return
    kind = EventKind.PASSKEY_REMOVED if authenticator.type == PASSKEY else EventKind.MFA_DISABLED
    audit_record(user=user, kind=kind, request=request, authenticator=authenticator.type)


@receiver(mfa_signals.authenticator_used, dispatch_uid="audit_passkey_used")
def record_passkey_used(sender, request, user, authenticator, **kwargs):
    # Every use of a passkey, however it was asked for: logging in without a password,
    # the second step after one, or confirming it is you before a sensitive page.
    if authenticator.type != PASSKEY:
        return
    use = next((words for flag, words in PASSKEY_USES.items() if kwargs.get(flag)), None)
    audit_record(
        user=user,
        kind=EventKind.PASSKEY_USED,
        request=request,
        authenticator=authenticator.type,
        method=use or "as the second step",
    )


@receiver(mfa_signals.authenticator_reset, dispatch_uid="audit_mfa_reset")
def record_authenticator_reset(sender, request, user, authenticator, **kwargs):
    audit_record(
        user=user,
        kind=EventKind.RECOVERY_CODES_RENEWED,
        request=request,
        authenticator=authenticator.type,
    )


@receiver(mfa_signals.authentication_failed, dispatch_uid="audit_mfa_failed")
def record_mfa_failed(sender, request, user, authenticator=None, **kwargs):
    audit_record(
        user=user,
        kind=EventKind.MFA_FAILED,
        request=request,
        authenticator=authenticator.type if authenticator else None,
    )
