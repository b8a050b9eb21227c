import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.services import preferences_for
from tests.factories import EntryFactory, PartnerFactory, TagFactory

pytestmark = pytest.mark.django_db


def _models_owned_by_users():
    """Every model with a foreign key or one-to-one to the user model."""
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                field.is_relation
                and field.concrete
                and field.related_model is get_user_model()
                and model is not get_user_model()
            ):
                yield model, field.name


def _fill_journal(user):
    partner = PartnerFactory(user=user)
    tag = TagFactory(user=user)
    entry = EntryFactory(user=user, partner=partner, notes="private")
    entry.tags.add(tag)
    preferences_for(user)


def test_it_deletes_every_row_the_user_owns(alice, alice_client, bob, password):
    _fill_journal(alice)
    _fill_journal(bob)

    response = alice_client.post(
        reverse("accounts:delete"), {"password": password, "confirm": "on"}
    )

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=alice.pk).exists()
    checked = []
    for model, field in _models_owned_by_users():
        assert not model.objects.filter(**{field: alice.pk}).exists(), model
        checked.append(model._meta.label)
    assert {"entries.Entry", "entries.Partner", "entries.Tag"} <= set(checked)
    assert get_user_model().objects.filter(pk=bob.pk).exists()
    assert bob.entries.count() == 1


def test_it_ends_the_session(alice, alice_client, password):
    alice_client.post(reverse("accounts:delete"), {"password": password, "confirm": "on"})

    response = alice_client.get(reverse("entries:list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        pytest.param({"password": "wrong", "confirm": "on"}, "password", "not right", id="wrong"),
        pytest.param({"password": "x"}, "confirm", "This field is required", id="unconfirmed"),
    ],
)
def test_it_refuses_without_the_password_and_confirmation(
    alice, alice_client, data, field, message
):
    _fill_journal(alice)

    response = alice_client.post(reverse("accounts:delete"), data)

    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert alice.entries.count() == 1
