from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from entries.field_groups import ChipsField, FactorScaleField, ScaleField, ToggleField
from entries.models import (
    CONTEXT_FIELDS,
    CONTEXT_FLAGS,
    EMOTION_FIELDS,
    NOTES_MAX_LENGTH,
    RECORDABLE_FACTORS,
    Entry,
    Partner,
    Tag,
)
from entries.names import ByNameChoiceIterator, PartnersInOrderChoiceIterator
from entries.services import name_taken
from pct_journal.bootstrap_fields import BootstrapField
from pct_journal.scales import Activity, Coping

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# Scales answered on a 0-4 or 0-10 row of buttons.
SEGMENTED_FIELDS = (
    *EMOTION_FIELDS,
    "satisfaction",
    "connection_after",
    *CONTEXT_FIELDS,
    "pain",
    *CONTEXT_FLAGS,
    "coping_helped",
)
# Scales that may be left unanswered: the empty choice is shown as "Skip".
OPTIONAL_SCALES = ("satisfaction", "connection_after", "coping_helped")
# The context factors' empty choice is an answer of its own, "Not recorded": it is
# chosen until the person answers, and choosing it again clears an answer (a radio
# button, so it works with the arrow keys and is read out with the others).
NOT_RECORDED = _("Not recorded")
FLAG_CHOICES = [("", NOT_RECORDED), ("False", _("No")), ("True", _("Yes"))]
# An optional scale's empty choice. One object for every form, so that the rows the
# buttons are drawn from are kept once drawn (entries.button_rows).
SKIP = _("Skip")
TOGGLE_FIELDS = ("cried",)
CHIP_FIELDS = ("tags", "coping")
DATETIME_LOCAL_FORMAT = "%Y-%m-%dT%H:%M"
# How each field is drawn (entries.field_groups); the others are text boxes.
FIELD_GROUPS = {
    **dict.fromkeys((*SEGMENTED_FIELDS, "activity", "orgasm"), ScaleField),
    **dict.fromkeys(RECORDABLE_FACTORS, FactorScaleField),
    **dict.fromkeys(TOGGLE_FIELDS, ToggleField),
    **dict.fromkeys(CHIP_FIELDS, ChipsField),
}


@dataclass(frozen=True)
class Section:
    key: str
    title: "StrOrPromise"
    fields: tuple[str, ...]
    folded: bool = True


# Always filled in, so they say nothing about whether the person opened their section.
ALWAYS_ANSWERED = ("occurred_at", "activity")


ENTRY_SECTIONS = (
    Section("feelings", _("How did you feel afterwards?"), (*EMOTION_FIELDS, "cried"), False),
    Section("when", _("When and with whom"), ("occurred_at", "activity", "partner", "new_partner")),
    Section("experience", _("The experience"), ("orgasm", "satisfaction", "connection_after")),
    Section(
        "context",
        _("What was going on"),
        (*RECORDABLE_FACTORS, "tags", "new_tag"),
    ),
    Section("coping", _("Afterwards"), ("coping", "coping_helped", "episode_minutes")),
    Section("notes", _("Notes"), ("notes",)),
)
FUTURE_TOLERANCE = timedelta(days=1)
EPISODE_MINUTES_MIN, EPISODE_MINUTES_MAX = 1, 24 * 60
EPISODE_MINUTES_MESSAGE = _("Between 1 minute and 24 hours (1440 minutes).")
# Radio buttons only send one of their own values; anything else was typed by hand.
NOT_AN_ANSWER = _("Choose one of the answers shown.")
# The earliest date an entry may have; the same as the period picker's (insights.ranges).
EARLIEST_DATE = date(1900, 1, 1)


def _choices(field: forms.ChoiceField) -> list[tuple[Any, Any]]:
    """A choice field's choices: Django keeps them as a list of pairs, which
    django-stubs types as anything that may be assigned to them."""
    return cast(list[tuple[Any, Any]], field.choices)


class SegmentedRadioSelect(forms.RadioSelect):
    """Radio inputs drawn as a row of labelled buttons (see entries.field_groups).
    No autocomplete="off": HTML allows it only on text-like inputs."""

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "btn-check", **(attrs or {})}, choices)


class YesNoField(forms.NullBooleanField):
    """Yes, no or not recorded, from the buttons of FLAG_CHOICES. Anything else was typed
    by hand and is refused (NullBooleanField itself would quietly read it as empty)."""

    def to_python(self, value):
        if value in (None, "", True, False):
            return None if value == "" else value
        if value in ("True", "False"):
            return value == "True"
        raise ValidationError(NOT_AN_ANSWER, code="invalid_choice")

    def validate(self, value):
        pass


class EntryForm(forms.ModelForm):
    new_partner = forms.CharField(
        label=_("Or add a new partner"),
        max_length=Partner._meta.get_field("nickname").max_length,
        required=False,
        help_text=_("A nickname is enough."),
    )
    new_tag = forms.CharField(
        label=_("Or add a factor of your own"),
        max_length=Tag._meta.get_field("name").max_length,
        required=False,
        help_text=_("It is added to your factors and ticked for this entry when you save."),
    )
    coping = forms.MultipleChoiceField(
        label=_("What did you do afterwards?"),
        choices=Coping.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "btn-check"}),
    )
    episode_minutes = forms.IntegerField(
        label=_("How long it lasted (minutes)"),
        required=False,
        # Bounds checked in clean_episode_minutes, which says them in words.
        widget=forms.NumberInput(
            attrs={"inputmode": "numeric", "min": EPISODE_MINUTES_MIN, "max": EPISODE_MINUTES_MAX}
        ),
        error_messages={"invalid": _("A whole number of minutes, please.")},
    )
    notes = forms.CharField(
        # Not "Notes" again: the folded section around it already says that.
        label=_("Anything you want to remember about it"),
        required=False,
        max_length=NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only you can read these. They are stored encrypted."),
    )

    class Meta:
        model = Entry
        fields = [
            *EMOTION_FIELDS,
            "cried",
            "occurred_at",
            "activity",
            "partner",
            "orgasm",
            "satisfaction",
            "connection_after",
            *CONTEXT_FIELDS,
            "pain",
            "memories_surfaced",
            "alcohol_or_drugs",
            "tags",
            "coping",
            "coping_helped",
            "episode_minutes",
            "notes",
        ]
        widgets = {
            **dict.fromkeys(SEGMENTED_FIELDS, SegmentedRadioSelect),
            "activity": SegmentedRadioSelect,
            "orgasm": SegmentedRadioSelect,
            "occurred_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format=DATETIME_LOCAL_FORMAT
            ),
            "tags": forms.CheckboxSelectMultiple(attrs={"class": "btn-check"}),
        }
        field_classes = dict.fromkeys(CONTEXT_FLAGS, YesNoField)

    def __init__(self, *args, user, **kwargs):
        _prepare_entry_fields_once(type(self))
        super().__init__(*args, **kwargs)
        self.user = user
        # Editing an old entry must not drop a partner who is now inactive.
        offered = Q(active=True) | Q(pk=self.instance.partner_id)
        # The iterator is set on the class's fields: setting a queryset hands the
        # choices to the widget through it.
        partner = cast(forms.ModelChoiceField, self.fields["partner"])
        partner.queryset = Partner.objects.filter(offered, user=user)
        tags = cast(forms.ModelMultipleChoiceField, self.fields["tags"])
        tags.queryset = Tag.objects.filter(user=user)

    def sections(self) -> list[dict]:
        """The form's fields grouped for display. A folded group opens when it has an
        error, or when it holds answers of an entry being edited (or sent back)."""
        show_answers = self.is_bound or not self.instance._state.adding
        grouped = []
        for section in ENTRY_SECTIONS:
            fields = [self[name] for name in section.fields]
            has_errors = any(field.errors for field in fields)
            answered = [field for field in fields if _is_answered(field)]
            grouped.append(
                {
                    "section": section,
                    "fields": fields,
                    "open": not section.folded or has_errors or (show_answers and bool(answered)),
                    "answered": len(answered),
                }
            )
        return grouped

    def clean_new_tag(self):
        # As on the factors page: surrounding spaces go, and a name already there in
        # any case is refused rather than quietly reused (it is one tick away above).
        name = self.cleaned_data["new_tag"].strip()
        if name and name_taken(Tag, user_id=self.user.pk, field="name", value=name, pk=None):
            raise ValidationError(
                _("You already have a factor with that name. Tick it above."), code="duplicate"
            )
        return name

    def clean_occurred_at(self):
        occurred_at = self.cleaned_data["occurred_at"]
        # The wall-clock date, compared without converting: a time in the year 1 east
        # of UTC would fall before the first datetime Python can store.
        if occurred_at.date() < EARLIEST_DATE:
            raise ValidationError(
                _("Please choose a date from %(year)s onwards.") % {"year": EARLIEST_DATE.year},
                code="too_early",
            )
        if occurred_at > timezone.now() + FUTURE_TOLERANCE:
            raise ValidationError(
                _("That is more than a day from now. Please check the date."), code="future"
            )
        return occurred_at

    def clean_episode_minutes(self):
        minutes = self.cleaned_data["episode_minutes"]
        if minutes is not None and not EPISODE_MINUTES_MIN <= minutes <= EPISODE_MINUTES_MAX:
            raise ValidationError(EPISODE_MINUTES_MESSAGE, code="out_of_range")
        return minutes

    def clean_coping(self):
        # Keep the stored list in a stable order so exports compare cleanly.
        chosen = set(self.cleaned_data["coping"])
        return [value for value in Coping.values if value in chosen]

    def clean_new_partner(self):
        return self.cleaned_data["new_partner"].strip()

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("activity") == Activity.SOLO:
            # The form remembers the last partner, and the partner fields are hidden
            # for a solo entry: a partner sent with one means nothing, so it is dropped
            # (and any complaint about it) rather than reported where nobody sees it.
            for name in ("partner", "new_partner"):
                self.errors.pop(name, None)
            cleaned["partner"] = None
            cleaned["new_partner"] = ""
            return cleaned
        if cleaned.get("new_partner") and cleaned.get("partner"):
            self.add_error(
                "new_partner",
                ValidationError(
                    _("Choose a partner from the list or type a new nickname, not both."),
                    code="partner_twice",
                ),
            )
        return cleaned


def _prepare_entry_fields_once(form_class: type[EntryForm]) -> None:
    """The log form's fields as every form shows them, set once on the class (and on a
    subclass, which has fields of its own) rather than on each form's copy: choices
    set again are checked again, every time. Doing it twice changes nothing."""
    if "_fields_prepared" not in form_class.__dict__:
        _prepare_entry_fields(form_class.base_fields)
        form_class._fields_prepared = True  # type: ignore[attr-defined]


def _prepare_entry_fields(fields: dict[str, forms.Field]) -> None:
    partner = cast(forms.ModelChoiceField, fields["partner"])
    partner.iterator = ByNameChoiceIterator
    partner.empty_label = _("Not recorded")
    partner.error_messages["invalid_choice"] = _("Choose one of your partners from the list.")
    tags = cast(forms.ModelMultipleChoiceField, fields["tags"])
    tags.iterator = ByNameChoiceIterator
    tags.help_text = _("Tick any that applied. You can rename or remove them under “Your factors”.")
    tags.error_messages["invalid_choice"] = _("Choose from your own factors.")
    orgasm = cast(forms.ChoiceField, fields["orgasm"])
    orgasm.choices = [("", SKIP), *_choices(orgasm)[1:]]
    for name in OPTIONAL_SCALES:
        field = cast(forms.ChoiceField, fields[name])
        field.choices = [("", SKIP), *_choices(field)[1:]]
    for name in ("activity", *EMOTION_FIELDS):
        # These always have a value; no empty "-----" choice among the buttons.
        field = cast(forms.ChoiceField, fields[name])
        field.choices = [choice for choice in _choices(field) if choice[0] != ""]
    for name in (*CONTEXT_FIELDS, "pain"):
        field = cast(forms.ChoiceField, fields[name])
        field.choices = [("", NOT_RECORDED), *_choices(field)[1:]]
    for name in CONTEXT_FLAGS:
        fields[name].widget = SegmentedRadioSelect(choices=FLAG_CHOICES)
    for name in (*SEGMENTED_FIELDS, "activity", "orgasm", "coping"):
        fields[name].error_messages["invalid_choice"] = NOT_AN_ANSWER
    for name, each in fields.items():
        each.bound_field_class = FIELD_GROUPS.get(name, BootstrapField)


def _is_answered(field: forms.BoundField) -> bool:
    if field.name in ALWAYS_ANSWERED:
        return False
    value = field.value()
    return value not in (None, "", [], ())


# <input type="date"> takes only year-month-day, whatever the page's language.
ISO_DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EntryFilterForm(forms.Form):
    """The list filters. Invalid values are reported and then ignored, never a 500."""

    start = forms.DateField(label=_("From"), required=False, widget=ISO_DATE_INPUT)
    end = forms.DateField(label=_("To"), required=False, widget=ISO_DATE_INPUT)
    partner = forms.ModelChoiceField(
        label=_("Partner"), queryset=Partner.objects.none(), required=False, empty_label=_("Any")
    )
    episodes = forms.BooleanField(label=_("Only entries with an episode"), required=False)
    # One day, in the person's time zone: what a day of the calendar (insights:calendar) opens.
    date = forms.DateField(
        label=_("On this day"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=ISO_DATE_INPUT,
        error_messages={"invalid": _("Give the day as year-month-day, for example 2026-03-14.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        partner = cast(forms.ModelChoiceField, self.fields["partner"])
        partner.iterator = PartnersInOrderChoiceIterator
        partner.queryset = Partner.objects.filter(user=user)
        for each in self.fields.values():
            each.bound_field_class = BootstrapField

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise ValidationError(_("The start date is after the end date."), code="reversed")
        return cleaned


class _NamedThingForm(forms.ModelForm):
    """A partner's nickname or a factor's name: unique per user, whatever the case."""

    name_field: str
    taken_message: "StrOrPromise"

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def _clean_name(self) -> str:
        name = self.cleaned_data[self.name_field].strip()
        model, field = self._meta.model, self.name_field
        if name_taken(model, user_id=self.user.pk, field=field, value=name, pk=self.instance.pk):
            raise self._taken_error()
        return name

    def _taken_error(self) -> ValidationError:
        return ValidationError(self.taken_message, code="duplicate")

    def add_taken_error(self) -> None:
        """For a name taken after the check above ran (services.NameTaken)."""
        self.add_error(self.name_field, self._taken_error())


class PartnerForm(_NamedThingForm):
    name_field = "nickname"
    taken_message = _("You already have a partner called that.")

    class Meta:
        model = Partner
        fields = ["nickname", "active"]

    def clean_nickname(self):
        return self._clean_name()


class TagForm(_NamedThingForm):
    name_field = "name"
    taken_message = _("You already have a factor with that name.")

    class Meta:
        model = Tag
        fields = ["name"]
        labels = {"name": _("Factor")}
        help_texts = {"name": _("For example “after an argument” or “new medication”.")}

    def clean_name(self):
        return self._clean_name()
