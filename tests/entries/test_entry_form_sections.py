"""The edit form opens the folded sections that hold answers; the log form keeps them
folded."""

import pytest
from django.urls import reverse

from tests.factories import EntryFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def _open_sections(response) -> set[str]:
    return {
        group["section"].key
        for group in response.context["form"].sections()
        if group["open"] and group["section"].folded
    }


def test_the_edit_form_opens_the_sections_that_hold_answers(alice_client, alice):
    entry = EntryFactory(user=alice, pain=5, notes="a note")

    response = alice_client.get(reverse("entries:update", args=[entry.pk]))

    assert _open_sections(response) == {"context", "notes"}
    assert '<details class="form-section card mb-3" open>' in response.content.decode()


def test_an_answered_zero_or_no_counts_as_an_answer(alice_client, alice):
    entry = EntryFactory(user=alice, alcohol_or_drugs=False, satisfaction=0)

    response = alice_client.get(reverse("entries:update", args=[entry.pk]))

    assert _open_sections(response) == {"context", "experience"}


def test_the_edit_form_keeps_unanswered_sections_folded(alice_client, alice):
    entry = EntryFactory(user=alice)

    response = alice_client.get(reverse("entries:update", args=[entry.pk]))

    assert _open_sections(response) == set()


def test_a_partner_opens_when_and_with_whom(alice_client, alice):
    entry = EntryFactory(user=alice, partner=PartnerFactory(user=alice))

    response = alice_client.get(reverse("entries:update", args=[entry.pk]))

    assert _open_sections(response) == {"when"}


def test_the_log_form_stays_folded_even_with_a_remembered_partner(alice_client, alice):
    EntryFactory(user=alice, partner=PartnerFactory(user=alice), pain=5)

    response = alice_client.get(reverse("entries:create"))

    assert _open_sections(response) == set()


def test_the_summary_line_counts_the_answers(alice_client, alice):
    entry = EntryFactory(user=alice, pain=5, stress=0)

    page = alice_client.get(reverse("entries:update", args=[entry.pk])).content.decode()

    assert '<span class="section-status" data-recorded-status>2 answered</span>' in page
