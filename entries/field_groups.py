"""The log form's fields, each with its label, help text and errors, written out in Python.

The log form has twenty-six fields. Drawn through field templates (and, for the text
boxes, django-crispy-forms' Bootstrap templates around Django's widget templates), they
were most of the page's time. Each bound field class here writes the same markup as the
templates did in one pass: the button rows come from entries.button_rows, and a text box
is written as Django's `input.html`, `textarea.html` or `select.html` would write it, with
the classes, label, errors and help text crispy-forms' `bootstrap5/field.html` gave it.
Every part is escaped where it is written.
"""

from collections.abc import Iterable

from django.forms import BoundField, Select, Textarea
from django.forms.widgets import CheckboxInput, Input, Widget
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from entries.button_rows import ButtonRowField, attributes

REQUIRED_MARK = '<span class="asteriskField">*</span>'


def _safe(html: str) -> SafeString:
    # Only ever called with markup whose every part was escaped as it was written.
    return mark_safe(html)  # noqa: S308  # nosec B308 B703


def _row_errors(field: BoundField) -> str:
    """As entries/fields/_errors.html: below a row of buttons."""
    if not field.errors:
        return ""
    errors = "".join(
        f'<p class="invalid-feedback d-block mb-0">{conditional_escape(error)}</p>'
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
    return _safe(
        f'<fieldset class="scale mb-3"{described_by}>\n'
        f'  <legend class="scale-legend">{conditional_escape(field.label)}</legend>\n'
        f"{rows}"
        f"  {_help(field)}{_row_errors(field)}\n"
        "</fieldset>"
    )


class ScaleField(ButtonRowField):
    """A scale or choice answered on one row of buttons."""

    def as_field_group(self) -> SafeString:
        count = len(self.field.widget.choices)  # type: ignore[attr-defined]
        return _scale_fieldset(
            self, f'  <div class="segmented segmented-{count}">\n    {self.buttons}\n  </div>\n'
        )


class FactorScaleField(ButtonRowField):
    """A context factor: its answers as a row of buttons, and "Not recorded" (the first,
    empty choice) on its own below them. It is one radio group, so the arrow keys move
    through all of them and choosing "Not recorded" clears an answer."""

    def as_field_group(self) -> SafeString:
        # The widget's choices: a yes/no factor's field has none of its own.
        count = len(self.field.widget.choices) - 1  # type: ignore[attr-defined]
        return _scale_fieldset(
            self,
            f'  <div class="segmented segmented-{count}">\n    {self.answers}\n  </div>\n'
            f'  <div class="not-recorded">\n    {self.not_recorded}\n  </div>\n',
        )


class ChipsField(ButtonRowField):
    """Several choices (factors, what the person did) as wrapping chips."""

    def as_field_group(self) -> SafeString:
        described_by = _described_by([f"{self.auto_id}_help"] * bool(self.help_text))
        if self.field.widget.choices:  # type: ignore[attr-defined]
            chips = f'<div class="chips">\n      {self.chips}\n    </div>'
        else:
            chips = f'<p class="form-text mb-0">{conditional_escape(gettext("None yet."))}</p>'
        return _safe(
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
        return _safe(
            '<div class="mb-3">\n'
            '  <input type="checkbox" class="btn-check"'
            f' name="{conditional_escape(self.html_name)}"'
            f' id="{self.auto_id}"{checked}{described_by}>\n'
            f'  <label class="btn btn-segment btn-toggle" for="{self.auto_id}">'
            f"{conditional_escape(self.label)}</label>\n"
            f"  {_row_errors(self)}\n"
            "</div>"
        )


def _option(option: dict) -> str:
    return (
        f'<option value="{conditional_escape(str(option["value"]))}"'
        f"{attributes(option['attrs'])}>{conditional_escape(option['label'])}</option>"
    )


def _widget_html(widget: Widget, context: dict) -> str | None:
    """The widget as Django's template for it writes it, or None for a widget not
    written here."""
    name = conditional_escape(context["name"])
    attrs = attributes(context["attrs"])
    value = context["value"]
    if isinstance(widget, Textarea):
        text = conditional_escape(value) if value else ""
        return f'<textarea name="{name}"{attrs}>\n{text}</textarea>'
    if isinstance(widget, Select) and not widget.allow_multiple_selected:
        groups = context["optgroups"]
        if any(group_name for group_name, _, _ in groups):
            return None
        options = "".join(f"\n  {_option(option)}" for _, group, _ in groups for option in group)
        return f'<select name="{name}"{attrs}>{options}\n</select>'
    if isinstance(widget, Input) and not isinstance(widget, CheckboxInput):
        shown = "" if value is None else f' value="{conditional_escape(str(value))}"'
        return f'<input type="{conditional_escape(context["type"])}" name="{name}"{shown}{attrs}>'
    return None


class TextBoxField(BoundField):
    """A text box, number, date or list, as crispy-forms' Bootstrap 5 field drew it."""

    def _control(self) -> str:
        widget = self.field.widget
        # The classes crispy-forms adds: the widget's own name, then Bootstrap's.
        kind = type(widget).__name__.lower()
        css = widget.attrs.get("class", "")
        if kind not in css:
            css = f"{css} {kind}" if css else kind
        css += " form-select" if isinstance(widget, Select) else " form-control"
        if self.errors:
            css += " is-invalid"
        if self.field.localize:
            widget.is_localized = True
        attrs = self.build_widget_attrs({"class": css}, widget)
        if self.auto_id and "id" not in widget.attrs:
            attrs.setdefault("id", self.auto_id)
        context = widget.get_context(self.html_name, self.value(), attrs)
        written = _widget_html(widget, context["widget"])
        if written is None:
            return widget._render(widget.template_name, context, self.form.renderer)
        return written

    def as_field_group(self) -> SafeString:
        required = self.field.required
        label = (
            f'<label for="{self.id_for_label}" class="form-label{" requiredField" * required}">'
            f"{conditional_escape(self.label)}"
            f"{REQUIRED_MARK * required}</label>"
        )
        errors = ""
        if self.errors:
            errors = "".join(
                f'<p id="error_{number}_{self.auto_id}">'
                f"<strong>{conditional_escape(error)}</strong></p>"
                for number, error in enumerate(self.errors, start=1)
            )
            errors = (
                f'\n<div id="{self.errors.field_id}_error" class="invalid-feedback">{errors}</div>'
            )
        help_text = ""
        if self.help_text:
            # As crispy-forms writes it: help text is the form's own words, not escaped.
            help_text = (
                f'\n<div id="{self.auto_id}_helptext" class="form-text">{self.help_text}</div>'
            )
        control = self._control()
        return _safe(
            f'<div id="div_{self.auto_id}" class="mb-3">\n'
            f"{label}\n{control}{errors}{help_text}\n</div>"
        )
