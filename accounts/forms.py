from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.models import Preferences


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = Preferences
        fields = [
            "time_zone",
            "episode_threshold",
            "discreet_mode",
            "checkins_enabled",
            "checkin_cadence_days",
        ]
        help_texts = {
            "checkins_enabled": _(
                "Short questionnaires about mood and worry (PHQ-9 and GAD-7) that add "
                "context to your entries."
            ),
        }


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my journal cannot be recovered after this."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("That password is not right."), code="wrong_password")
        return password
