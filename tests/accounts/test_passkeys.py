"""Passkeys (allauth's WebAuthn): adding, naming and removing one in Settings, logging in
with it without a password, and using it as the second step after a password. A software
passkey (tests/soft_passkey.py) signs what a phone would."""

import json

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import reverse

from tests.security_helpers import forget_rate_limits, reauthenticate
from tests.soft_passkey import SoftPasskey

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    forget_rate_limits()


def add_passkey(client: Client, passkey: SoftPasskey, *, name: str = "My phone") -> Authenticator:
    reauthenticate(client)
    page = client.get(reverse("mfa_add_webauthn"))
    credential = passkey.register(page.context["js_data"]["creation_options"])
    response = client.post(
        reverse("mfa_add_webauthn"),
        {"name": name, "passwordless": "on", "credential": json.dumps(credential)},
    )
    assert response.status_code == 302, response.content.decode()
    return Authenticator.objects.filter(type=Authenticator.Type.WEBAUTHN).latest("pk")


def log_in_with_passkey(client: Client, passkey: SoftPasskey, **sign_in):
    options = client.get(reverse("mfa_login_webauthn"), HTTP_ACCEPT="application/json").json()
    assertion = passkey.sign_in(options["request_options"], **sign_in)
    return client.post(reverse("mfa_login_webauthn"), {"credential": json.dumps(assertion)})


def test_a_passkey_logs_in_without_a_password(alice, alice_client):
    passkey = SoftPasskey()
    add_passkey(alice_client, passkey)
    client = Client()

    response = log_in_with_passkey(client, passkey)

    assert response.status_code == 302
    assert response["Location"] == reverse("insights:dashboard")
    assert client.get(reverse("entries:list")).status_code == 200
