"""The columns of the journal's CSV, shared by the export and the import.

A coded answer has two columns: its words as the log form shows them, in the person's
language ("sadness": "Moderate"), and its stored code ("sadness_code": "2"). People
read the first; the import reads the second, so a file round-trips whatever the
language it was written in. Headers are fixed keys, never translated, so the import
recognises a file made in any language.
"""

from typing import cast

from django.db.models import Field

from entries.models import Entry
from entries.portability.spec import ENTRY_KEYS

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
JOIN = "; "
CODE_SUFFIX = "_code"
# The answers stored as a code with words of their own (the model field's choices).
CODED_KEYS = tuple(
    key
    for key in ENTRY_KEYS
    if key not in ("occurred_at", "partner", "tags", "coping", "pain", "notes")
    and cast(Field, Entry._meta.get_field(key)).choices
)
# A list of codes: coping's keys, and the factors' exact names as a JSON list (a name
# may hold "; ", so the words column alone cannot always be split back).
LIST_KEYS = ("tags", "coping")
DERIVED_COLUMNS = ("episode", "peak_intensity", "peak_intensity_code", "created_at", "updated_at")


def code_column(key: str) -> str:
    return key + CODE_SUFFIX


def _entry_columns() -> tuple[str, ...]:
    columns: list[str] = []
    for key in ENTRY_KEYS:
        columns.append(key)
        if key in CODED_KEYS or key in LIST_KEYS:
            columns.append(code_column(key))
    return tuple(columns)


ENTRY_COLUMNS = _entry_columns()
COLUMNS = (*ENTRY_COLUMNS, *DERIVED_COLUMNS)
# What marks a CSV as this journal's own: the column of the moment and two answers every
# entry has, each by its words or its code (a person may delete either column).
SIGNATURE = ("occurred_at", "activity", "sadness")


def is_journal_csv(header: list[str]) -> bool:
    return all(key in header or code_column(key) in header for key in SIGNATURE)


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet would run as a formula, with a leading apostrophe.

    A cell that already starts with apostrophes before such a character gets one more,
    so that spreadsheet_text() can always take exactly one away again."""
    if cell.startswith(FORMULA_TRIGGERS) or (
        cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_TRIGGERS)
    ):
        return "'" + cell
    return cell


def spreadsheet_text(cell: str) -> str:
    """The text spreadsheet_safe() was given."""
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_TRIGGERS):
        return cell[1:]
    return cell
