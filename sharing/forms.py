from django import forms

from sharing.models import DEFAULT_DAYS, MAX_DAYS, ShareLink


class ShareLinkForm(forms.Form):
    days = forms.IntegerField(
        label="The link works for",
        min_value=1,
        max_value=MAX_DAYS,
        initial=DEFAULT_DAYS,
        help_text=f"Days, from 1 to {MAX_DAYS}. You can end it earlier at any time.",
        error_messages={
            "required": "Say how many days the link should work.",
            "invalid": f"Give a whole number of days, from 1 to {MAX_DAYS}.",
            "min_value": "A link works for at least 1 day.",
            "max_value": f"A link works for at most {MAX_DAYS} days; make a new one after that.",
        },
    )
    label = forms.CharField(
        label=ShareLink._meta.get_field("label").verbose_name.capitalize(),
        max_length=ShareLink._meta.get_field("label").max_length,
        required=False,
        help_text=ShareLink._meta.get_field("label").help_text,
    )
