"""Browsers that have logged in before keep their own lockout count ("device cookies").

The lockout counts wrong passwords per login name, so someone who knows a username and
guesses five times every quarter of an hour could keep its owner out for as long as
they keep going; without an email address on the account, a password reset cannot lift
it. A successful login therefore leaves a signed cookie naming the account and a random
device number. Wrong passwords typed in a browser with that cookie count against that
device alone, so the owner's own phone or laptop is never locked out by somebody
else's guessing, while guesses from anywhere else still meet the lockout (and a stolen
cookie is worth only the same five guesses). This is OWASP's "device cookie" defence.

The cookie holds no username: only the account's id and the device number, signed with
SECRET_KEY, so it cannot be forged or moved to another account.
"""

import secrets

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponseBase

from pct_journal.login_names import user_for_login

COOKIE_NAME = "known_device"
SALT = "accounts.known_devices"
MAX_AGE = 365 * 24 * 60 * 60


def remember_device(request: HttpRequest, response: HttpResponseBase, user) -> None:
    """After a successful login: keep this browser's device number, or give it one."""
    current = _read(request)
    device = current["d"] if current and current["u"] == user.pk else secrets.token_urlsafe(12)
    response.set_cookie(
        COOKIE_NAME,
        signing.dumps({"u": user.pk, "d": device}, salt=SALT),
        max_age=MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def known_device_for_login(request: HttpRequest, login: str) -> str | None:
    """The device number, when this browser logged in before as the account `login`
    (a username or an email address) names."""
    cookie = _read(request)
    if not cookie or not login:
        return None
    named = user_for_login(login)
    return cookie["d"] if named is not None and named.pk == cookie["u"] else None


def _read(request: HttpRequest) -> dict | None:
    raw = request.COOKIES.get(COOKIE_NAME)
    if not raw:
        return None
    try:
        value = signing.loads(raw, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("d"), str):
        return None
    return value
