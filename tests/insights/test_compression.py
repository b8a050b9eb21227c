"""Charts and the JSON report go out gzip-compressed when the browser asks for it, and
the pages (which carry the CSRF token) never do."""

import gzip

import pytest
from django.urls import reverse

from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db

CHART = reverse("insights:chart", args=["trend"]) + "?range=all"


@pytest.fixture
def journal(alice):
    EntryFactory.create_batch(12, user=alice, sadness=3)


def test_it_compresses_a_chart_when_the_browser_accepts_gzip(alice_client, journal):
    plain = alice_client.get(CHART)
    compressed = alice_client.get(CHART, headers={"accept-encoding": "gzip, deflate, br"})

    assert compressed.status_code == 200
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 2


def test_it_sends_a_chart_uncompressed_to_a_browser_that_does_not_ask(alice_client, journal):
    response = alice_client.get(CHART, headers={"accept-encoding": "identity"})

    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert response.content.startswith(b"<?xml") or b"<svg" in response.content[:400]


def test_it_tells_caches_that_a_chart_varies_with_accept_encoding(alice_client, journal):
    response = alice_client.get(CHART)

    assert "Accept-Encoding" in response["Vary"]


def test_it_compresses_the_json_report_when_asked(alice_client, journal):
    url = reverse("insights:report_json")
    plain = alice_client.get(url)
    compressed = alice_client.get(url, headers={"accept-encoding": "gzip"})

    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content


@pytest.mark.parametrize("name", ["insights:dashboard", "entries:create", "insights:overview"])
def test_it_never_compresses_a_page_that_carries_the_csrf_token(alice_client, journal, name):
    response = alice_client.get(reverse(name), headers={"accept-encoding": "gzip, br"})

    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
