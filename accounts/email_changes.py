"""Telling an account's verified addresses when its email addresses change.

Someone in a borrowed session who adds an address of their own could otherwise reset
the password to it unnoticed. allauth tells the old main address when the main
address changes and the main address when one is removed
(accounts.adapter.AccountAdapter.send_notification_mail widens both to every
verified address); allauth sends nothing when one is added, which this does. A
removed address that was verified hears of its removal too.
"""

from allauth.account.adapter import get_adapter
from allauth.account.signals import email_added, email_removed
from django.dispatch import receiver


@receiver(email_added, dispatch_uid="notify_email_added")
def notify_email_added(sender, request, user, email_address, **kwargs):
    get_adapter(request).send_notification_mail(
        "account/email/email_added", user, {"added_email": email_address.email}
    )


@receiver(email_removed, dispatch_uid="notify_email_removed_to_it")
def notify_removed_address(sender, request, user, email_address, **kwargs):
    # allauth's own notice goes to the addresses that remain.
    if email_address.verified:
        get_adapter(request).notify_address(
            "account/email/email_deleted",
            user,
            {"deleted_email": email_address.email},
            email=email_address.email,
        )
