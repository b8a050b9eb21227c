"""The log form's answers on buttons (entries.field_groups): each with its legend, help
text and errors tied to it, and rows kept once drawn that still follow the language
and what is chosen."""

import re

import pytest
from django.utils import translation

from entries.forms import EntryForm
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db


def test_a_yes_no_factor_is_laid_out_as_its_two_answers(alice):
    html = EntryForm(user=alice)["memories_surfaced"].as_field_group()

    assert '<div class="segmented segmented-2">' in html
    assert re.findall(r'for="id_memories_surfaced_\d">([^<]+)<', html) == [
        "No",
        "Yes",
        "Not recorded",
    ]


def test_a_refused_answer_is_described_by_its_error(alice):
    form = EntryForm({"sadness": "99"}, user=alice)
    form.is_valid()
    html = form["sadness"].as_field_group()

    assert 'aria-describedby="id_sadness_errors"' in html
    assert '<div class="field-errors" id="id_sadness_errors"><p class="invalid-feedback' in html
    assert 'aria-invalid="true"' in html


def test_help_text_is_tied_to_its_chips(alice):
    html = EntryForm(user=alice)["tags"].as_field_group()

    assert '<fieldset class="mb-3" aria-describedby="id_tags_help">' in html
    assert '<div class="form-text" id="id_tags_help">Tick any that applied.' in html
    assert "None yet." in html  # no factors of her own yet


def test_the_cried_toggle_is_one_labelled_check_box(alice):
    form = EntryForm({"cried": "on"}, user=alice)
    html = form["cried"].as_field_group()

    assert '<input type="checkbox" class="btn-check" name="cried" id="id_cried" checked>' in html
    assert '<label class="btn btn-segment btn-toggle" for="id_cried">' in html


def test_kept_rows_follow_the_language(alice):
    english = EntryForm(user=alice)["pain"].as_field_group()
    with translation.override("de"):
        german = EntryForm(user=alice)["pain"].as_field_group()

    assert "Not recorded" in english
    assert "Nicht erfasst" in german
    assert "Not recorded" not in german


def test_kept_rows_follow_what_is_chosen(alice):
    fresh = EntryForm(user=alice)["pain"].as_field_group()
    entry = EntryFactory(user=alice, pain=3)
    edited = EntryForm(instance=entry, user=alice)["pain"].as_field_group()

    assert 'value="" class="btn-check" id="id_pain_0" checked>' in fresh
    assert 'value="3" class="btn-check" id="id_pain_4" checked>' in edited
    assert 'id="id_pain_0" checked>' not in edited
