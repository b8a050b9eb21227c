"""The answer scales of the journal, with the words people see for each step."""

from django.db import models
from django.utils.translation import gettext_lazy as _

INTENSITY_MAX = 4
PAIN_MAX = 10
# An entry is an episode when an emotion reaches this step unless the user chose another.
DEFAULT_EPISODE_THRESHOLD = 2

INTENSITY_CHOICES = [
    (0, _("None")),
    (1, _("Mild")),
    (2, _("Moderate")),
    (3, _("Strong")),
    (4, _("Severe")),
]

# Satisfaction, connection and "did it help" are about how much, not how bad.
EXTENT_CHOICES = [
    (0, _("Not at all")),
    (1, _("A little")),
    (2, _("Somewhat")),
    (3, _("Quite a lot")),
    (4, _("Very much")),
]

# The clinical 0-10 numeric rating scale; the field's help text names the two ends.
PAIN_CHOICES = [(n, str(n)) for n in range(PAIN_MAX + 1)]


class Activity(models.TextChoices):
    PARTNERED = "partnered", _("With a partner")
    SOLO = "solo", _("Solo")


class Orgasm(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNSURE = "unsure", _("Not sure")


class Coping(models.TextChoices):
    TALKED = "talked", _("Talked with my partner")
    CLOSENESS = "closeness", _("Physical closeness")
    TIME_ALONE = "time_alone", _("Time alone")
    BREATHING = "breathing", _("Breathing or mindfulness")
    JOURNALING = "journaling", _("Journaling")
    OTHER = "other", _("Something else")


def intensity_label(value: int | None) -> str:
    if value is None:
        return ""
    return str(dict(INTENSITY_CHOICES).get(value, ""))
