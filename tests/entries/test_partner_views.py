import pytest
from django.urls import reverse

from entries.forms import PartnerForm
from entries.models import Entry, Partner
from tests.factories import EntryFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def test_it_adds_a_partner(alice, alice_client):
    response = alice_client.post(
        reverse("entries:partners"), {"nickname": " Robin ", "active": "on"}
    )

    assert response.status_code == 302
    assert Partner.objects.get(user=alice).nickname == "Robin"


def test_a_duplicate_nickname_is_a_field_error(alice_client, alice_partner):
    response = alice_client.post(reverse("entries:partners"), {"nickname": "sam"})

    assert "already have a partner called that" in str(response.context["form"].errors)
    assert response.context["form"]["nickname"].value() == "sam"
    assert Partner.objects.count() == 1


@pytest.fixture
def a_second_tap(monkeypatch):
    """The same nickname saved by another request after this one's check passed."""
    check = PartnerForm.clean_nickname

    def check_then_the_other_request_saves(form):
        nickname = check(form)
        Partner.objects.create(user=form.user, nickname=nickname.upper())
        return nickname

    monkeypatch.setattr(PartnerForm, "clean_nickname", check_then_the_other_request_saves)


def test_a_double_tapped_add_is_the_same_field_error(alice, alice_client, a_second_tap, caplog):
    response = alice_client.post(reverse("entries:partners"), {"nickname": "Robin"})

    assert response.status_code == 200
    errors = response.context["form"].errors["nickname"]
    assert errors == ["You already have a partner called that."]
    assert list(Partner.objects.filter(user=alice).values_list("nickname", flat=True)) == ["ROBIN"]
    assert "Robin" not in caplog.text and "ROBIN" not in caplog.text


def test_a_rename_that_loses_a_race_is_a_field_error(alice_client, alice_partner, a_second_tap):
    url = reverse("entries:partner_update", args=[alice_partner.pk])

    response = alice_client.post(url, {"nickname": "Robin", "active": "on"})

    assert response.status_code == 200
    assert "already have a partner called that" in str(response.context["form"].errors)
    assert "Edit Sam" in response.content.decode()
    alice_partner.refresh_from_db()
    assert alice_partner.nickname == "Sam"


def test_the_same_nickname_is_fine_for_another_user(bob, alice_client, alice):
    PartnerFactory(user=bob, nickname="Sam")

    alice_client.post(reverse("entries:partners"), {"nickname": "Sam", "active": "on"})

    assert Partner.objects.filter(user=alice, nickname="Sam").exists()


def test_an_overlong_nickname_is_a_field_error(alice_client):
    response = alice_client.post(reverse("entries:partners"), {"nickname": "x" * 61})

    assert "at most 60 characters" in str(response.context["form"].errors["nickname"])
    assert not Partner.objects.exists()


def test_the_list_shows_only_my_partners_with_counts(alice, alice_client, alice_partner, bob):
    EntryFactory.create_batch(2, user=alice, partner=alice_partner)
    PartnerFactory(user=bob, nickname="Bobs-friend")

    content = alice_client.get(reverse("entries:partners")).content.decode()

    assert "Sam" in content and "2 entries" in content
    assert "Bobs-friend" not in content


def test_it_deactivates_a_partner(alice_client, alice_partner):
    url = reverse("entries:partner_update", args=[alice_partner.pk])

    alice_client.post(url, {"nickname": "Sam"})

    alice_partner.refresh_from_db()
    assert not alice_partner.active


def test_removing_a_partner_keeps_their_entries(alice, alice_client, alice_partner):
    entry = EntryFactory(user=alice, partner=alice_partner)

    alice_client.post(reverse("entries:partner_delete", args=[alice_partner.pk]))

    assert not Partner.objects.exists()
    assert Entry.objects.get(pk=entry.pk).partner is None


@pytest.mark.parametrize("name", ["entries:partner_update", "entries:partner_delete"])
def test_it_checks_ownership(charlie_client, alice_partner, name):
    url = reverse(name, args=[alice_partner.pk])

    assert charlie_client.get(url).status_code == 404
    assert charlie_client.post(url, {"nickname": "Stolen"}).status_code == 404
    alice_partner.refresh_from_db()
    assert alice_partner.nickname == "Sam"
