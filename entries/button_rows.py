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
from django.utils.functional import Promise, cached_property
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from pct_journal.bootstrap_fields import attributes, escape_html

SEGMENT = "btn btn-segment"
CHIP = "btn btn-segment btn-chip"
# Rows whose labels are all the code's own translatable texts (never a person's words),
# kept once drawn: a row follows from the language, its attributes, what is chosen and
# its choices. Far more than the log form's rows in their states; a bound all the same.
MAX_DRAWN_ROWS = 1024
_drawn_rows: dict[tuple, tuple[tuple[str, str, str], ...]] = {}

Option = tuple[str, str, str]


class _SameLabel:
    """A label in a key by identity, without translating it. Holding the label keeps
    its id from going to another object while the key exists."""

    __slots__ = ("label",)

    def __init__(self, label: Promise):
        self.label = label

    def __hash__(self) -> int:
        return id(self.label)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _SameLabel) and other.label is self.label


class ButtonRowField(BoundField):
    """A choice field (radio or checkbox buttons, flat choices) whose options are drawn
    as buttons: `buttons` for a row of segments, `chips` for wrapping chips, `answers`
    and `not_recorded` for a context factor (its first, empty choice set apart)."""

    @cached_property
    def _options(self) -> tuple[Option, ...]:
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
        choices = list(widget.choices)
        if not all(isinstance(label, Promise) for _, label in choices):
            return self._draw(choices, name, id_, kind, before, after, chosen, multiple)
        key = (
            get_language(),
            *(name, id_, kind, before, after, tuple(chosen), multiple),
            tuple((value, _SameLabel(label)) for value, label in choices),
        )
        options = _drawn_rows.get(key)
        if options is None:
            options = self._draw(choices, name, id_, kind, before, after, chosen, multiple)
            if len(_drawn_rows) >= MAX_DRAWN_ROWS:
                _drawn_rows.clear()
            _drawn_rows[key] = options
        return options

    @staticmethod
    def _draw(choices, name, id_, kind, before, after, chosen, multiple) -> tuple[Option, ...]:
        has_selected = False
        options: list[Option] = []
        for index, (value, label) in enumerate(choices):
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
        return tuple(options)

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
