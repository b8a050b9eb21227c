"""The writes in entries/services.py when two requests race: a double-tapped Save sends
the same new partner or factor twice, and the second must not become a server error."""

import pytest
from django.db import transaction

from entries import services
from entries.models import Entry, Partner, Tag
from tests.factories import PartnerFactory, TagFactory

pytestmark = pytest.mark.django_db


def test_creating_the_same_partner_twice_says_the_name_is_taken(alice):
    services.partner_create(user=alice, nickname="Robin")

    with pytest.raises(services.NameTaken) as raised:
        services.partner_create(user=alice, nickname="robin")

    # Nothing from the database (whose message quotes the nickname) rides along.
    assert raised.value.__suppress_context__
    assert list(Partner.objects.filter(user=alice).values_list("nickname", flat=True)) == ["Robin"]


def test_creating_the_same_factor_twice_says_the_name_is_taken(alice):
    services.tag_create(user=alice, name="new medication")

    with pytest.raises(services.NameTaken):
        services.tag_create(user=alice, name="New Medication")

    assert Tag.objects.filter(user=alice).count() == 1


def test_renaming_onto_another_name_says_it_is_taken(alice, alice_partner, alice_tag):
    robin = PartnerFactory(user=alice, nickname="Robin")
    argument = TagFactory(user=alice, name="argument")

    with pytest.raises(services.NameTaken):
        services.partner_update(partner=robin, nickname="SAM", active=True)
    with pytest.raises(services.NameTaken):
        services.tag_update(tag=argument, name="After an argument")

    robin.refresh_from_db()
    argument.refresh_from_db()
    assert (robin.nickname, argument.name) == ("Robin", "argument")


def test_a_clash_leaves_the_rest_of_the_transaction_usable(alice):
    # Inside a request's transaction (as under ATOMIC_REQUESTS or an import), PostgreSQL
    # refuses every query after an error unless the failed insert had its own savepoint.
    with transaction.atomic():
        services.tag_create(user=alice, name="tired")
        with pytest.raises(services.NameTaken):
            services.tag_create(user=alice, name="tired")
        services.tag_create(user=alice, name="rested")

    assert sorted(Tag.objects.filter(user=alice).values_list("name", flat=True)) == [
        "rested",
        "tired",
    ]


def test_a_new_partner_typed_in_two_entries_at_once_is_one_partner(alice, monkeypatch):
    # The other request creates "Robin" between this one's look-up and its insert.
    real_create = services.partner_create

    def the_other_tap_wins(*, user, nickname, **kwargs):
        real_create(user=user, nickname=nickname)
        return real_create(user=user, nickname=nickname, **kwargs)

    monkeypatch.setattr(services, "partner_create", the_other_tap_wins)
    fields = {"occurred_at": "2026-11-20T22:15+00:00"}

    entry = services.entry_create(user=alice, new_partner="Robin", **fields)

    robin = Partner.objects.get(user=alice)
    assert robin.nickname == "Robin"
    assert Entry.objects.get(pk=entry.pk).partner == robin
