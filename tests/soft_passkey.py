"""A passkey in software: makes and signs WebAuthn responses the way a phone does, so
tests can add a passkey and log in with it through allauth's real views."""

import os
from dataclasses import dataclass, field
from hashlib import sha256

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from fido2.cose import ES256
from fido2.utils import websafe_encode
from fido2.webauthn import (
    AttestationObject,
    AttestedCredentialData,
    AuthenticatorData,
    CollectedClientData,
)

# The test client's host. WebAuthn needs a secure origin, so the phone says https.
TEST_ORIGIN = "https://testserver"
_FLAGS = AuthenticatorData.FLAG.UP | AuthenticatorData.FLAG.UV


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
            _FLAGS | AuthenticatorData.FLAG.AT,
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

    def sign_in(self, request_options: dict, *, origin: str | None = None) -> dict:
        """The assertion a phone returns to navigator.credentials.get()."""
        options = request_options["publicKey"]
        client_data = CollectedClientData.create(
            "webauthn.get", options["challenge"], origin or self.origin
        )
        self.counter += 1
        auth_data = AuthenticatorData.create(
            sha256(self.rp_id.encode()).digest(), _FLAGS, self.counter
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
