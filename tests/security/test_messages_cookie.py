"""Names never travel in a cookie: the messages that confirm a change stay on the server.

A signed cookie is readable by anyone who sees it (a shared computer's browser
profile, a proxy log), so "Added SECRETLOVER." must not be in one, not even compressed.
"""

import binascii
import zlib

import pytest
from django.core import signing
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _readable_forms(value: str) -> list[str]:
    """The cookie value as sent, and every piece of it decoded the way Django's signed
    cookies are encoded (URL-safe base64, zlib-compressed when it starts with a dot)."""
    forms = [value]
    for piece in value.split(":"):
        compressed = piece.startswith(".")
        try:
            raw = signing.b64_decode(piece.removeprefix(".").encode())
            if compressed:
                raw = zlib.decompress(raw)
        except (binascii.Error, ValueError, zlib.error):
            continue
        forms.append(raw.decode("utf-8", errors="replace"))
    return forms


def _cookies_set_along_the_way(client, url: str, data: dict):
    """Every cookie value the POST and the page it leads to set, and that page."""
    response = client.post(url, data)
    assert response.status_code == 302
    seen = [cookie.value for cookie in response.cookies.values()]
    page = client.get(response["Location"])
    seen.extend(cookie.value for cookie in page.cookies.values())
    return page, seen


@pytest.mark.parametrize(
    ("url_name", "field"),
    [("entries:partners", "nickname"), ("entries:tags", "name")],
    ids=["partner", "tag"],
)
def test_a_new_name_is_in_no_cookie(alice_client, url_name, field):
    response, cookie_values = _cookies_set_along_the_way(
        alice_client, reverse(url_name), {field: "SECRETLOVER", "active": "on"}
    )

    assert "SECRETLOVER" in response.content.decode()  # the page still says "Added …"
    for value in cookie_values:
        for text in _readable_forms(value):
            assert "SECRETLOVER" not in text


def test_confirmations_are_kept_with_the_session(settings):
    assert settings.MESSAGE_STORAGE == "django.contrib.messages.storage.session.SessionStorage"
