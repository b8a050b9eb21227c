import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db

SIGNUP = {
    "username": "newperson",
    "password1": "a-quiet-evening-42",
    "password2": "a-quiet-evening-42",
}


def test_people_can_sign_up_without_an_email(client):
    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 302
    assert get_user_model().objects.filter(username="newperson").exists()


def test_signup_can_be_switched_off(client, settings):
    settings.ALLOW_SIGNUP = False

    page = client.get(reverse("account_signup"))
    client.post(reverse("account_signup"), SIGNUP)

    assert "Sign-up is closed" in page.content.decode()
    assert not get_user_model().objects.filter(username="newperson").exists()


def test_mismatched_passwords_keep_the_username(client):
    response = client.post(reverse("account_signup"), {**SIGNUP, "password2": "different-1234"})

    assert response.status_code == 200
    assert 'value="newperson"' in response.content.decode()
    assert not get_user_model().objects.filter(username="newperson").exists()


def test_login_page_is_styled_and_works(client, alice, password):
    page = client.get(reverse("account_login"))
    response = client.post(reverse("account_login"), {"login": "alice", "password": password})

    assert "form-control" in page.content.decode()
    assert response.status_code == 302
    assert response["Location"] == reverse("insights:dashboard")
