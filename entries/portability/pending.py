"""A read import waiting for the person to confirm it, kept encrypted for an hour.

Between the preview and the confirmation the file's contents must live somewhere. Not in
a hidden form field: a backup of up to 10 MB would pass Django's limit on form data
(DATA_UPLOAD_MAX_MEMORY_SIZE) and would travel to the browser and back. Instead it waits
in the "derived" cache, encrypted (AES-256-GCM) with the person's own cache secret and
bound to a key made of their account and a random token, like every chart
(pct_journal.chart_cache). The form carries only the token: another account, or a
changed token, finds nothing; deleting the account makes what is left unreadable; the
cache drops it after PENDING_SECONDS, and Cancel drops it at once.
"""

import json
import os
import secrets
import zlib

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.contrib.auth.models import User
from django.core.cache import caches

from accounts.services import preferences_for
from entries.portability.imports import ReadImport

CACHE_ALIAS = "derived"
PENDING_SECONDS = 60 * 60
NONCE_BYTES = 12


def _key(user: User, token: str) -> str:
    # The account's id with the moment it was made, as chart keys do: an id handed to a
    # new account after a database reset never meets an old pending import.
    return f"import:user={user.pk}.{user.date_joined.timestamp():.6f}:{token}"


def _secret(user: User) -> bytes:
    return bytes.fromhex(preferences_for(user).cache_secret)


def pending_import_keep(*, user: User, read: ReadImport) -> str:
    """Keeps `read` for the confirmation; returns the token the form carries."""
    token = secrets.token_urlsafe(24)
    key = _key(user, token)
    # Only what the confirmation needs; the checked form of the file is made again then.
    kept = {
        "kind": read.kind,
        "document": read.document,
        "restore_preferences": read.restore_preferences,
        "skipped": read.skipped,
    }
    plain = zlib.compress(json.dumps(kept, ensure_ascii=False).encode("utf-8"))
    nonce = os.urandom(NONCE_BYTES)
    sealed = nonce + AESGCM(_secret(user)).encrypt(nonce, plain, key.encode())
    caches[CACHE_ALIAS].set(key, sealed, PENDING_SECONDS)
    return token


def pending_import(*, user: User, token: str) -> ReadImport | None:
    """The import kept under `token` for this account, or None (expired, cancelled,
    another account's, or a token that was never given)."""
    if not isinstance(token, str) or not 0 < len(token) <= 64:
        return None
    key = _key(user, token)
    sealed = caches[CACHE_ALIAS].get(key)
    if not isinstance(sealed, bytes):
        return None
    try:
        plain = AESGCM(_secret(user)).decrypt(
            sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], key.encode()
        )
    except (InvalidTag, ValueError):
        return None
    return ReadImport(**json.loads(zlib.decompress(plain)))


def pending_import_discard(*, user: User, token: str) -> None:
    if isinstance(token, str) and 0 < len(token) <= 64:
        caches[CACHE_ALIAS].delete(_key(user, token))
