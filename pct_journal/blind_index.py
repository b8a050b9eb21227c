"""A keyed blind index: how an encrypted name can still be unique and found.

Partner nicknames and factor names are stored encrypted with a random IV, so two
encryptions of one name differ and the database can neither compare nor sort them.
Beside each name goes an HMAC-SHA256 of its normalised form (stripped and casefolded,
so "Sam" and " sam" are one name), under a key derived from the newest field
encryption key. The database puts its unique constraint on that column, and a lookup
by name is a lookup by index.

The user's id is part of what is hashed, so two people who both have a partner called
"Sam" get different index values: the column says nothing about which people share a
name. Without the field key the index cannot be computed, so it cannot be used to test
guesses either.
"""

import base64
import hashlib
import hmac
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Separates the index key from anything else ever derived from a field key.
INDEX_KEY_CONTEXT = b"pct-journal blind index v1"


def normalised_name(name: str) -> str:
    """How names are compared: "Sam", "SAM " and "sam" are one name."""
    return name.strip().casefold()


@lru_cache(maxsize=8)
def _index_key(field_key: str) -> bytes:
    try:
        secret = base64.urlsafe_b64decode(field_key.encode())
    except ValueError:  # binascii.Error is one
        secret = b""
    if len(secret) != 32:
        raise ImproperlyConfigured(
            "Each FIELD_ENCRYPTION_KEYS entry must be a Fernet key "
            "(32 url-safe base64-encoded bytes)."
        )
    # HMAC as a one-step key derivation: a Fernet key is already 32 random bytes.
    return hmac.new(secret, INDEX_KEY_CONTEXT, hashlib.sha256).digest()


def blind_index_under(field_key: str, *, user_id: int, name: str) -> str:
    """The index of one user's name under one field encryption key (64 hex digits)."""
    message = f"{user_id}\x00{normalised_name(name)}".encode()
    return hmac.new(_index_key(field_key), message, hashlib.sha256).hexdigest()


def blind_index(*, user_id: int, name: str) -> str:
    """The index to store: under the newest key, like the encryption itself."""
    return blind_index_under(settings.FIELD_ENCRYPTION_KEYS[0], user_id=user_id, name=name)


def blind_indexes(*, user_id: int, name: str) -> list[str]:
    """The index under every configured key, for lookups.

    Between adding a new key and running rotate_encryption_keys, rows still carry the
    index of an older key; looking up every key's index finds them all the same."""
    return [
        blind_index_under(key, user_id=user_id, name=name) for key in settings.FIELD_ENCRYPTION_KEYS
    ]
