"""A passkey in software: makes and signs WebAuthn responses the way a phone does, so
tests can add a passkey and log in with it through allauth's real views."""

import json
import os
from dataclasses import dataclass, field
from hashlib import sha256

from allauth.mfa.models import Authenticator
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from django.test import Client
from django.urls import reverse
from fido2.cose import ES256
from fido2.utils import websafe_encode
from fido2.webauthn import (
    AttestationObject,
    AttestedCredentialData,
    AuthenticatorData,
    CollectedClientData,
)

from tests.security_helpers import reauthenticate

# The test client's host. WebAuthn needs a secure origin, so the phone says https.
TEST_ORIGIN = "https://testserver"
# User present (a touch) and user verified (fingerprint, face or screen lock).
_PRESENT = AuthenticatorData.FLAG.UP
_VERIFIED = AuthenticatorData.FLAG.UP | AuthenticatorData.FLAG.UV


@dataclass
class SoftPasskey:
    rp_id: str = "testserver"
    origin: str = TEST_ORIGIN
    credential_id: bytes = field(default_factory=lambda: os.urandom(32))
    private_key: ec.EllipticCurvePrivateKey = field(
        default_factory=lambda: ec.generate_private_key(ec.SECP256R1())
    )
    user_handle: str | None = None
    counter: int = 0

    def register(self, creation_options: dict) -> dict:
        """The credential a phone returns to navigator.credentials.create()."""
        options = creation_options["publicKey"]
        self.user_handle = options["user"]["id"]
        client_data = CollectedClientData.create(
            "webauthn.create", options["challenge"], self.origin
        )
        credential = AttestedCredentialData.create(
            b"\0" * 16,
            self.credential_id,
            ES256.from_cryptography_key(self.private_key.public_key()),
        )
        auth_data = AuthenticatorData.create(
            sha256(self.rp_id.encode()).digest(),
            _VERIFIED | AuthenticatorData.FLAG.AT,
            self.counter,
            credential,
        )
        return {
            "id": websafe_encode(self.credential_id),
            "rawId": websafe_encode(self.credential_id),
            "type": "public-key",
            "response": {
                "clientDataJSON": client_data.b64,
                "attestationObject": websafe_encode(
                    AttestationObject.create("none", auth_data, {})
                ),
            },
            "clientExtensionResults": {"credProps": {"rk": True}},
        }

    def sign_in(
        self, request_options: dict, *, origin: str | None = None, verified: bool = True
    ) -> dict:
        """The assertion a phone returns to navigator.credentials.get(); `origin` is the
        page that asked (a look-alike site), `verified` whether its owner unlocked it."""
        options = request_options["publicKey"]
        client_data = CollectedClientData.create(
            "webauthn.get", options["challenge"], origin or self.origin
        )
        self.counter += 1
        auth_data = AuthenticatorData.create(
            sha256(self.rp_id.encode()).digest(), _VERIFIED if verified else _PRESENT, self.counter
        )
        signature = self.private_key.sign(auth_data + client_data.hash, ec.ECDSA(hashes.SHA256()))
        return {
            "id": websafe_encode(self.credential_id),
            "rawId": websafe_encode(self.credential_id),
            "type": "public-key",
            "response": {
                "clientDataJSON": client_data.b64,
                "authenticatorData": websafe_encode(auth_data),
                "signature": websafe_encode(signature),
                "userHandle": self.user_handle,
            },
            "clientExtensionResults": {},
        }


def add_passkey(client: Client, passkey: SoftPasskey, *, name: str = "My phone") -> Authenticator:
    """Adds the passkey through Settings, as its owner would (password first)."""
    reauthenticate(client)
    page = client.get(reverse("mfa_add_webauthn"))
    credential = passkey.register(page.context["js_data"]["creation_options"])
    response = client.post(
        reverse("mfa_add_webauthn"),
        {"name": name, "passwordless": "on", "credential": json.dumps(credential)},
    )
    assert response.status_code == 302, "adding the passkey failed"
    return Authenticator.objects.filter(type=Authenticator.Type.WEBAUTHN).latest("pk")


def log_in_with_passkey(client: Client, passkey: SoftPasskey, **sign_in):
    """Presses "Log in with a passkey" on the login page; `sign_in` goes to sign_in()."""
    url = reverse("mfa_login_webauthn")
    options = client.get(url, HTTP_ACCEPT="application/json").json()
    assertion = passkey.sign_in(options["request_options"], **sign_in)
    return client.post(url, {"credential": json.dumps(assertion)})
