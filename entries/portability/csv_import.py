"""The journal's own CSV (csv_export.py) read back as a backup document.

Each row is checked against the same rules as a backup (rules.py), and a problem is
named by its row as a spreadsheet numbers it (the header is row 1), so a person can find
it. A code column wins over its words; the words are read only when the code cell is
empty or its column was deleted, in the person's language or in English.
"""

import csv
import functools
import io
import json
import re
from collections.abc import Callable, Iterator
from typing import TypeVar

from django.utils import translation
from django.utils.translation import gettext as _

from entries.portability.csv_columns import (
    CODED_KEYS,
    JOIN,
    code_column,
    spreadsheet_text,
)
from entries.portability.csv_export import answer_words
from entries.portability.rules import (
    ENTRY_RULES,
    NICKNAME_MAX,
    TAG_NAME_MAX,
    BadValue,
    instant,
    plain_name,
    shown,
)
from entries.portability.spec import ENTRY_KEYS, BackupInvalid
from pct_journal.scales import Activity

MAX_MESSAGES = 20
WHOLE_NUMBER = re.compile(r"-?\d{1,6}")
YES, NO = ("yes", "true"), ("no", "false")
BOOLEAN_KEYS = ("cried", "memories_surfaced", "alcohol_or_drugs")
NUMBER_KEYS = ("episode_minutes", "pain")
DELIMITERS = (",", ";", "\t")  # the first wins a tie


class RowProblems:
    """Problems with rows of a CSV, each starting with its row number."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def add(self, row: int, message: str) -> None:
        self.messages.append(_("Row %(row)s: %(problem)s") % {"row": row, "problem": message})

    def raise_if_any(self) -> None:
        if not self.messages:
            return
        listed = self.messages[:MAX_MESSAGES]
        if len(self.messages) > MAX_MESSAGES:
            more = len(self.messages) - MAX_MESSAGES
            listed.append(_("… and %(count)s more problems.") % {"count": more})
        raise BackupInvalid(listed)


def _delimiter(text: str) -> str:
    """The character between the header's columns. A spreadsheet program saving the file
    again may use its locale's (a semicolon in much of Europe) instead of a comma."""
    first_line = text.split("\n", 1)[0]
    return max(DELIMITERS, key=first_line.count)


def csv_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """Each record with its row number (a note over several lines is one row); blank
    lines are skipped."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    number = 0
    try:
        for record in reader:
            number += 1
            if record:
                yield number, record
    except csv.Error as error:
        raise BackupInvalid(
            [
                _("Row %(row)s cannot be read as CSV (%(error)s).")
                % {"row": number + 1, "error": error}
            ]
        ) from None


def row_as_dict(problems: RowProblems, number: int, header: list[str], record: list[str]):
    """The record by column, or None (with a problem) when its cells do not match the header."""
    if len(record) != len(header):
        problems.add(
            number,
            _("it has %(cells)s cells but the header has %(columns)s columns.")
            % {"cells": len(record), "columns": len(header)},
        )
        return None
    return dict(zip(header, record, strict=True))


def _labels_to_codes(key: str) -> dict[str, object]:
    """The words of each answer, in the person's language and in English, to its code."""
    return _words_to_codes(translation.get_language() or "en")[key]


@functools.cache
def _words_to_codes(language: str) -> dict[str, dict[str, object]]:
    # The words of a language never change while the app runs: worked out once each.
    codes: dict[str, dict[str, object]] = {}
    for each in ("en", language):
        with translation.override(each):
            for key, words in answer_words().items():
                codes.setdefault(key, {}).update(
                    {label.casefold(): code for code, label in words.items()}
                )
    return codes


def _code(key: str, cell: str) -> object:
    if key in ("activity", "orgasm"):
        return cell
    if not WHOLE_NUMBER.fullmatch(cell):
        raise BadValue(_("“%(field)s” must be a whole number, not %(value)s."), value=shown(cell))
    return int(cell)


def _number_or_empty(cell: str) -> int | None:
    if cell == "":
        return None
    if not WHOLE_NUMBER.fullmatch(cell):
        raise BadValue(
            _("“%(field)s” must be a whole number or empty, not %(value)s."), value=shown(cell)
        )
    return int(cell)


def _yes_no(cell: str) -> bool | None:
    word = cell.casefold()
    if word in YES:
        return True
    if word in NO:
        return False
    if word == "":
        return None
    raise BadValue(_("“%(field)s” must be yes, no or empty, not %(value)s."), value=shown(cell))


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(JOIN.strip()) if part.strip()]


T = TypeVar("T")


class _Row:
    """One row's cells; `check` runs a rule on a column and notes the problem, if any."""

    def __init__(self, problems: RowProblems, number: int, cells: dict[str, str]):
        self.problems, self.number, self.cells = problems, number, cells
        self.failed = False

    def cell(self, column: str) -> str:
        return spreadsheet_text(self.cells.get(column, ""))

    def check(self, column: str, rule: Callable[[], T]) -> T | None:
        try:
            return rule()
        except BadValue as bad:
            self.problems.add(self.number, bad.about(column))
            self.failed = True
            return None


def _coded(row: _Row, key: str) -> tuple[str, object]:
    """The column the answer was read from and its value, before the field's rule."""
    column = code_column(key)
    code = row.cell(column).strip()
    if code:
        return column, row.check(column, lambda: _code(key, code))
    words = row.cell(key).strip()
    if not words:
        return column, "" if key == "orgasm" else None
    codes = _labels_to_codes(key)
    if words.casefold() not in codes:
        answers = ", ".join(answer_words()[key].values())
        row.check(
            key,
            lambda: _raise(
                _("“%(field)s” has %(value)s, which is not one of %(answers)s."),
                value=shown(words),
                answers=answers,
            ),
        )
        return key, None
    return key, codes[words.casefold()]


def _raise(sentence: str, **values: object):
    raise BadValue(sentence, **values)


def _tags(row: _Row) -> tuple[str, ...]:
    code = row.cell("tags_code").strip()
    if code:
        try:
            names = json.loads(code)
        except ValueError:
            names = None
        if not isinstance(names, list):
            row.check(
                "tags_code",
                lambda: _raise(_('“%(field)s” must be a list of names like ["tired"].')),
            )
            return ()
    else:
        names = _split(row.cell("tags"))
    # partial rather than a lambda: it binds the loop's value now, and has a type mypy knows.
    checked = [
        row.check("tags", functools.partial(plain_name, n, max_length=TAG_NAME_MAX)) for n in names
    ]
    return tuple(name for name in checked if name is not None)


def _coping(row: _Row) -> list[str]:
    code = row.cell("coping_code").strip()
    if code:
        return _split(code)
    words, codes = _split(row.cell("coping")), _labels_to_codes("coping")
    unknown = [word for word in words if word.casefold() not in codes]
    if unknown:
        row.check(
            "coping",
            lambda: _raise(
                _("“%(field)s” has %(value)s, which is not a way of coping."),
                value=shown(unknown[0]),
            ),
        )
    return [str(codes[word.casefold()]) for word in words if word.casefold() in codes]


def entry_from_row(problems: RowProblems, number: int, cells: dict[str, str]) -> dict | None:
    """The row as a backup's entry record (JSON values), or None when it has a problem."""
    row = _Row(problems, number, cells)
    values: dict[str, object] = {}
    moment = row.check("occurred_at", lambda: instant(row.cell("occurred_at").strip()))
    values["occurred_at"] = moment.isoformat() if moment else None
    for key in ENTRY_KEYS:
        before = len(problems.messages)
        if key in CODED_KEYS:
            column, value = _coded(row, key)
        elif key in BOOLEAN_KEYS:
            column, value = key, row.check(key, functools.partial(_yes_no, row.cell(key).strip()))
        elif key in NUMBER_KEYS:
            cell = row.cell(key).strip()
            column, value = key, row.check(key, functools.partial(_number_or_empty, cell))
        elif key == "coping":
            column, value = "coping_code", _coping(row)
        elif key == "notes":
            column, value = key, row.cell("notes")
        else:
            continue
        if len(problems.messages) == before and key in ENTRY_RULES:
            row.check(column, functools.partial(ENTRY_RULES[key], value))
        values[key] = value
    partner = row.cell("partner").strip()
    values["partner"] = None
    if partner:
        values["partner"] = row.check(
            "partner", lambda: plain_name(partner, max_length=NICKNAME_MAX)
        )
        if values["activity"] == Activity.SOLO:
            row.check("partner", lambda: _raise(_("“%(field)s” must be empty for a solo entry.")))
    values["tags"] = list(_tags(row))
    if row.failed:
        return None
    return {key: values[key] for key in ENTRY_KEYS}


def journal_csv_entries(header: list[str], records: Iterator[tuple[int, list[str]]]) -> list[dict]:
    """Every row of the journal's CSV as an entry record; BackupInvalid naming each bad row."""
    missing = [key for key in ENTRY_KEYS if key not in header and code_column(key) not in header]
    if missing:
        raise BackupInvalid(
            [
                _("This spreadsheet lacks the columns %(columns)s, so it cannot be imported.")
                % {"columns": ", ".join(missing)}
            ]
        )
    problems = RowProblems()
    entries = []
    for number, record in records:
        cells = row_as_dict(problems, number, header, record)
        if cells is not None:
            entry = entry_from_row(problems, number, cells)
            if entry is not None:
                entries.append(entry)
    problems.raise_if_any()
    return entries
