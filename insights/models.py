from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from entries.fields import EncryptedTextField


class Wish(models.TextChoices):
    """What a person may ask of a partner in the moments after sex."""

    CLOSENESS = "closeness", _("Closeness")
    SPACE = "space", _("Some space")
    TALKING = "talking", _("Talking")
    REASSURANCE = "reassurance", _("Reassurance")


class PartnerGuide(models.Model):
    """What the person chose to put in the guide they can give a partner
    (insights.guide): their wishes, in their words, and which sections show.

    The free text is encrypted at rest like the journal's notes. Nothing from the
    journal itself is stored here; the coping section is read from the entries each
    time, and only when `include_coping` is ticked.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_guide"
    )
    wishes = models.JSONField(_("what you would like afterwards"), default=list, blank=True)
    wish_other = EncryptedTextField(_("something else"), blank=True, default="")
    avoid = EncryptedTextField(_("what to avoid"), blank=True, default="")
    include_coping = models.BooleanField(_("show what has helped me"), default=False)
    include_wishes = models.BooleanField(_("show what I would like"), default=True)
    include_avoid = models.BooleanField(_("show what to avoid"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["user"]

    def __str__(self) -> str:
        return f"Partner guide of user {self.user_id}"
