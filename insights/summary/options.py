"""What a summary includes: parsed from a query by one form, and frozen for a share link.

The export page, the print page, the PDF and the share-link form all read the same
query parameters, so a period and its options travel from one to the other by link:

    range=30d|90d|365d|all, or start=YYYY-MM-DD & end=YYYY-MM-DD   the period
    notes=none|all|chosen, note=<entry id> (repeated)              which notes
    partners=on, checkins=on, charts=on                            what else
    paper=a4|letter
    options=1                                                      the form was sent

Check-ins and charts are in unless the form was sent without them: a bare link such as
`/export/summary.pdf?range=90d` gives the usual summary, while an unticked box in the
sent form means "leave it out". Notes and partner nicknames are out unless chosen.
"""

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.contrib.auth.models import User
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy, pgettext

from entries.models import Entry
from insights.ranges import InvalidRange, SelectedRange, selected_range
from pct_journal.date_range import DateRange

# Without a period in the query; the pages pass the person's own default period instead.
DEFAULT_RANGE = "90d"
PAPER_SIZES = {"a4": "A4", "letter": gettext_lazy("US Letter")}
NOTES_NONE, NOTES_ALL, NOTES_CHOSEN = "none", "all", "chosen"
NOTES_CHOICES = (
    (NOTES_NONE, gettext_lazy("No notes")),
    (NOTES_ALL, gettext_lazy("Every note from this period")),
    (NOTES_CHOSEN, gettext_lazy("Only the notes I pick")),
)
# Present in every query the export form sends, so an unticked box reads as "no".
SENT_MARKER = "options"
# Picked notes travel in the query string, and gunicorn refuses request lines over 4 KB:
# 60 ids keep well under that. "Every note from this period" has no such limit.
MAX_CHOSEN_NOTES = 60
FROZEN_VERSION = 1
# The yes/no options, as the summary names them.
_EXTRAS = {
    "checkins": gettext_lazy("check-in scores"),
    "charts": gettext_lazy("charts"),
    "partners": gettext_lazy("partner nicknames"),
}


@dataclass(frozen=True)
class SummaryOptions:
    period: SelectedRange
    notes: str = NOTES_NONE
    note_ids: tuple[str, ...] = ()  # the entries whose notes were picked (NOTES_CHOSEN)
    partners: bool = False
    checkins: bool = True
    charts: bool = True
    paper: str = "a4"

    @property
    def dates(self) -> DateRange:
        return self.period.dates

    @property
    def paper_label(self) -> str:
        return str(PAPER_SIZES[self.paper])

    def query_pairs(self) -> list[tuple[str, str]]:
        """The parameters that select these options again, in a fixed order."""
        pairs = [(SENT_MARKER, "1")]
        if self.period.key == "custom":
            if self.dates.start:
                pairs.append(("start", self.dates.start.isoformat()))
            if self.dates.end:
                pairs.append(("end", self.dates.end.isoformat()))
        else:
            pairs.append(("range", self.period.key))
        pairs.append(("notes", self.notes))
        if self.notes == NOTES_CHOSEN:
            pairs += [("note", entry_id) for entry_id in self.note_ids]
        pairs += [
            (name, "on") for name in ("partners", "checkins", "charts") if getattr(self, name)
        ]
        pairs.append(("paper", self.paper))
        return pairs

    def query(self) -> str:
        return urlencode(self.query_pairs())

    def included(self) -> list[str]:
        """What this summary shows beyond the numbers, in words, for the reader."""
        shown = [str(words) for name, words in _EXTRAS.items() if getattr(self, name)]
        if self.notes != NOTES_NONE:
            shown.append(gettext("notes chosen to share"))
        return shown

    def left_out(self) -> list[str]:
        hidden = [str(words) for name, words in _EXTRAS.items() if not getattr(self, name)]
        if self.notes == NOTES_NONE:
            hidden.append(gettext("notes"))
        return hidden


class EntryIdsField(forms.Field):
    """A repeated parameter of entry ids (UUIDs), in the order given, without repeats."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "invalid": gettext_lazy("“%(value)s” is not a note in your journal."),
        "too_many": gettext_lazy(
            "Pick at most %(limit)s notes one by one, or share every note from this period."
        ),
    }

    def to_python(self, value) -> tuple[str, ...]:
        if not value:
            return ()
        if isinstance(value, str):
            value = [value]
        if len(value) > MAX_CHOSEN_NOTES:
            raise forms.ValidationError(
                self.error_messages["too_many"],
                code="too_many",
                params={"limit": MAX_CHOSEN_NOTES},
            )
        ids = []
        for text in value:
            try:
                entry_id = str(uuid.UUID(str(text)))
            except ValueError:
                raise forms.ValidationError(
                    self.error_messages["invalid"], code="invalid", params={"value": text[:40]}
                ) from None
            if entry_id not in ids:
                ids.append(entry_id)
        return tuple(ids)


class SummaryOptionsForm(forms.Form):
    """The summary's options from a query (GET) or the share-link form (POST)."""

    range = forms.CharField(required=False, max_length=16)
    start = forms.CharField(required=False, max_length=32)
    end = forms.CharField(required=False, max_length=32)
    notes = forms.ChoiceField(label=gettext_lazy("Notes"), choices=NOTES_CHOICES, required=False)
    note = EntryIdsField(required=False)
    partners = forms.BooleanField(label=gettext_lazy("Partner nicknames"), required=False)
    checkins = forms.BooleanField(label=gettext_lazy("Check-in scores"), required=False)
    charts = forms.BooleanField(label=gettext_lazy("Charts"), required=False)
    paper = forms.ChoiceField(
        label=gettext_lazy("Paper size"), choices=PAPER_SIZES.items(), required=False
    )

    def __init__(
        self,
        data: Mapping,
        *,
        user: User,
        today: dt.date,
        default_range: str = DEFAULT_RANGE,
    ) -> None:
        super().__init__(data)
        self.user = user
        self.today = today
        self.default_range = default_range
        self.sent = SENT_MARKER in data
        self.period: SelectedRange | None = None

    def clean(self) -> dict:
        super().clean()
        cleaned = self.cleaned_data
        try:
            self.period = selected_range(
                {name: cleaned.get(name) or "" for name in ("range", "start", "end")},
                today=self.today,
                default=self.default_range,
            )
        except InvalidRange as error:
            self.add_error(None, str(error))
        if not self.sent:
            cleaned["checkins"] = cleaned["charts"] = True
        cleaned["notes"] = cleaned.get("notes") or NOTES_NONE
        cleaned["paper"] = cleaned.get("paper") or "a4"
        note_ids = cleaned.get("note") or ()
        if note_ids and not self._all_owned(note_ids):
            self.add_error("note", gettext("Some of the notes picked are not in your journal."))
        return cleaned

    def _all_owned(self, entry_ids: tuple[str, ...]) -> bool:
        owned = Entry.objects.filter(user=self.user, pk__in=entry_ids).count()
        return owned == len(entry_ids)

    def options(self) -> SummaryOptions:
        """The parsed options; call after is_valid() returned True."""
        if self.period is None:
            raise ValueError("The options of a form that is not valid.")
        data = self.cleaned_data
        notes = data["notes"]
        return SummaryOptions(
            period=self.period,
            notes=notes,
            note_ids=data["note"] if notes == NOTES_CHOSEN else (),
            partners=data["partners"],
            checkins=data["checkins"],
            charts=data["charts"],
            paper=data["paper"],
        )

    def error_messages(self) -> list[str]:
        """Every problem, in words, for the page that answers options it cannot use."""
        return [str(message) for errors in self.errors.values() for message in errors]

    def error_text(self) -> str:
        """Every problem in one line."""
        return " ".join(self.error_messages())


def summary_options(
    query: Mapping, *, user: User, today: dt.date, default_range: str = DEFAULT_RANGE
) -> tuple[SummaryOptionsForm, SummaryOptions | None]:
    """The bound form and, when the query is valid, the options it describes (the period
    is `default_range` when the query names none)."""
    form = SummaryOptionsForm(query, user=user, today=today, default_range=default_range)
    return form, (form.options() if form.is_valid() else None)


def _dates_label(start: dt.date, end: dt.date) -> str:
    # Translators: a date as a PHP-style format, "3 Sep 2026" in English.
    day = pgettext("summary date", "j M Y")
    return f"{date_format(start, day)} – {date_format(end, day)}"


def options_frozen(
    options: SummaryOptions, *, note_ids: list[str], first_day: dt.date, today: dt.date
) -> dict:
    """The options as plain JSON for a share link: the period as concrete dates (a link
    made for "the last 90 days" keeps showing those 90 days) and the notes as the exact
    entries shared, so nothing written later joins a link by itself."""
    start = options.dates.start or first_day
    end = options.dates.end or today
    return {
        "version": FROZEN_VERSION,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "notes": list(note_ids),
        "partners": options.partners,
        "checkins": options.checkins,
        "charts": options.charts,
        "paper": options.paper,
    }


def options_from_frozen(data: Mapping) -> SummaryOptions:
    start = dt.date.fromisoformat(data["start"])
    end = dt.date.fromisoformat(data["end"])
    note_ids = tuple(data.get("notes") or ())
    return SummaryOptions(
        period=SelectedRange("custom", _dates_label(start, end), DateRange(start, end)),
        notes=NOTES_CHOSEN if note_ids else NOTES_NONE,
        note_ids=note_ids,
        partners=bool(data.get("partners")),
        checkins=bool(data.get("checkins")),
        charts=bool(data.get("charts")),
        paper=str(data["paper"]) if data.get("paper") in PAPER_SIZES else "a4",
    )
