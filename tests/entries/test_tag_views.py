import pytest
from django.urls import reverse

from entries.forms import TagForm
from entries.models import Tag
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db


def test_it_adds_a_factor(alice, alice_client):
    response = alice_client.post(reverse("entries:tags"), {"name": "very tired"})

    assert response.status_code == 302
    assert Tag.objects.get(user=alice).name == "very tired"


def test_a_duplicate_name_is_a_field_error(alice_client, alice_tag):
    response = alice_client.post(reverse("entries:tags"), {"name": "After an Argument"})

    assert "already have a factor with that name" in str(response.context["form"].errors)
    assert Tag.objects.count() == 1


@pytest.fixture
def a_second_tap(monkeypatch):
    """The same name saved by another request after this one's check passed."""
    check = TagForm.clean_name

    def check_then_the_other_request_saves(form):
        name = check(form)
        Tag.objects.create(user=form.user, name=name.title())
        return name

    monkeypatch.setattr(TagForm, "clean_name", check_then_the_other_request_saves)


def test_a_double_tapped_add_is_the_same_field_error(alice, alice_client, a_second_tap, caplog):
    response = alice_client.post(reverse("entries:tags"), {"name": "new medication"})

    assert response.status_code == 200
    errors = response.context["form"].errors["name"]
    assert errors == ["You already have a factor with that name."]
    assert Tag.objects.filter(user=alice).count() == 1
    assert "medication" not in caplog.text.lower()


def test_a_rename_that_loses_a_race_is_a_field_error(alice_client, alice_tag, a_second_tap):
    url = reverse("entries:tag_update", args=[alice_tag.pk])

    response = alice_client.post(url, {"name": "argument"})

    assert response.status_code == 200
    assert "already have a factor with that name" in str(response.context["form"].errors)
    alice_tag.refresh_from_db()
    assert alice_tag.name == "after an argument"


def test_an_empty_name_is_a_field_error(alice_client):
    response = alice_client.post(reverse("entries:tags"), {"name": "   "})

    assert "This field is required" in str(response.context["form"].errors["name"])
    assert not Tag.objects.exists()


def test_it_renames_a_factor(alice_client, alice_tag):
    alice_client.post(reverse("entries:tag_update", args=[alice_tag.pk]), {"name": "argument"})

    alice_tag.refresh_from_db()
    assert alice_tag.name == "argument"


def test_removing_a_factor_keeps_the_entries(alice, alice_client, alice_tag):
    entry = EntryFactory(user=alice)
    entry.tags.add(alice_tag)

    alice_client.post(reverse("entries:tag_delete", args=[alice_tag.pk]))

    assert not Tag.objects.exists()
    assert list(entry.tags.all()) == []
    entry.refresh_from_db()


@pytest.mark.parametrize("name", ["entries:tag_update", "entries:tag_delete"])
def test_it_checks_ownership(charlie_client, alice_tag, name):
    url = reverse(name, args=[alice_tag.pk])

    assert charlie_client.get(url).status_code == 404
    assert charlie_client.post(url, {"name": "stolen"}).status_code == 404
    alice_tag.refresh_from_db()
    assert alice_tag.name == "after an argument"
