import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from checkins.instruments import (
    ANSWER_CHOICES,
    ANSWER_MAX,
    BAND_KEYS,
    GAD7,
    INSTRUMENT_CHOICES,
    INSTRUMENTS,
    MAX_ITEMS,
    PHQ9,
    SAFETY_ITEM,
    Instrument,
    answer_label,
)

ITEM_FIELDS = tuple(f"item{number}" for number in range(1, MAX_ITEMS + 1))
# Items only the PHQ-9 has; a GAD-7 check-in leaves them empty.
PHQ9_ONLY_FIELDS = ITEM_FIELDS[len(INSTRUMENTS[GAD7].items) :]


def _item(number: int) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        _("question %(number)d") % {"number": number},
        choices=ANSWER_CHOICES,
        validators=[MinValueValidator(0), MaxValueValidator(ANSWER_MAX)],
        null=f"item{number}" in PHQ9_ONLY_FIELDS,
        blank=f"item{number}" in PHQ9_ONLY_FIELDS,
    )


class CheckIn(models.Model):
    """One completed PHQ-9 or GAD-7. Answers are stored per item; the total and band
    are computed by checkins.services and never taken from a form. Never edited."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins"
    )
    instrument = models.CharField(_("questionnaire"), max_length=8, choices=INSTRUMENT_CHOICES)
    taken_at = models.DateTimeField(_("taken at"))
    item1 = _item(1)
    item2 = _item(2)
    item3 = _item(3)
    item4 = _item(4)
    item5 = _item(5)
    item6 = _item(6)
    item7 = _item(7)
    item8 = _item(8)
    item9 = _item(9)
    total = models.PositiveSmallIntegerField(_("total"))
    band = models.CharField(_("band"), max_length=20)

    class Meta:
        ordering = ["-taken_at"]
        verbose_name = _("check-in")
        indexes = [models.Index(fields=["user", "-taken_at"], name="checkin_user_taken")]
        constraints = [
            models.CheckConstraint(
                condition=Q(instrument__in=[PHQ9, GAD7]), name="checkin_instrument_valid"
            ),
            models.CheckConstraint(condition=Q(band__in=BAND_KEYS), name="checkin_band_valid"),
            models.CheckConstraint(
                condition=Q(total__lte=INSTRUMENTS[PHQ9].max_total), name="checkin_total_range"
            ),
            # A PHQ-9 answers every item; a GAD-7 has none of the PHQ-9-only ones.
            models.CheckConstraint(
                condition=(
                    Q(instrument=PHQ9, **{f"{name}__isnull": False for name in PHQ9_ONLY_FIELDS})
                    | Q(instrument=GAD7, **{f"{name}__isnull": True for name in PHQ9_ONLY_FIELDS})
                ),
                name="checkin_items_match_instrument",
            ),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{name}__lte": ANSWER_MAX}), name=f"checkin_{name}_range"
                )
                for name in ITEM_FIELDS
            ],
        ]

    def __str__(self) -> str:
        return f"{self.get_instrument_display()} {self.taken_at:%Y-%m-%d %H:%M}"

    @property
    def spec(self) -> Instrument:
        return INSTRUMENTS[self.instrument]

    @property
    def answers(self) -> list[int]:
        return [getattr(self, name) for name in ITEM_FIELDS[: len(self.spec.items)]]

    @property
    def band_label(self) -> str:
        return self.spec.band_label(self.band)

    @property
    def band_range(self) -> str:
        band = self.spec.band_for(self.total)
        return f"{band.low}–{band.high}"

    @property
    def safety_answer(self) -> int | None:
        """The PHQ-9 item 9 answer (thoughts of death or self-harm); None for a GAD-7."""
        return getattr(self, f"item{SAFETY_ITEM}") if self.instrument == PHQ9 else None

    @property
    def needs_support(self) -> bool:
        return bool(self.safety_answer)

    @property
    def safety_answer_label(self) -> str:
        return answer_label(self.safety_answer)

    def questions(self) -> list[dict]:
        """Each item's wording with the answer given, for the detail page."""
        return [
            {"number": number, "text": text, "answer": answer, "label": answer_label(answer)}
            for number, (text, answer) in enumerate(
                zip(self.spec.items, self.answers, strict=True), start=1
            )
        ]
