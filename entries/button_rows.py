"""The log form's rows of radio and checkbox buttons, written out in Python.

The log form holds about a hundred and twenty options. Drawn the usual way, every
option is a dictionary of attributes built by the widget and then rendered through
Django's input and attributes templates: most of the page's time. Here a field's
options become the same markup in one pass: each input exactly as Django's
`input.html` and `attrs.html` write it (the same attributes in the same order, so
`required`, `checked`, `aria-invalid` and the ids are unchanged), followed by its
label. entries.field_groups writes the fieldset, legend, help text and errors around
them.
"""

from django.forms import BoundField
from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe

from pct_journal.bootstrap_fields import attributes, escape_html

SEGMENT = "btn btn-segment"
CHIP = "btn btn-segment btn-chip"


class ButtonRowField(BoundField):
    """A choice field (radio or checkbox buttons, flat choices) whose options are drawn
    as buttons: `buttons` for a row of segments, `chips` for wrapping chips, `answers`
    and `not_recorded` for a context factor (its first, empty choice set apart)."""

    @cached_property
    def _options(self) -> list[tuple[str, str, str]]:
        """(input, id, label) for each option, escaped, as the widget would draw them."""
        widget = self.field.widget
        id_ = widget.attrs.get("id") or self.auto_id
        attrs = widget.build_attrs(
            widget.attrs, self.build_widget_attrs({"id": id_} if id_ else {})
        )
        # The attributes around the id, which is numbered per option in its place.
        names = list(attrs)
        at = names.index("id") if "id" in attrs else len(names)
        before = attributes({name: attrs[name] for name in names[:at]})
        after = attributes({name: attrs[name] for name in names[at + 1 :]})
        name = escape_html(self.html_name)
        kind = widget.input_type
        chosen = widget.format_value(self.value())
        multiple = widget.allow_multiple_selected
        has_selected = False
        options: list[tuple[str, str, str]] = []
        for index, (value, label) in enumerate(widget.choices):
            value = "" if value is None else value
            selected = (not has_selected or multiple) and str(value) in chosen
            has_selected |= selected
            option_id = escape_html(f"{id_}_{index}" if id_ else id_)
            id_attribute = f' id="{option_id}"' if id_ else ""
            checked = " checked" if selected else ""
            options.append(
                (
                    f'<input type="{kind}" name="{name}" value="{escape_html(value)}"'
                    f"{before}{id_attribute}{after}{checked}>",
                    option_id,
                    escape_html(label),
                )
            )
        return options

    @staticmethod
    def _row(options, label_class: str) -> SafeString:
        # Every part is escaped above.
        return mark_safe(  # noqa: S308  # nosec B308 B703
            "".join(
                f'{tag}<label class="{label_class}" for="{option_id}">{label}</label>'
                for tag, option_id, label in options
            )
        )

    @property
    def buttons(self) -> SafeString:
        return self._row(self._options, SEGMENT)

    @property
    def chips(self) -> SafeString:
        return self._row(self._options, CHIP)

    @property
    def answers(self) -> SafeString:
        return self._row(self._options[1:], SEGMENT)

    @property
    def not_recorded(self) -> SafeString:
        return self._row(self._options[:1], CHIP)
