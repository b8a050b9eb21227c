"""Form fields as django-crispy-forms' Bootstrap 5 templates (`bootstrap5/field.html`)
drew them, written out in Python.

A field drawn through crispy-forms goes through half a dozen templates around Django's
widget templates: a few tenths of a millisecond each, several times the cost of a bare
page for a form of a few fields. `BootstrapField` writes the same markup in one pass:
the widget as Django's `input.html`, `textarea.html`, `select.html` would write it (the
same attributes in the same order), with crispy-forms' classes, label, errors and help
text around it. Every part is escaped where it is written. In a template:
`{% load bootstrap_fields %}{{ form.name|bootstrap_field }}`, or set the form field's
`bound_field_class` and write `{{ field.as_field_group }}`.
"""

import html

from django import template
from django.forms import BoundField, Select, Textarea
from django.forms.widgets import CheckboxInput, Input, RadioSelect, Widget
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()
REQUIRED_MARK = '<span class="asteriskField">*</span>'


def written(markup: str) -> SafeString:
    """Markup whose every part was escaped as it was written, marked safe."""
    return mark_safe(markup)  # noqa: S308  # nosec B308 B703


def escape_html(value: object) -> str:
    # conditional_escape without its lazy-string wrapper, which was a tenth of the log
    # form's time at over a thousand calls per page: the same text comes out.
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def attributes(attrs: dict) -> str:
    # As django/forms/widgets/attrs.html: False leaves the attribute out, True writes
    # its name alone, anything else is written as text.
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {escape_html(name)}")
        else:
            parts.append(f' {escape_html(name)}="{escape_html(str(value))}"')
    return "".join(parts)


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
    if isinstance(widget, Input):
        shown = "" if value is None else f' value="{conditional_escape(str(value))}"'
        return f'<input type="{conditional_escape(context["type"])}" name="{name}"{shown}{attrs}>'
    return None


def _bootstrap_class(widget: Widget) -> str:
    if isinstance(widget, CheckboxInput):
        return "form-check-input"
    return "form-select" if isinstance(widget, Select) else "form-control"


class BootstrapField(BoundField):
    """A text box, number, date, list or check box, as crispy-forms' Bootstrap 5 field
    (bootstrap5/field.html) drew it."""

    def _control(self) -> str:
        widget = self.field.widget
        # The classes crispy-forms adds: the widget's own name, then Bootstrap's.
        kind = type(widget).__name__.lower()
        css = widget.attrs.get("class", "")
        if kind not in css:
            css = f"{css} {kind}" if css else kind
        css += f" {_bootstrap_class(widget)}"
        if self.errors:
            css += " is-invalid"
        if self.field.localize:
            widget.is_localized = True
        attrs = self.build_widget_attrs({"class": css}, widget)
        if self.auto_id and "id" not in widget.attrs:
            attrs.setdefault("id", self.auto_id)
        context = widget.get_context(self.html_name, self.value(), attrs)
        markup = _widget_html(widget, context["widget"])
        if markup is None:
            return widget._render(widget.template_name, context, self.form.renderer)
        return markup

    def _label(self, css: str) -> str:
        required = self.field.required
        return (
            f'<label for="{self.id_for_label}" class="{css}{" requiredField" * required}">'
            f"{conditional_escape(self.label)}{REQUIRED_MARK * required}</label>"
        )

    def _errors(self) -> str:
        errors = ""
        if self.errors:
            errors = "".join(
                f'<p id="error_{number}_{self.auto_id}"><strong>{escape_html(error)}</strong></p>'
                for number, error in enumerate(self.errors, start=1)
            )
            # The id the field's errors were given (Django's ErrorList.field_id).
            field_id = getattr(self.errors, "field_id", self.auto_id)
            errors = f'\n<div id="{field_id}_error" class="invalid-feedback">{errors}</div>'
        return errors

    def _help(self) -> str:
        if not self.help_text:
            return ""
        # As crispy-forms writes it: help text is the form's own words, not escaped.
        return f'\n<div id="{self.auto_id}_helptext" class="form-text">{self.help_text}</div>'

    def _errors_and_help(self) -> str:
        return self._errors() + self._help()

    def _choice_list(self) -> SafeString:
        """Radio buttons or check boxes, one per line, in a fieldset with a legend."""
        widget = self.field.widget
        id_ = widget.attrs.get("id") or self.auto_id
        attrs = self.build_widget_attrs({"id": id_} if id_ else {})
        groups = widget.optgroups(self.html_name, widget.format_value(self.value()), attrs)
        css = "form-check-input is-invalid" if self.errors else "form-check-input"
        options = [option for _, group, _ in groups for option in group]
        lines = []
        for number, option in enumerate(options, start=1):
            errors = self._errors() if number == len(options) else ""
            lines.append(
                f'<div class="form-check">\n<input type="{option["type"]}" class="{css}"'
                f' name="{escape_html(self.html_name)}" value="{escape_html(option["value"])}"'
                f"{attributes(option['attrs'])}>\n"
                f'<label for="{escape_html(option["attrs"].get("id", ""))}"'
                ' class="form-check-label">'
                f"{escape_html(option['label'])}</label>{errors}\n</div>"
            )
        described_by = self.aria_describedby
        described = f' aria-describedby="{escape_html(described_by)}"' if described_by else ""
        required = self.field.required
        legend = (
            f'<legend class="form-label{" requiredField" * required} fs-6">'
            f"{conditional_escape(self.label)}{REQUIRED_MARK * required}</legend>"
        )
        return written(
            f'<div id="div_{self.auto_id}" class="mb-3">\n<fieldset{described}>\n{legend}\n'
            f"<div>\n{''.join(lines)}\n</div>{self._help()}\n</fieldset>\n</div>"
        )

    def as_field_group(self) -> SafeString:
        if isinstance(self.field.widget, RadioSelect) and self.label:
            return self._choice_list()
        if isinstance(self.field.widget, CheckboxInput):
            return written(
                f'<div class="mb-3">\n<div id="div_{self.auto_id}" class="form-check">\n'
                f"{self._control()}\n{self._label('form-check-label')}"
                f"{self._errors_and_help()}\n</div>\n</div>"
            )
        return written(
            f'<div id="div_{self.auto_id}" class="mb-3">\n{self._label("form-label")}\n'
            f"{self._control()}{self._errors_and_help()}\n</div>"
        )


@register.filter
def bootstrap_field(field: BoundField) -> SafeString:
    """`{{ form.name|bootstrap_field }}`: the field as crispy-forms' `as_crispy_field`
    drew it."""
    return BootstrapField(field.form, field.field, field.name).as_field_group()
