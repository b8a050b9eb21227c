"""Partner nicknames, factor names and share-link labels are ciphertext in the
database; a keyed blind index keeps names unique per person, whatever the case."""

import datetime as dt
from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from entries.models import Partner, Tag
from entries.services import entry_create, partner_get_or_create
from insights.ranges import SelectedRange
from insights.summary.options import SummaryOptions
from pct_journal.blind_index import blind_index_under
from pct_journal.date_range import DateRange
from sharing.services import share_link_create
from tests.factories import PartnerFactory, TagFactory

pytestmark = pytest.mark.django_db


def _raw(table: str, column: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608  (fixed names)
        return [value for (value,) in cursor.fetchall()]


def _decrypts_with(key: str, token: str) -> str:
    return Fernet(key.encode()).decrypt(token.encode()).decode()


def _share_link(user, label: str):
    all_time = SelectedRange("all", "All time", DateRange(None, None))
    link, _token = share_link_create(
        user=user, options=SummaryOptions(period=all_time), days=14, label=label
    )
    return link


@pytest.fixture
def old_key(settings):
    key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [key]
    return key


def test_names_and_labels_are_ciphertext_in_the_database(alice, old_key):
    PartnerFactory(user=alice, nickname="Robin")
    TagFactory(user=alice, name="after the wedding")
    _share_link(alice, "Dr Okafor")

    stored = {
        "nickname": _raw("entries_partner", "nickname"),
        "name": _raw("entries_tag", "name"),
        "label": _raw("sharing_sharelink", "label"),
    }

    assert {
        column: [_decrypts_with(old_key, v) for v in values] for column, values in stored.items()
    } == {
        "nickname": ["Robin"],
        "name": ["after the wedding"],
        "label": ["Dr Okafor"],
    }
    assert "Robin" not in stored["nickname"][0]


def test_a_nickname_in_another_case_is_a_field_error_and_the_typed_value_stays(alice, alice_client):
    PartnerFactory(user=alice, nickname="Élodie")

    response = alice_client.post(
        reverse("entries:partners"), {"nickname": "éLODIE", "active": "on"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "nickname": ["You already have a partner called that."]
    }
    assert 'value="éLODIE"' in response.content.decode()
    assert Partner.objects.filter(user=alice).count() == 1


def test_a_factor_name_that_casefolds_to_a_taken_one_is_a_field_error(alice, alice_client):
    TagFactory(user=alice, name="Straße")

    response = alice_client.post(reverse("entries:tags"), {"name": "  STRASSE "})

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "name": ["You already have a factor with that name."]
    }
    assert [tag.name for tag in Tag.objects.filter(user=alice)] == ["Straße"]


def test_the_database_refuses_a_second_name_that_only_differs_in_case(alice):
    TagFactory(user=alice, name="new medication")

    with pytest.raises(IntegrityError), transaction.atomic():
        Tag.objects.create(user=alice, name="New Medication ")


def test_the_same_factor_name_is_fine_for_two_people_and_their_index_differs(
    alice, bob, alice_client
):
    bobs = TagFactory(user=bob, name="after an argument")

    response = alice_client.post(reverse("entries:tags"), {"name": "After an argument"})

    assert response.status_code == 302
    (alices,) = Tag.objects.filter(user=alice)
    assert alices.name == "After an argument"
    assert alices.name_index != bobs.name_index


def test_a_rename_keeps_the_index_in_step(alice, alice_client):
    partner = PartnerFactory(user=alice, nickname="Sam")

    alice_client.post(
        reverse("entries:partner_update", args=[partner.pk]), {"nickname": "Alex", "active": "on"}
    )

    assert partner_get_or_create(user=alice, nickname="alex").pk == partner.pk
    assert partner_get_or_create(user=alice, nickname="sam").pk != partner.pk


def test_a_nickname_typed_in_the_log_form_finds_the_partner_in_any_case(alice):
    partner = PartnerFactory(user=alice, nickname="Robin")

    entry = entry_create(
        user=alice, occurred_at=dt.datetime(2026, 5, 1, tzinfo=dt.UTC), new_partner="ROBIN"
    )

    assert entry.partner == partner
    assert Partner.objects.filter(user=alice).count() == 1


def test_lists_of_names_are_in_alphabetical_order(alice, alice_client):
    for name in ("carl", "Ada", "bea"):
        PartnerFactory(user=alice, nickname=name)
        TagFactory(user=alice, name=f"{name} factor")
    PartnerFactory(user=alice, nickname="Aaron", active=False)

    partners = alice_client.get(reverse("entries:partners")).context["things"]
    tags = alice_client.get(reverse("entries:tags")).context["things"]
    form = alice_client.get(reverse("entries:create")).context["form"]

    assert [p.nickname for p in partners] == ["Ada", "bea", "carl", "Aaron"]
    assert [t.name for t in tags] == ["Ada factor", "bea factor", "carl factor"]
    assert [label for _, label in form.fields["partner"].choices][1:] == ["Ada", "bea", "carl"]
    assert [label for _, label in form.fields["tags"].choices] == [
        "Ada factor",
        "bea factor",
        "carl factor",
    ]


def test_rotation_re_encrypts_names_and_labels_and_lookups_still_work(
    alice, alice_client, old_key, settings
):
    partner = PartnerFactory(user=alice, nickname="Robin")
    tag = TagFactory(user=alice, name="after the wedding")
    _share_link(alice, "Dr Okafor")
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]

    out = StringIO()
    call_command("rotate_encryption_keys", stdout=out)
    settings.FIELD_ENCRYPTION_KEYS = [new_key]  # the old key is gone

    assert "entries.Partner.nickname: 1 of 1 re-encrypted" in out.getvalue()
    assert [_decrypts_with(new_key, v) for v in _raw("entries_partner", "nickname")] == ["Robin"]
    assert [_decrypts_with(new_key, v) for v in _raw("entries_tag", "name")] == [
        "after the wedding"
    ]
    assert [_decrypts_with(new_key, v) for v in _raw("sharing_sharelink", "label")] == ["Dr Okafor"]
    assert _raw("entries_tag", "name_index") == [
        blind_index_under(new_key, user_id=alice.pk, name="after the wedding")
    ]
    assert partner_get_or_create(user=alice, nickname="robin").pk == partner.pk
    response = alice_client.post(reverse("entries:tags"), {"name": "After The Wedding"})
    assert response.context["form"].errors == {
        "name": ["You already have a factor with that name."]
    }
    assert list(Tag.objects.filter(user=alice)) == [tag]


def test_a_second_rotation_changes_nothing(alice, old_key, settings):
    PartnerFactory(user=alice, nickname="Robin")
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), old_key]
    call_command("rotate_encryption_keys", stdout=StringIO())

    out = StringIO()
    call_command("rotate_encryption_keys", stdout=out)

    assert "entries.Partner.nickname: 0 of 1 re-encrypted" in out.getvalue()


def test_names_are_found_before_rotation_under_a_new_key(alice, alice_client, old_key, settings):
    PartnerFactory(user=alice, nickname="Robin")
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), old_key]

    response = alice_client.post(reverse("entries:partners"), {"nickname": "robin", "active": "on"})

    assert response.context["form"].errors == {
        "nickname": ["You already have a partner called that."]
    }


def test_comparing_a_name_in_the_database_is_refused_rather_than_matching_nothing(alice):
    with pytest.raises(NotImplementedError):
        list(Partner.objects.filter(user=alice, nickname="Robin"))
