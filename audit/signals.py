"""Security events from Django's and allauth's signals, recorded in the audit log."""

import logging

from allauth.account import signals as account_signals
from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa import signals as mfa_signals
from allauth.mfa.models import Authenticator
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from accounts.login_names import user_for_login
from audit.models import EventKind
from audit.services import audit_record

logger = logging.getLogger("pct_journal.security")
SECOND_FACTORS = {Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN}


def _login_method(request, user) -> str:
    methods = {record.get("method") for record in get_authentication_records(request, user)}
    if "mfa" in methods:
        return "password and two-factor"
    return "password" if "password" in methods else ""


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
    if authenticator.type in SECOND_FACTORS:
        kind = EventKind.MFA_ENABLED
    else:
        kind = EventKind.RECOVERY_CODES_RENEWED
    audit_record(user=user, kind=kind, request=request, authenticator=authenticator.type)


@receiver(mfa_signals.authenticator_removed, dispatch_uid="audit_mfa_removed")
def record_authenticator_removed(sender, request, user, authenticator, **kwargs):
    # Recovery codes go away together with the last second factor; one event says it.
    if authenticator.type in SECOND_FACTORS:
        audit_record(
            user=user,
            kind=EventKind.MFA_DISABLED,
            request=request,
            authenticator=authenticator.type,
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
