"""Symmetric encryption for text kept at rest (journal notes).

Keys come from settings.FIELD_ENCRYPTION_KEYS, newest first, independent of SECRET_KEY.
MultiFernet encrypts with the first key and decrypts with any, which is what makes
rotation possible: add a new key in front, run `manage.py rotate_encryption_keys`,
then drop the old key.
"""

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class DecryptionError(Exception):
    """A stored value could not be decrypted with any configured key."""


@lru_cache(maxsize=4)
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty.")
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "Each FIELD_ENCRYPTION_KEYS entry must be a Fernet key "
            "(32 url-safe base64-encoded bytes)."
        ) from error


def _fernet() -> MultiFernet:
    return _fernet_for(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt_text(plaintext: str) -> str:
    return _fernet().encrypt(plaintext.encode()).decode()


def decrypt_text(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        # Never hand ciphertext back as if it were the note.
        raise DecryptionError(
            "A stored note could not be decrypted with any key in "
            "DJANGO_FIELD_ENCRYPTION_KEYS. Is a key missing or wrong?"
        ) from None


@lru_cache(maxsize=4)
def _newest_fernet(key: str) -> Fernet:
    return Fernet(key.encode())


def is_under_newest_key(token: str) -> bool:
    """Whether the newest key alone decrypts the token (rotation can leave it alone)."""
    _fernet()  # validates the configured keys, failing loudly if there are none
    try:
        _newest_fernet(settings.FIELD_ENCRYPTION_KEYS[0]).decrypt(token.encode())
    except InvalidToken:
        return False
    return True


def reencrypt_text(token: str) -> str:
    """The same plaintext, encrypted under the newest key."""
    try:
        return _fernet().rotate(token.encode()).decode()
    except InvalidToken:
        raise DecryptionError("A stored note could not be decrypted for rotation.") from None
