"""The log form's button rows are exactly what Django's own widget templates write."""

import pytest
from django.utils.html import conditional_escape

from entries.button_rows import CHIP, SEGMENT, ButtonRowField
from entries.forms import EntryForm
from tests.factories import EntryFactory, PartnerFactory, TagFactory

pytestmark = pytest.mark.django_db


def _as_django_writes_it(field, label_class: str, options=None) -> str:
    # What the field templates wrote with {{ option.tag }} and {{ option.choice_label }}.
    return "".join(
        f'{option.tag()}<label class="{label_class}" for="{option.id_for_label}">'
        f"{conditional_escape(option.choice_label)}</label>"
        for option in (options if options is not None else list(field))
    )


def _button_fields(form) -> list:
    return [form[name] for name in form.fields if isinstance(form[name], ButtonRowField)]


def _forms(user):
    TagFactory(user=user, name="after <b>work</b> & rest")
    PartnerFactory(user=user)
    entry = EntryFactory(user=user, pain=5, alcohol_or_drugs=False, satisfaction=0)
    sent = {"pain": "99", "memories_surfaced": "maybe", "coping": ["talked", "nope"]}
    return [
        EntryForm(user=user),
        EntryForm(instance=entry, user=user),
        EntryForm(sent, user=user),
    ]


def test_every_button_row_matches_the_widget_templates(alice):
    for form in _forms(alice):
        if form.is_bound:
            form.is_valid()  # so the fields carry their errors (aria-invalid)
        fields = _button_fields(form)
        assert len(fields) > 15
        for field in fields:
            assert field.buttons == _as_django_writes_it(field, SEGMENT)
            assert field.chips == _as_django_writes_it(field, CHIP)


def test_a_factor_sets_its_not_recorded_answer_apart(alice):
    form = EntryForm(user=alice)
    pain = form["pain"]
    options = list(pain)

    assert pain.not_recorded == _as_django_writes_it(pain, CHIP, options[:1])
    assert pain.answers == _as_django_writes_it(pain, SEGMENT, options[1:])
    assert 'value="" class="btn-check" id="id_pain_0" checked>' in pain.not_recorded


def test_a_factor_name_is_escaped(alice):
    form = EntryForm(user=alice)
    TagFactory(user=alice, name="<script>x</script>")

    assert "&lt;script&gt;x&lt;/script&gt;" in form["tags"].chips
    assert "<script>" not in form["tags"].chips
