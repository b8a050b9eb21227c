import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_DAYS = 14
MAX_DAYS = 90


class ShareLink(models.Model):
    """A read-only link to one summary of the owner's journal, for a therapist.

    The token is shown once, when the link is made; only its SHA-256 is kept
    (sharing.tokens). The summary's options are frozen at creation (`options`, see
    insights.summary.options.options_frozen): the link shows that period and those
    choices, never more, with the journal's numbers as they are when it is opened.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="share_links"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    label = models.CharField(
        _("who it is for"),
        max_length=80,
        blank=True,
        help_text=_("Only you see this, to tell your links apart, e.g. “Dr Rivera”."),
    )
    options = models.JSONField(editable=False)
    created_at = models.DateTimeField(_("created"), editable=False)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("ended"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "-created_at"], name="share_link_user_created")]

    def __str__(self) -> str:
        return f"Share link {self.pk} of user {self.user_id}"

    def is_open_at(self, moment) -> bool:
        return self.revoked_at is None and moment < self.expires_at

    def status_at(self, moment) -> str:
        """ "active", "expired" or "revoked"."""
        if self.revoked_at is not None:
            return "revoked"
        return "active" if moment < self.expires_at else "expired"


class ShareLinkView(models.Model):
    """One opening of a share link: the time only. No address or browser is kept."""

    link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="views")
    viewed_at = models.DateTimeField(_("opened"))

    class Meta:
        ordering = ["-viewed_at"]
        indexes = [models.Index(fields=["link", "-viewed_at"], name="share_view_link_at")]

    def __str__(self) -> str:
        return f"View of {self.link_id} at {self.viewed_at:%Y-%m-%d %H:%M}"
