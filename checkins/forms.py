from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from checkins.instruments import ANSWER_CHOICES, PHQ9, SAFETY_ITEM, Instrument
from entries.forms import SegmentedRadioSelect

# What each questionnaire is about (Instrument.title, and lower-case mid-sentence), for
# {% translate instrument.title %}: checkins.instruments imports no Django. These are the
# app's words; the questions and answers themselves stay in their validated English.
INSTRUMENT_TITLES = (
    gettext_noop("Mood"),
    gettext_noop("mood"),
    gettext_noop("Worry and anxiety"),
    gettext_noop("worry and anxiety"),
)

ITEM_TEMPLATE = "checkins/_item.html"


class CheckInForm(forms.Form):
    """One required field per item, item1..itemN, each answered 0-3 on four buttons.

    Only the answers come from the person; the total and band are computed by
    checkins.services, so nothing else posted is read.
    """

    def __init__(self, *args, instrument: Instrument, **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        for number, text in enumerate(instrument.items, start=1):
            field = forms.TypedChoiceField(
                label=text,
                choices=ANSWER_CHOICES,
                coerce=int,
                widget=SegmentedRadioSelect,
                error_messages={
                    "required": _("Please choose an answer for this question."),
                    "invalid_choice": _("Please choose one of the four answers."),
                },
            )
            field.template_name = ITEM_TEMPLATE  # type: ignore[attr-defined]  # Django 5.0+
            field.number = number  # type: ignore[attr-defined]  # read by ITEM_TEMPLATE
            self.fields[f"item{number}"] = field

    def answers(self) -> list[int]:
        return [self.cleaned_data[f"item{number}"] for number in self.numbers()]

    def numbers(self) -> range:
        return range(1, len(self.instrument.items) + 1)

    def unanswered(self) -> list[int]:
        """Item numbers with an error, for the summary above the form."""
        return [number for number in self.numbers() if f"item{number}" in self.errors]

    def safety_answer_given(self) -> bool:
        """Whether PHQ-9 question 9 was answered above "Not at all", whatever else is
        missing: that answer is met with help at once, before the form is complete."""
        if not self.is_bound or self.instrument.key != PHQ9:
            return False
        self.is_valid()  # cleans the form if that has not happened yet
        return (self.cleaned_data.get(f"item{SAFETY_ITEM}") or 0) > 0
