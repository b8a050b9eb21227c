from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.browsers import browser_label


class EventKind(models.TextChoices):
    LOGIN = "login", _("Logged in")
    LOGIN_FAILED = "login_failed", _("Someone tried to log in with a wrong password")
    LOGOUT = "logout", _("Logged out")
    SESSION_EXPIRED = "session_expired", _("Logged out automatically")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    PASSWORD_RESET = "password_reset", _("Password reset by email")
    EMAIL_ADDED = "email_added", _("Email address added")
    EMAIL_VERIFIED = "email_verified", _("Email address verified")
    EMAIL_REMOVED = "email_removed", _("Email address removed")
    EMAIL_PRIMARY_CHANGED = "email_primary_changed", _("Main email address changed")
    MFA_ENABLED = "mfa_enabled", _("Two-factor authentication turned on")
    MFA_DISABLED = "mfa_disabled", _("Two-factor authentication turned off")
    RECOVERY_CODES_RENEWED = "recovery_codes_renewed", _("New recovery codes made")
    MFA_FAILED = "mfa_failed", _("A wrong two-factor code was entered")
    PASSKEY_ADDED = "passkey_added", _("Passkey added")
    PASSKEY_REMOVED = "passkey_removed", _("Passkey removed")
    PASSKEY_USED = "passkey_used", _("Passkey used")
    EXPORT_DOWNLOADED = "export_downloaded", _("Export downloaded")
    BACKUP_DOWNLOADED = "backup_downloaded", _("Full backup downloaded")
    IMPORT_COMPLETED = "import_completed", _("Entries imported")
    SHARE_LINK_CREATED = "share_link_created", _("Share link created")
    SHARE_LINK_VIEWED = "share_link_viewed", _("Share link opened")
    SHARE_LINK_REVOKED = "share_link_revoked", _("Share link revoked")
    ACCOUNT_DELETED = "account_deleted", _("An account was deleted")


class SecurityEvent(models.Model):
    """Something security-relevant that happened to an account.

    Holds who, what, when and from where; never journal content and never a password
    (audit.services.audit_record only accepts a fixed set of small metadata keys).
    Rows belong to the user and are deleted with the account; the one row that
    outlives an account is an anonymous "an account was deleted" with no user.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="security_events",
    )
    kind = models.CharField(_("event"), max_length=32, choices=EventKind.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=200, blank=True, default="")
    meta = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["user", "-at"], name="security_event_user_at")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.at:%Y-%m-%d %H:%M}"

    @property
    def browser(self) -> str:
        return browser_label(self.user_agent)
