"""A new share link comes with its QR code, drawn on the server as inline SVG: the code
holds exactly the link, and the page asks nothing of any other site."""

import re

import pytest
import segno
from django.urls import reverse

from tests.security_helpers import reauthenticate

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("sharing:create")
OPTIONS = {"options": "1", "range": "30d", "notes": "none", "checkins": "on", "paper": "a4"}
LINK_IN_PAGE = re.compile(r'value="(http://testserver/s/[A-Za-z0-9_-]+/)"')
QR_SVG = re.compile(r'<svg role="img" aria-label="QR code of the share link"[^>]*>.*?</svg>', re.S)
# segno draws each row's dark modules as horizontal strokes through the middle of the row.
PATH_STEP = re.compile(r"([Mmh])(-?\d+(?:\.\d+)?)(?:\s(-?\d+(?:\.\d+)?))?")


def _created_page(client) -> str:
    reauthenticate(client)
    response = client.post(CREATE_URL, {**OPTIONS, "days": "14"})
    assert response.status_code == 200
    return response.content.decode()


def _dark_modules(svg: str) -> set[tuple[int, int]]:
    """(row, column) of every dark module the SVG draws, counted from its top left
    corner, quiet zone included."""
    path = re.search(r'stroke="#000" d="([^"]+)"', svg)[1]
    x = y = 0.0
    dark = set()
    for command, first, second in PATH_STEP.findall(path):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            length = int(float(first))
            dark.update((int(y), int(x) + step) for step in range(length))
            x += length
    return dark


def _matrix_modules(url: str, *, border: int = 4) -> set[tuple[int, int]]:
    matrix = segno.make(url, error="m", micro=False).matrix
    return {
        (row + border, column + border)
        for row, values in enumerate(matrix)
        for column, value in enumerate(values)
        if value
    }


def test_the_qr_code_is_an_svg_of_exactly_the_links_url(alice_client):
    page = _created_page(alice_client)
    url = LINK_IN_PAGE.search(page)[1]
    svg = QR_SVG.search(page)[0]

    assert _dark_modules(svg) == _matrix_modules(url)
    assert _dark_modules(svg) != _matrix_modules(url.replace("/s/", "/t/"))


def test_the_page_asks_nothing_of_another_site(alice_client):
    page = _created_page(alice_client)

    loaded = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert loaded  # the stylesheets and scripts are there, from this site
    assert [address for address in loaded if "//" in address] == []
    assert "<img" not in QR_SVG.search(page)[0]
    assert "style=" not in page  # the Content-Security-Policy forbids inline styles


def test_the_share_button_waits_for_a_browser_that_can_share(alice_client):
    page = _created_page(alice_client)

    assert re.search(r"<button [^>]*data-native-share hidden>", page)
