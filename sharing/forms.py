from django import forms
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from sharing.models import DEFAULT_DAYS, MAX_DAYS, ShareLink


def _days_text(message: str) -> str:
    """`message` in the reader's language, with the longest a link can last."""
    return gettext(message) % {"max": MAX_DAYS}


# Translated when the form is shown, not once when the module loads.
_with_days = lazy(_days_text, str)


class ShareLinkForm(forms.Form):
    days = forms.IntegerField(
        label=gettext_lazy("The link works for"),
        min_value=1,
        max_value=MAX_DAYS,
        initial=DEFAULT_DAYS,
        help_text=_with_days(
            gettext_noop("Days, from 1 to %(max)s. You can end it earlier at any time.")
        ),
        error_messages={
            "required": gettext_lazy("Say how many days the link should work."),
            "invalid": _with_days(gettext_noop("Give a whole number of days, from 1 to %(max)s.")),
            "min_value": gettext_lazy("A link works for at least 1 day."),
            "max_value": _with_days(
                gettext_noop("A link works for at most %(max)s days; make a new one after that.")
            ),
        },
    )
    label = forms.CharField(
        label=capfirst(ShareLink._meta.get_field("label").verbose_name),
        max_length=ShareLink._meta.get_field("label").max_length,
        required=False,
        help_text=ShareLink._meta.get_field("label").help_text,
    )
