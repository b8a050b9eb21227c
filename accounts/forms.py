from typing import cast

from allauth.account import forms as allauth_forms
from allauth.account.models import EmailAddress
from django import forms
from django.conf import settings
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from accounts.countries import country_choices, country_for_time_zone, country_names
from accounts.models import Preferences


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = Preferences
        fields = [
            "time_zone",
            "episode_threshold",
            "discreet_mode",
            "default_period",
            "country",
            "language",
            "checkins_enabled",
            "checkin_cadence_days",
        ]
        help_texts = {
            "checkins_enabled": _(
                "Short questionnaires about mood and worry (PHQ-9 and GAD-7) that add "
                "context to your entries."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Say which country "follow my time zone" means now, rather than a bare dash.
        zone_country = country_names().get(country_for_time_zone(self.instance.time_zone))
        automatic = (
            _("Follow my time zone (%(country)s)") % {"country": zone_country}
            if zone_country
            else _("Follow my time zone")
        )
        country = cast(forms.ChoiceField, self.fields["country"])
        country.choices = [("", automatic), *country_choices()]
        language = cast(forms.ChoiceField, self.fields["language"])
        language.choices = [("", _("Same as my browser")), *settings.LANGUAGES]
        # A settings page opened before this setting existed does not send it: keep the
        # current period then, instead of refusing the whole form.
        self.fields["default_period"].required = False

    def clean_default_period(self) -> str:
        return self.cleaned_data["default_period"] or self.instance.default_period


class AccountDeleteForm(forms.Form):
    # The view asks for re-authentication first, so this form only asks for certainty.
    confirm = forms.BooleanField(
        label=_("I understand that my journal cannot be recovered after this."),
    )


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    """A password reset goes only to an address its account verified by mail.

    An address added in someone's session is not the owner's until its link is
    followed; without this, a stranger in a borrowed session could add their own
    address and reset the password to it. For an address that is not verified the
    answer is the same as for an unknown one (allauth's enumeration prevention).
    """

    users: list[User]  # set by allauth's clean_email

    def clean_email(self) -> str:
        email = super().clean_email()
        verified_owners = set(
            EmailAddress.objects.filter(email__iexact=email, verified=True).values_list(
                "user_id", flat=True
            )
        )
        self.users = [user for user in self.users if user.pk in verified_owners]
        return email


class LoginForm(allauth_forms.LoginForm):
    """allauth's login form in the app's own words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Username or email")
        if "remember" in self.fields:
            self.fields["remember"].label = _("Keep me logged in on this device")
