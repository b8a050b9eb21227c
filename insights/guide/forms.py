from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from insights.models import PartnerGuide, Wish

WISH_OTHER_MAX = 200
AVOID_MAX = 500


def _with_limit(message: str, limit: int) -> str:
    return gettext(message) % {"max": limit}


# Translated when the form is shown, in the reader's language, not once at import.
_with_limit_lazy = lazy(_with_limit, str)


class PartnerGuideForm(forms.ModelForm):
    """The person's choices for the guide. Free text is kept short on purpose: the guide
    is read in a minute, and a long text belongs in a conversation."""

    wishes = forms.MultipleChoiceField(
        label=_("What would you like from a partner afterwards?"),
        choices=Wish.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    wish_other = forms.CharField(
        label=_("Something else"),
        help_text=_with_limit_lazy(
            gettext_noop("In your own words, up to %(max)s characters."), WISH_OTHER_MAX
        ),
        max_length=WISH_OTHER_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    avoid = forms.CharField(
        label=_("What would you rather a partner avoided?"),
        help_text=_with_limit_lazy(
            gettext_noop(
                "For example “asking what is wrong straight away”. Up to %(max)s characters."
            ),
            AVOID_MAX,
        ),
        max_length=AVOID_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = PartnerGuide
        fields = [
            "wishes",
            "wish_other",
            "avoid",
            "include_coping",
            "include_wishes",
            "include_avoid",
        ]
        labels = {
            "include_coping": _("Show what has helped me, from my entries"),
            "include_wishes": _("Show what I would like afterwards"),
            "include_avoid": _("Show what I would rather a partner avoided"),
        }

    def _clean_text(self, name: str) -> str:
        text = self.cleaned_data[name].strip()
        # Text shows as written; control characters would only garble the PDF.
        if any(ord(char) < 32 and char not in "\n\t" for char in text):
            raise ValidationError(
                _("Remove the special characters from this text."), code="control"
            )
        return text

    def clean_wish_other(self) -> str:
        return self._clean_text("wish_other")

    def clean_avoid(self) -> str:
        return self._clean_text("avoid")
