import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from entries.fields import EncryptedCharField
from pct_journal.scales import INTENSITY_MAX

DEFAULT_DAYS = 14
MAX_DAYS = 90


class ShareLink(models.Model):
    """A read-only link to one summary of the owner's journal, for a therapist.

    The token is shown once, when the link is made; only its SHA-256 is kept
    (sharing.tokens). What a therapist sees is frozen at creation:

    - the options (`options`, see insights.summary.options.options_frozen): that
      period as concrete dates and those choices, never more; the notes as the exact
      entries whose notes were shared;
    - the journal as of `created_at` (insights.summary.snapshot): entries and factors
      added afterwards stay out, even when dated inside the period, as do check-ins
      taken afterwards;
    - the episode threshold of that moment (`threshold`), so changing it in Settings
      does not change the link's counts.

    Edits made later to the entries that were there do show, and deleted entries are
    gone from the link. That is a choice: the journal keeps no earlier versions of an
    entry (keeping them would mean a second copy of every note), and what a person
    corrects or deletes should not live on in front of someone else.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="share_links"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # Encrypted: a label is often a therapist's name, which says what the link is for.
    label = EncryptedCharField(
        _("who it is for"),
        max_length=80,
        blank=True,
        help_text=_("Only you see this, to tell your links apart, e.g. “Dr Rivera”."),
    )
    options = models.JSONField(editable=False)
    threshold = models.PositiveSmallIntegerField(
        _("episode threshold"),
        editable=False,
        validators=[MinValueValidator(1), MaxValueValidator(INTENSITY_MAX)],
        help_text=_("The owner's episode threshold when the link was made; the link keeps it."),
    )
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
