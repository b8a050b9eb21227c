"""A context factor the person did not answer stays empty ("not recorded") from the log
form to the entry page, and can be cleared again after it was answered."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from entries.forms import EntryForm
from entries.models import RECORDABLE_FACTORS, Entry
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db

# What the log form sends when only the first section was touched ("one tap, calm").
CALM_ONE_TAP = {
    "sadness": "0",
    "irritation": "0",
    "agitation": "0",
    "anxiety_after": "0",
    "occurred_at": "2026-11-20T22:15",
    "activity": "partnered",
}
ANSWERED = {
    "stress": "2",
    "low_mood": "0",
    "performance_anxiety": "1",
    "felt_vulnerable": "3",
    "relationship_tension": "4",
    "pain": "6",
    "memories_surfaced": "True",
    "alcohol_or_drugs": "False",
}


def _saved(client, data) -> Entry:
    response = client.post(reverse("entries:create"), data)
    assert response.status_code == 302
    return Entry.objects.get()


def test_an_untouched_factor_is_saved_as_not_recorded(alice_client):
    entry = _saved(alice_client, CALM_ONE_TAP)

    assert {name: getattr(entry, name) for name in RECORDABLE_FACTORS} == dict.fromkeys(
        RECORDABLE_FACTORS
    )


def test_answers_are_saved_as_given(alice_client):
    entry = _saved(alice_client, {**CALM_ONE_TAP, **ANSWERED})

    assert (entry.stress, entry.low_mood, entry.pain) == (2, 0, 6)
    assert entry.memories_surfaced is True
    assert entry.alcohol_or_drugs is False


def test_choosing_not_recorded_again_clears_an_answer(alice_client, alice):
    entry = EntryFactory(user=alice, stress=3, pain=5, memories_surfaced=True)
    cleared = {**CALM_ONE_TAP, "stress": "", "pain": "", "memories_surfaced": ""}

    response = alice_client.post(reverse("entries:update", args=[entry.pk]), cleared)

    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.stress, entry.pain, entry.memories_surfaced) == (None, None, None)


def test_the_form_offers_not_recorded_and_has_it_chosen_until_answered(alice):
    form = EntryForm(user=alice)

    for name in RECORDABLE_FACTORS:
        radios = list(form[name])
        assert radios[0].choice_label == "Not recorded", name
        assert radios[0].data["selected"], name


def test_a_typed_yes_no_value_is_refused_with_the_form_kept(alice_client):
    response = alice_client.post(
        reverse("entries:create"), {**CALM_ONE_TAP, "alcohol_or_drugs": "maybe"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["alcohol_or_drugs"] == [
        "Choose one of the answers shown."
    ]
    assert not Entry.objects.exists()


def test_the_folded_section_reads_not_recorded_until_something_is_answered(alice_client):
    page = alice_client.get(reverse("entries:create")).content.decode()

    assert '<span class="section-status" data-recorded-status>not recorded</span>' in page


def test_the_database_accepts_not_recorded_and_still_refuses_out_of_range(alice):
    entry = EntryFactory(user=alice, **dict.fromkeys(RECORDABLE_FACTORS))
    entry.full_clean()  # the check constraints pass with NULL

    with pytest.raises(ValidationError):
        Entry(user=alice, occurred_at=entry.occurred_at, pain=11).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Entry.objects.filter(pk=entry.pk).update(stress=7)


def test_the_entry_page_says_not_recorded(alice_client, alice):
    entry = EntryFactory(user=alice, stress=2)

    page = alice_client.get(reverse("entries:detail", args=[entry.pk])).content.decode()

    assert "<dt>Stress</dt><dd>Moderate</dd>" in page
    assert "<dt>Pain</dt><dd>Not recorded</dd>" in page
    assert "<dt>Low mood</dt><dd>Not recorded</dd>" in page
    assert "<dt>Alcohol or drugs</dt><dd>Not recorded</dd>" in page


def test_the_entry_page_still_shows_an_answered_no(alice_client, alice):
    entry = EntryFactory(user=alice, pain=0, alcohol_or_drugs=False)

    page = alice_client.get(reverse("entries:detail", args=[entry.pk])).content.decode()

    assert "<dt>Pain</dt><dd>0 of 10</dd>" in page
    assert "<dt>Alcohol or drugs</dt><dd>No</dd>" in page
