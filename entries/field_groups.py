"""The log form's answers on buttons, each with its legend, help text and errors,
written out in Python.

The log form has twenty-six fields. Drawn through field templates, they were most of
the page's time. Each bound field class here writes the markup those templates wrote,
in one pass, around the button rows of entries.button_rows (the text boxes are
pct_journal.bootstrap_fields'). Every part is escaped where it is written.
"""

from collections.abc import Iterable

from django.forms import BoundField
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from entries.button_rows import ButtonRowField
from pct_journal.bootstrap_fields import escape_html, written


def _row_errors(field: BoundField) -> str:
    """As entries/fields/_errors.html: below a row of buttons."""
    if not field.errors:
        return ""
    errors = "".join(
        f'<p class="invalid-feedback d-block mb-0">{escape_html(error)}</p>'
        for error in field.errors
    )
    return f'<div class="field-errors" id="{field.auto_id}_errors">{errors}</div>'


def _help(field: BoundField) -> str:
    if not field.help_text:
        return ""
    help_text = conditional_escape(field.help_text)
    return f'<div class="form-text" id="{field.auto_id}_help">{help_text}</div>'


def _described_by(ids: Iterable[str]) -> str:
    joined = " ".join(ids)
    return f' aria-describedby="{joined}"' if joined else ""


def _scale_fieldset(field: BoundField, rows: str) -> SafeString:
    described_by = _described_by(
        [f"{field.auto_id}_help"] * bool(field.help_text)
        + [f"{field.auto_id}_errors"] * bool(field.errors)
    )
    return written(
        f'<fieldset class="scale mb-3"{described_by}>\n'
        f'  <legend class="scale-legend">{conditional_escape(field.label)}</legend>\n'
        f"{rows}"
        f"  {_help(field)}{_row_errors(field)}\n"
        "</fieldset>"
    )


class ScaleField(ButtonRowField):
    """A scale or choice answered on one row of buttons."""

    def as_field_group(self) -> SafeString:
        count = len(self.field.widget.choices)
        return _scale_fieldset(
            self, f'  <div class="segmented segmented-{count}">\n    {self.buttons}\n  </div>\n'
        )


class FactorScaleField(ButtonRowField):
    """A context factor: its answers as a row of buttons, and "Not recorded" (the first,
    empty choice) on its own below them. It is one radio group, so the arrow keys move
    through all of them and choosing "Not recorded" clears an answer."""

    def as_field_group(self) -> SafeString:
        # The widget's choices: a yes/no factor's field has none of its own.
        count = len(self.field.widget.choices) - 1
        return _scale_fieldset(
            self,
            f'  <div class="segmented segmented-{count}">\n    {self.answers}\n  </div>\n'
            f'  <div class="not-recorded">\n    {self.not_recorded}\n  </div>\n',
        )


class ChipsField(ButtonRowField):
    """Several choices (factors, what the person did) as wrapping chips."""

    def as_field_group(self) -> SafeString:
        described_by = _described_by([f"{self.auto_id}_help"] * bool(self.help_text))
        if self.field.widget.choices:
            chips = f'<div class="chips">\n      {self.chips}\n    </div>'
        else:
            chips = f'<p class="form-text mb-0">{conditional_escape(gettext("None yet."))}</p>'
        return written(
            f'<fieldset class="mb-3"{described_by}>\n'
            f'  <legend class="scale-legend">{conditional_escape(self.label)}</legend>\n'
            f"    {chips}\n"
            f"  {_help(self)}{_row_errors(self)}\n"
            "</fieldset>"
        )


class ToggleField(BoundField):
    """A yes/no question as one button that stays pressed."""

    def as_field_group(self) -> SafeString:
        checked = " checked" if self.value() else ""
        described_by = _described_by([f"{self.auto_id}_errors"] * bool(self.errors))
        return written(
            '<div class="mb-3">\n'
            '  <input type="checkbox" class="btn-check"'
            f' name="{conditional_escape(self.html_name)}"'
            f' id="{self.auto_id}"{checked}{described_by}>\n'
            f'  <label class="btn btn-segment btn-toggle" for="{self.auto_id}">'
            f"{conditional_escape(self.label)}</label>\n"
            f"  {_row_errors(self)}\n"
            "</div>"
        )
