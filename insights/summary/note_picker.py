"""The export page's list of notes to pick, written in Python rather than by a template
loop: a period can hold hundreds of notes, and the loop cost more than the rest of the
page. The markup is the one the template wrote, character for character."""

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from insights.summary.notes import SharedNote

# How much of each note the picker shows; the whole note goes into the summary.
NOTE_PREVIEW_CHARS = 140


@dataclass(frozen=True)
class PickableNote:
    entry_id: str
    label: str  # the note's <label>, escaped: its day and time, "episode", the preview


def pickable_notes(notes: list[SharedNote]) -> list[PickableNote]:
    """Each note's label in the active language, worked out once and kept (encrypted)
    with the notes themselves; only which are ticked changes from one request to the next."""
    episode = f" · {gettext('episode')}"
    pickable = []
    for note in notes:
        entry_id = escape(note.entry_id)
        cut = "…" if len(note.text) > NOTE_PREVIEW_CHARS else ""
        label = (
            f'<label class="form-check-label" for="note-{entry_id}">\n'
            f'                  <span class="d-block small text-body-secondary">'
            f"{escape(note.when_text)}{escape(episode) if note.is_episode else ''}</span>\n"
            f"                  {escape(note.text[:NOTE_PREVIEW_CHARS])}{cut}\n"
            f"                </label>"
        )
        pickable.append(PickableNote(entry_id, label))
    return pickable


def note_picker_items(notes: list[PickableNote], chosen: set[str]) -> SafeString:
    """The picker's <li> items, those in `chosen` (entry ids) ticked."""
    items = [
        f'\n              <li class="form-check mb-2">\n'
        f'                <input class="form-check-input" type="checkbox" name="note" '
        f'value="{note.entry_id}" id="note-{note.entry_id}"'
        f"{' checked' if note.entry_id in chosen else ''}>\n"
        f"                {note.label}\n"
        f"              </li>\n            "
        for note in notes
    ]
    # Every part was escaped above: the labels when they were made, the ids here.
    return mark_safe("".join(items))  # noqa: S308  # nosec B308 B703
