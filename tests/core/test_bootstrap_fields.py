"""Fields written by pct_journal.bootstrap_fields are what crispy-forms' Bootstrap 5
templates drew: the same elements, attributes and text, whitespace aside."""

from html.parser import HTMLParser

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field

from entries.forms import EntryFilterForm, EntryForm
from insights.guide.forms import PartnerGuideForm
from pct_journal.bootstrap_fields import BootstrapField
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.parts.append(f"<{tag} {attrs!r}>")

    def handle_endtag(self, tag):
        self.parts.append(f"</{tag}>")

    def handle_data(self, data):
        if data.split():
            self.parts.append(" ".join(data.split()))


def _elements(html: str) -> list[str]:
    parser = _Elements()
    parser.feed(html)
    return parser.parts


def _as_both(make_form, name: str) -> tuple[list[str], list[str]]:
    # Two forms: crispy-forms adds its classes to the widget it draws.
    crispy, ours = make_form(), make_form()
    for form in (crispy, ours):
        form.is_valid()
    field = ours[name]
    written = BootstrapField(field.form, field.field, field.name).as_field_group()
    return _elements(as_crispy_field(crispy[name])), _elements(written)


def _forms(user):
    PartnerFactory(user=user, nickname="Sam <b>&</b>")
    return {
        "log form, empty": lambda: EntryForm(user=user),
        "log form, sent back": lambda: EntryForm(
            {
                "occurred_at": "nonsense",
                "episode_minutes": "abc",
                "new_partner": "x" * 300,
                "notes": '<b>mine</b> & "quoted"',
                "partner": "not-a-partner",
            },
            user=user,
        ),
        "list filters": lambda: EntryFilterForm(
            {"start": "bad", "end": "2026-01-01", "episodes": "on", "date": "x"}, user=user
        ),
        "guide, chosen": lambda: PartnerGuideForm(
            {"wishes": ["closeness", "talking"], "avoid": "<i>this</i>", "include_coping": "on"}
        ),
        "guide, refused": lambda: PartnerGuideForm({"wishes": ["nope"], "wish_other": "x" * 3000}),
    }


CRISPY_FIELDS = {
    "log form, empty": [
        "occurred_at",
        "partner",
        "new_partner",
        "new_tag",
        "episode_minutes",
        "notes",
    ],
    "log form, sent back": ["occurred_at", "partner", "new_partner", "episode_minutes", "notes"],
    "list filters": ["start", "end", "partner", "episodes", "date"],
    "guide, chosen": ["wishes", "wish_other", "avoid", "include_coping", "include_wishes"],
    "guide, refused": ["wishes", "wish_other", "avoid", "include_avoid"],
}


@pytest.mark.parametrize("case", list(CRISPY_FIELDS), ids=list(CRISPY_FIELDS))
def test_a_field_is_written_as_crispy_forms_drew_it(alice, case):
    make_form = _forms(alice)[case]

    for name in CRISPY_FIELDS[case]:
        crispy, ours = _as_both(make_form, name)
        assert ours == crispy, name


def test_what_a_person_typed_is_escaped(alice):
    form = EntryForm({"notes": "<script>x</script>", "new_tag": '"><b>'}, user=alice)
    form.is_valid()

    assert "<script>" not in form["notes"].as_field_group()
    assert "&lt;script&gt;x&lt;/script&gt;" in form["notes"].as_field_group()
    assert 'value="&quot;&gt;&lt;b&gt;"' in form["new_tag"].as_field_group()
