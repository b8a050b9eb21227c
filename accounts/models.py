import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.countries import country_choices, country_for_time_zone
from accounts.timezones import time_zone_choices
from pct_journal.scales import DEFAULT_EPISODE_THRESHOLD, INTENSITY_CHOICES, INTENSITY_MAX


class CheckinCadence(models.IntegerChoices):
    WEEKLY = 7, _("Every week")
    FORTNIGHTLY = 14, _("Every two weeks")


def new_cache_secret() -> str:
    return secrets.token_hex(32)  # 256 bits, for AES-256-GCM


class Period(models.TextChoices):
    # The keys of insights.ranges.PRESETS, so the choice is also a `?range=` value.
    DAYS_30 = "30d", _("Last 30 days")
    DAYS_90 = "90d", _("Last 90 days")
    YEAR = "365d", _("Last year")
    ALL = "all", _("All time")


# The dashboard, Insights and the therapist summary open on the same period, so their
# numbers agree when read side by side. 90 days by default: most people come to the app
# about how things are now, a therapist summary is usually about recent months, and the
# dashboard and summary already opened there. All time is one tap away on every page
# (and a setting) for someone who wants more entries in each comparison.
DEFAULT_PERIOD = Period.DAYS_90


class Preferences(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="preferences",
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        choices=time_zone_choices,
        help_text=_("Every date and time in your journal is shown in this zone."),
    )
    episode_threshold = models.PositiveSmallIntegerField(
        _("count an entry as an episode from"),
        choices=INTENSITY_CHOICES[1:],
        default=DEFAULT_EPISODE_THRESHOLD,
        validators=[MinValueValidator(1), MaxValueValidator(INTENSITY_MAX)],
        help_text=_(
            "An entry counts as an episode when you cried, or when sadness, irritation, "
            "agitation or anxiety reached this level."
        ),
    )
    discreet_mode = models.BooleanField(
        _("discreet mode"),
        default=False,
        help_text=_("Browser tabs and the home-screen icon just say “Journal”."),
    )
    default_period = models.CharField(
        _("period pages open on"),
        max_length=8,
        choices=Period.choices,
        default=DEFAULT_PERIOD,
        help_text=_(
            "The home page, Insights and the therapist summary all start with this "
            "period. You can still pick another one on each page."
        ),
    )
    country = models.CharField(
        _("country for support lines"),
        max_length=2,
        blank=True,
        choices=country_choices,
        help_text=_(
            "Crisis and support lines for this country are shown first. Left empty, it "
            "follows your time zone."
        ),
    )
    # Empty: follow the browser's language (Accept-Language), as before signing in.
    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("Every page of your journal is shown in this language."),
    )
    checkins_enabled = models.BooleanField(_("wellbeing check-ins"), default=False)
    checkin_cadence_days = models.PositiveSmallIntegerField(
        _("how often"), choices=CheckinCadence.choices, default=CheckinCadence.FORTNIGHTLY
    )
    # Bumped on every change to the user's journal; cached charts and reports are keyed
    # on it, so a change makes them stale without hunting for cache keys.
    data_version = models.PositiveIntegerField(default=0, editable=False)
    # The key of this person's cached charts, reports and frames (pct_journal.chart_cache
    # encrypts them with it). Deleting the account deletes the key, which leaves
    # whatever the shared cache still holds unreadable: nothing derived outlives it.
    cache_secret = models.CharField(max_length=64, default=new_cache_secret, editable=False)

    class Meta:
        verbose_name_plural = "preferences"

    def __str__(self) -> str:
        return f"Preferences of user {self.user_id}"

    @property
    def support_country(self) -> str:
        """The country chosen, else the time zone's (an ISO code, or "" for none)."""
        return self.country or country_for_time_zone(self.time_zone)
