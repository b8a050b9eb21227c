"""Sign-up does not tell anyone which email addresses have accounts.

It asks for no email address at all: an address is added afterwards from the
account's settings, where it is verified by mail. A taken username is still refused
(usernames are how people log in, so they must be unique); SECURITY.md explains why
that is accepted.
"""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db

SIGNUP = {
    "username": "newperson",
    "password1": "a-quiet-evening-42",
    "password2": "a-quiet-evening-42",
}


@pytest.fixture
def alice_address(alice):
    return EmailAddress.objects.create(
        user=alice, email="alice@example.org", verified=True, primary=True
    )


def test_the_signup_form_asks_for_no_email_address(client):
    page = client.get(reverse("account_signup"))

    assert page.status_code == 200
    assert "email" not in page.context["form"].fields
    assert 'name="email"' not in page.content.decode()


def test_signing_up_with_a_known_address_reveals_nothing(client, alice_address):
    response = client.post(reverse("account_signup"), {**SIGNUP, "email": "alice@example.org"})

    assert response.status_code == 302
    assert "already registered" not in response.content.decode()
    newcomer = get_user_model().objects.get(username="newperson")
    assert newcomer.email == ""
    assert not EmailAddress.objects.filter(user=newcomer).exists()


def test_a_known_and_an_unknown_address_get_the_same_answer(client, alice_address):
    known = client.post(reverse("account_signup"), {**SIGNUP, "email": "alice@example.org"})
    client.logout()
    unknown = client.post(
        reverse("account_signup"),
        {**SIGNUP, "username": "otherperson", "email": "nobody@example.org"},
    )

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])


def test_a_taken_username_is_refused_as_documented(client, alice):
    response = client.post(reverse("account_signup"), {**SIGNUP, "username": "alice"})

    assert response.status_code == 200
    assert "A user with that username already exists." in response.content.decode()
