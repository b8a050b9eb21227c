"""Charts, reports and frames are worked out once per user, period and data version.

The key holds everything the result depends on: the user (so nothing of one user is ever
served to another), the chart, the period's dates, today's date (open-ended periods
end today) and `Preferences.data_version`, which every write to the journal, its
settings or its check-ins bumps. A change therefore never has to find and delete old
entries: new requests simply ask for a new key, and stale ones age out.

What is stored is encrypted (AES-256-GCM) with the person's own
`Preferences.cache_secret` and bound to its key. Deleting the account deletes that
secret, so whatever a shared cache (Redis, or the files under var/cache) still holds of
the journal can no longer be read by anyone, without having to find it. The values live
in the "derived" cache, apart from the login rate limits and lockouts in "default": a
person who fills the derived cache with periods can only push out charts.
"""

import datetime as dt
import os
import pickle  # nosec B403
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.contrib.auth.models import User
from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from pct_journal.date_range import DateRange

CACHE_ALIAS = "derived"
# Bump when a chart's drawing or wording changes, so a shared cache (Redis) that outlives
# a deploy does not keep serving the old pictures.
CHARTS_FORMAT = 3
# A day: a miss costs a fraction of a second, and nothing derived lingers for long.
TIMEOUT = 24 * 60 * 60
NONCE_BYTES = 12

T = TypeVar("T")


@dataclass(frozen=True)
class CacheKey:
    text: str
    secret: bytes  # the owner's AES-256 key, never part of the stored key

    def __str__(self) -> str:
        return self.text


def chart_cache_key(
    kind: str,
    *,
    user: User,
    data_version: int | str,
    name: str,
    dates: DateRange,
    today: dt.date,
) -> CacheKey:
    """`kind` says what is stored ("svg", "dashboard") under otherwise equal keys.
    `data_version` is Preferences.data_version, or a digest of the data itself for a
    chart that depends on less than the whole journal (the check-ins chart).

    Reads `user.preferences`, which the preferences middleware attaches per request."""
    # The language too: charts, rows and reports hold words and dates in it, and a
    # person who follows the browser's language may switch it without a data change.
    text = (
        f"charts:{CHARTS_FORMAT}:{kind}:user={_owner(user)}:v={data_version}:{name}"
        f":{dates.start}:{dates.end}:today={today}:lang={get_language()}"
    )
    return CacheKey(text, bytes.fromhex(user.preferences.cache_secret))


def page_part_key(kind: str, *, user: User, digest: str) -> CacheKey:
    """The key of a drawn part of a page, named by a digest of what it is drawn from,
    under the person's current data version, today and the language."""
    return chart_cache_key(
        kind,
        user=user,
        data_version=user.preferences.data_version,
        name=digest,
        dates=DateRange(),
        today=timezone.localdate(),
    )


def versioned_key(kind: str, *, user: User, data_version: int, name: str) -> CacheKey:
    """The key of a value that follows the person's data and language but no period or
    day (the log form's sections, say)."""
    return CacheKey(
        f"charts:{CHARTS_FORMAT}:{kind}:user={_owner(user)}:v={data_version}:{name}"
        f":lang={get_language()}",
        bytes.fromhex(user.preferences.cache_secret),
    )


def person_key(kind: str, *, user: User) -> CacheKey:
    """The key of `kind`, one value per person whatever the period, version or language
    (when their insights were last asked to be worked out again, say)."""
    return CacheKey(
        f"charts:{CHARTS_FORMAT}:{kind}:user={_owner(user)}",
        bytes.fromhex(user.preferences.cache_secret),
    )


def _owner(user: User) -> str:
    # The id with the moment the account was made: even if a database restore or reset
    # handed an old id to a new account while a shared cache lived on, keys differ.
    return f"{user.pk}.{user.date_joined.timestamp():.6f}"


def _seal(key: CacheKey, value: object) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    # The key's text is the associated data: a value copied under another key fails.
    return nonce + AESGCM(key.secret).encrypt(nonce, pickle.dumps(value), key.text.encode())


def _open(key: CacheKey, sealed: bytes) -> object:
    nonce, ciphertext = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
    plain = AESGCM(key.secret).decrypt(nonce, ciphertext, key.text.encode())
    # decrypt() has checked the tag: these bytes are what _seal() wrote under this key,
    # so only values this module sealed itself are ever unpickled.
    return pickle.loads(plain)  # noqa: S301  # nosec B301


class Missing(Exception):
    """Nothing readable is stored under the key (`peek`)."""


def peek(key: CacheKey) -> object:
    """The value under `key`; raises Missing rather than building anything."""
    sealed = caches[CACHE_ALIAS].get(key.text)
    if isinstance(sealed, bytes):
        try:
            return _open(key, sealed)
        except (InvalidTag, ValueError):
            pass  # written under an older secret or format
    raise Missing


def store(key: CacheKey, value: object, *, timeout: int = TIMEOUT) -> None:
    caches[CACHE_ALIAS].set(key.text, _seal(key, value), timeout)


def cached(key: CacheKey, build: Callable[[], T], *, timeout: int = TIMEOUT) -> T:
    """The value under `key`, built and stored (encrypted) when missing or unreadable."""
    try:
        return peek(key)  # type: ignore[return-value]
    except Missing:
        value = build()
    store(key, value, timeout=timeout)
    return value


def cached_html(key: CacheKey, template: str, context: dict) -> SafeString:
    """render_to_string(template, context), rendered once and kept under `key`."""
    html = cached(key, lambda: render_to_string(template, context))
    # The template escaped everything when it rendered, and what comes back from the
    # cache is that same text: AES-GCM refuses anything that was not sealed by us.
    return mark_safe(html)  # noqa: S308  # nosec B308 B703
