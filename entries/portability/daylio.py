"""Daylio's CSV export read as a backup document.

Daylio is a general mood diary: its entries are about a day, not about sex. Each one
becomes an entry whose sadness (and so its peak feeling) follows the mood, whose
activities become the person's own factors, and whose note title and note become the
notes, with the mood's name on the first line so that nothing of it is lost. Every
imported entry carries the factor IMPORTED_TAG, so the person can tell them apart,
filter them, or remove them.

Daylio's header is `full_date,date,weekday,time,mood,activities,note_title,note`; newer
versions add columns, which are ignored. A mood the person named themselves in Daylio
has no place on our scale: its rows are listed in the preview and skipped.
"""

import datetime as dt
import html
import re
import zoneinfo
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from entries.models import NOTES_MAX_LENGTH
from entries.portability.csv_import import RowProblems, row_as_dict
from entries.portability.rules import TAG_NAME_MAX, BadValue, plain_name
from entries.portability.spec import ENTRY_KEYS, name_key
from pct_journal.scales import Activity

REQUIRED_COLUMNS = (
    "full_date",
    "date",
    "weekday",
    "time",
    "mood",
    "activities",
    "note_title",
    "note",
)
# Daylio's five moods, best first, and the sadness (0 None to 4 Severe) each becomes.
# Deliberately no stronger than the words: a "bad" day is not a strong sadness after
# sex, and "awful" is the worst Daylio offers, not necessarily the worst a person felt.
MOOD_SADNESS = {"rad": 0, "good": 0, "meh": 1, "bad": 2, "awful": 3}
# Daylio writes " | " between activities, sometimes with more spaces around an activity.
ACTIVITY_SEPARATOR = "|"
# Daylio's notes may carry its basic formatting (<b>, <li>, <br>) as HTML.
LINE_BREAK_TAGS = re.compile(r"<br\s*/?>|</p>|</li>|</div>", re.IGNORECASE)
TIME_FORMATS = ("%H:%M", "%I:%M %p", "%I:%M%p", "%H:%M:%S")


def imported_tag_name() -> str:
    return _("Imported from Daylio")


@dataclass
class DaylioRows:
    entries: list[dict] = field(default_factory=list)
    # Moods Daylio let the person name, with the number of rows skipped for each.
    unknown_moods: Counter = field(default_factory=Counter)


def _moment(date_text: str, time_text: str, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    try:
        day = dt.date.fromisoformat(date_text.strip())
    except ValueError:
        raise BadValue.whole(_("“full_date” must be a date like 2026-01-31.")) from None
    text = re.sub(r"\s+", " ", time_text.strip()).upper()
    for pattern in TIME_FORMATS:
        try:
            clock = dt.datetime.strptime(text, pattern).time()
        except ValueError:
            continue
        return dt.datetime.combine(day, clock, tzinfo=zone)
    raise BadValue.whole(_("“time” must be a time like 22:15 or 10:15 PM."))


def _plain(text: str) -> str:
    """Daylio's formatted text as the plain text a note holds: line breaks kept, other
    tags dropped, entities (&amp;) read."""
    if "<" not in text and "&" not in text:
        return text.strip()
    return html.unescape(strip_tags(LINE_BREAK_TAGS.sub("\n", text))).strip()


def _notes(mood: str, title: str, note: str) -> str:
    parts = [_("Mood in Daylio: %(mood)s") % {"mood": mood}, _plain(title), _plain(note)]
    return "\n\n".join(part for part in parts if part)


def _entry(cells: dict[str, str], zone: zoneinfo.ZoneInfo, mood: str) -> dict:
    """The row as a backup's entry record; BadValue with a full sentence when it is wrong."""
    occurred_at = _moment(cells["full_date"], cells["time"], zone)
    names = [name for name in cells["activities"].split(ACTIVITY_SEPARATOR) if name.strip()]
    tags = []
    for name in [*names, imported_tag_name()]:
        try:
            tags.append(plain_name(name, max_length=TAG_NAME_MAX))
        except BadValue as bad:
            # Names the activity itself: "“Reading …” is longer than 60 characters."
            raise BadValue.whole(bad.about(name)) from None
    notes = _notes(cells["mood"].strip(), cells["note_title"], cells["note"])
    if len(notes) > NOTES_MAX_LENGTH:
        raise BadValue.whole(
            _("the note is longer than %(max)s characters.") % {"max": NOTES_MAX_LENGTH}
        )
    values = {
        "occurred_at": occurred_at.isoformat(),
        "activity": Activity.PARTNERED.value,  # the log form's default; see the docstring
        "partner": None,
        "orgasm": "",
        "satisfaction": None,
        "connection_after": None,
        "sadness": MOOD_SADNESS[mood],
        "irritation": 0,
        "agitation": 0,
        "anxiety_after": 0,
        "cried": False,
        "episode_minutes": None,
        "stress": None,
        "low_mood": None,
        "performance_anxiety": None,
        "felt_vulnerable": None,
        "relationship_tension": None,
        "pain": None,
        "memories_surfaced": None,
        "alcohol_or_drugs": None,
        "tags": list({name_key(name): name for name in tags}.values()),
        "coping": [],
        "coping_helped": None,
        "notes": notes,
    }
    return {key: values[key] for key in ENTRY_KEYS}


def daylio_entries(
    header: list[str], records: Iterator[tuple[int, list[str]]], zone: zoneinfo.ZoneInfo
) -> DaylioRows:
    """Every row with one of Daylio's own moods as an entry record; BackupInvalid naming
    each bad row."""
    result = DaylioRows()
    problems = RowProblems()
    for number, record in records:
        cells = row_as_dict(problems, number, header, record)
        if cells is None:
            continue
        mood = cells["mood"].strip().casefold()
        if mood not in MOOD_SADNESS:
            result.unknown_moods[cells["mood"].strip()] += 1
            continue
        try:
            result.entries.append(_entry(cells, zone, mood))
        except BadValue as bad:
            problems.add(number, bad.about(""))
    problems.raise_if_any()
    return result
