import uuid
from collections.abc import Mapping

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from entries.fields import BlindIndexField, EncryptedCharField, EncryptedTextField
from pct_journal.scales import (
    EXTENT_CHOICES,
    INTENSITY_CHOICES,
    INTENSITY_MAX,
    PAIN_CHOICES,
    PAIN_MAX,
    Activity,
    Coping,
    Orgasm,
    intensity_label,
)

EMOTION_FIELDS = ("sadness", "irritation", "agitation", "anxiety_after")
CONTEXT_FIELDS = (
    "stress",
    "low_mood",
    "performance_anxiety",
    "felt_vulnerable",
    "relationship_tension",
)
CONTEXT_FLAGS = ("memories_surfaced", "alcohol_or_drugs")
# Every "what was going on" answer; each is empty (None, "not recorded") until the
# person answers it, and an empty one is left out of that factor's comparison.
RECORDABLE_FACTORS = (*CONTEXT_FIELDS, "pain", *CONTEXT_FLAGS)
NOTES_MAX_LENGTH = 5000


class NamedModel(models.Model):
    """A partner or factor: its name is encrypted at rest and found by a blind index.

    The database holds only ciphertext and an HMAC of the name (pct_journal.blind_index),
    so it can keep names unique per user, whatever the case, but cannot sort them:
    every list of names is put in order after decryption (entries.names)."""

    name_field: str

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return getattr(self, self.name_field)

    def save(self, *args, update_fields=None, **kwargs):
        # A save of the name alone must refresh its index too.
        if update_fields is not None and self.name_field in update_fields:
            update_fields = {*update_fields, f"{self.name_field}_index"}
        super().save(*args, update_fields=update_fields, **kwargs)


class Partner(NamedModel):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partners"
    )
    nickname = EncryptedCharField(
        _("nickname"),
        max_length=60,
        help_text=_("A first name, initial or nickname: whatever you will recognise."),
    )
    nickname_index = BlindIndexField(source="nickname")
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive partners are not offered when logging.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    name_field = "nickname"

    class Meta:
        ordering = ["-active", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "nickname_index"], name="partner_nickname_unique_per_user"
            )
        ]


class Tag(NamedModel):
    """A factor of the user's own, such as "after an argument" or "new medication"."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tags"
    )
    name = EncryptedCharField(_("name"), max_length=40)
    name_index = BlindIndexField(source="name")
    created_at = models.DateTimeField(auto_now_add=True)

    name_field = "name"

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name_index"], name="tag_name_unique_per_user")
        ]


def _scale(verbose_name, choices=INTENSITY_CHOICES, maximum=INTENSITY_MAX, **kwargs):
    return models.PositiveSmallIntegerField(
        verbose_name,
        choices=choices,
        validators=[MinValueValidator(0), MaxValueValidator(maximum)],
        **kwargs,
    )


def episode_condition(threshold: int) -> Q:
    """An entry is an episode when the person cried or any emotion reached the threshold."""
    condition = Q(cried=True)
    for field in EMOTION_FIELDS:
        condition |= Q(**{f"{field}__gte": threshold})
    return condition


def peak_of(values: Mapping[str, int]) -> int:
    """The strongest emotion of an entry's values (a row of .values(), or its fields)."""
    return max(values[field] for field in EMOTION_FIELDS)


def is_episode_of(values: Mapping, threshold: int) -> bool:
    """episode_condition for one entry's values, in Python."""
    return bool(values["cried"]) or peak_of(values) >= threshold


class EntryQuerySet(models.QuerySet):
    def episodes(self, threshold: int) -> "EntryQuerySet":
        return self.filter(episode_condition(threshold))

    def with_episode_flag(self, threshold: int) -> "EntryQuerySet":
        return self.annotate(
            episode=models.ExpressionWrapper(
                episode_condition(threshold), output_field=models.BooleanField()
            )
        )


class Entry(models.Model):
    """One sexual experience, whether or not difficult feelings followed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="entries"
    )
    occurred_at = models.DateTimeField(_("when"))

    # The experience. Optional answers stay empty rather than defaulting to a number,
    # so a quick log never records a feeling the person did not report.
    activity = models.CharField(
        _("activity"), max_length=12, choices=Activity.choices, default=Activity.PARTNERED
    )
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="entries",
    )
    orgasm = models.CharField(
        _("orgasm"), max_length=8, choices=Orgasm.choices, blank=True, default=""
    )
    satisfaction = _scale(_("satisfaction"), EXTENT_CHOICES, null=True, blank=True)
    connection_after = _scale(
        _("felt connected afterwards"),
        EXTENT_CHOICES,
        null=True,
        blank=True,
        help_text=_("Emotionally or physically close to your partner, or to yourself."),
    )

    # The aftermath.
    sadness = _scale(_("sadness"), default=0)
    irritation = _scale(_("irritation"), default=0)
    agitation = _scale(_("agitation or restlessness"), default=0)
    anxiety_after = _scale(_("anxiety"), default=0)
    cried = models.BooleanField(_("I cried"), default=False)
    episode_minutes = models.PositiveIntegerField(
        _("how long it lasted (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 60)],
    )

    # What was going on. Empty unless answered: a quick calm log that never opened this
    # section says nothing about stress or pain, and counting it as "none" would make the
    # entries logged after a hard time look different merely for being filled in.
    # Rows saved before this rule keep the zeros and "no"s they were saved with.
    stress = _scale(_("stress"), null=True, blank=True)
    low_mood = _scale(_("low mood"), null=True, blank=True)
    performance_anxiety = _scale(
        _("worry about performance"),
        null=True,
        blank=True,
        help_text=_("Worry about how you or your body would do."),
    )
    felt_vulnerable = _scale(_("feeling exposed or vulnerable"), null=True, blank=True)
    relationship_tension = _scale(_("tension with your partner"), null=True, blank=True)
    pain = _scale(
        _("pain"),
        PAIN_CHOICES,
        PAIN_MAX,
        null=True,
        blank=True,
        help_text=_("0 is no pain, 10 the worst pain you can imagine."),
    )
    memories_surfaced = models.BooleanField(
        _("difficult memories came up"), null=True, blank=True, default=None
    )
    alcohol_or_drugs = models.BooleanField(
        _("alcohol or drugs were involved"), null=True, blank=True, default=None
    )
    tags = models.ManyToManyField(
        Tag, verbose_name=_("your factors"), blank=True, related_name="entries"
    )

    # Coping.
    coping = models.JSONField(_("what you did afterwards"), default=list, blank=True)
    coping_helped = _scale(_("how much it helped"), EXTENT_CHOICES, null=True, blank=True)

    notes = EncryptedTextField(_("notes"), blank=True, default="")

    # Made by the phone (crypto.randomUUID()) when the entry was first written, so the
    # same entry sent twice (a double tap, a queue sent again after a lost answer) is
    # stored once. Unique per person, not across people: somebody else's UUID only ever
    # meets their own entries (entries/views/sync.py).
    client_uuid = models.UUIDField(null=True, blank=True, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        # created_at breaks ties between entries logged for the same minute.
        ordering = ["-occurred_at", "-created_at"]
        verbose_name_plural = "entries"
        indexes = [models.Index(fields=["user", "-occurred_at"], name="entry_user_occurred")]
        # A NULL answer passes these checks (SQL treats an unknown comparison as true in
        # a CHECK, and Django's validation does the same), so only numbers are bounded.
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{field}__lte": INTENSITY_MAX}), name=f"entry_{field}_range"
            )
            for field in EMOTION_FIELDS + CONTEXT_FIELDS
        ] + [
            models.CheckConstraint(condition=Q(pain__lte=PAIN_MAX), name="entry_pain_range"),
            models.CheckConstraint(
                condition=Q(activity__in=Activity.values), name="entry_activity_valid"
            ),
            models.UniqueConstraint(
                fields=["user", "client_uuid"], name="entry_client_uuid_unique_per_user"
            ),
        ]

    def __str__(self) -> str:
        return f"Entry {self.occurred_at:%Y-%m-%d %H:%M}"

    def _values(self, names: tuple[str, ...]) -> dict:
        # getattr rather than __dict__: a deferred field is loaded instead of missing.
        return {name: getattr(self, name) for name in names}

    @property
    def peak_intensity(self) -> int:
        return peak_of(self._values(EMOTION_FIELDS))

    @property
    def peak_label(self) -> str:
        return intensity_label(self.peak_intensity)

    @property
    def is_episode(self) -> bool:
        """Uses the flag annotated by with_episode_flag() when the list query added it."""
        if hasattr(self, "episode"):
            return bool(self.episode)
        return self.is_episode_at(self.user.preferences.episode_threshold)

    def is_episode_at(self, threshold: int) -> bool:
        return is_episode_of(self._values((*EMOTION_FIELDS, "cried")), threshold)

    def coping_labels(self) -> list[str]:
        labels = dict(Coping.choices)
        return [str(labels[key]) for key in self.coping if key in labels]


class DeletedEntry(models.Model):
    """An entry deleted a moment ago, kept only so that the deletion can be undone.

    The entry's row is really gone (so it is in no list, chart, insight or export); its
    values wait here, encrypted, for UNDO_WINDOW and are then purged
    (services.deleted_entries_purge). Deleting the account deletes these too.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deleted_entries"
    )
    # Every value of the entry, its factors and its partner, as JSON (entries.undo).
    record = EncryptedTextField()
    deleted_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-deleted_at"]

    def __str__(self) -> str:
        return f"Deleted entry ({self.deleted_at:%Y-%m-%d %H:%M})"
