"""Share-link tokens: 256 random bits in the URL, only their SHA-256 in the database.

A hash is enough (no salt, no slow hashing): the token is random and long, so there is
nothing to guess or look up in a table, and finding a link by its hash needs no
constant-time comparison because the secret itself is never compared.
"""

import hashlib
import secrets

TOKEN_BYTES = 32  # 256 bits; token_urlsafe makes 43 URL-safe characters of them
# Anything longer is not a token of ours; it is turned away before it is hashed.
TOKEN_MAX_LENGTH = 64


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
