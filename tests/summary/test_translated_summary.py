"""The therapist summary (page and PDF), the partner guide and a share link's page in
German and Spanish: the reader's language, local decimals and dates, the same figures."""

import datetime as dt
import io
import re

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db

MARCH = "start=2026-03-01&end=2026-03-31"


def _at(day: int) -> dt.datetime:
    return dt.datetime(2026, 3, day, 22, tzinfo=dt.UTC)


def _painful_march(user) -> None:
    """Episodes followed 8 of the 10 entries with moderate pain and 1 of the 10 without."""
    for day in range(1, 11):
        EntryFactory(user=user, occurred_at=_at(day), pain=6, sadness=3 if day <= 8 else 0)
    for day in range(11, 21):
        EntryFactory(user=user, occurred_at=_at(day), pain=0, sadness=3 if day == 11 else 0)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _get(client: Client, url: str, language: str):
    # The browser's language, as a reader's phone sends it (the locale middleware).
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, response.content[:300]
    return response


def _html_text(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "de",
            [
                "Gefühle nach dem Sex: was das Tagebuch zeigt",
                "Einträge und Episoden",
                "Körperliche Schmerzen",
                "Schmerzen (mäßig oder stärker)",
                "8 von 10 (80 %)",
                "1. Mär 2026 – 31. Mär 2026",
                "Selbst berichtet, keine Diagnose.",
            ],
        ),
        (
            "es",
            [
                "Sentimientos después del sexo: lo que muestra el diario",
                "Entradas y episodios",
                "Dolor físico",
                "Dolor moderado o peor",
                "8 de 10 (80 %)",
                "1 mar 2026 – 31 mar 2026",
                "Autoinformado, no es un diagnóstico.",
            ],
        ),
    ],
)
def test_the_summary_page_and_its_pdf_are_in_the_readers_language(alice, language, expected):
    _painful_march(alice)
    client = _client(alice)

    page = _html_text(_get(client, f"{reverse('insights:summary')}?{MARCH}", language))
    pdf = _pdf_text(_get(client, f"{reverse('insights:summary_pdf')}?{MARCH}", language))

    for words in expected:
        assert words in page, words
        assert words in pdf, words
    assert "What went together with episodes" not in page
    assert "What went together with episodes" not in pdf


def test_the_summary_writes_decimals_the_german_way(alice):
    _painful_march(alice)

    page = _html_text(_get(_client(alice), f"{reverse('insights:summary')}?{MARCH}", "de"))

    # The risk ratio of pain, 8/10 against 1/10, and the mean strength of sadness.
    assert "8,00 (1,21–53)" in page
    assert "8.00" not in page
    assert re.search(r"Traurigkeit .*? \d,\d", page)


@pytest.mark.parametrize(
    ("language", "expected", "english"),
    [
        (
            "de",
            [
                "Was mir manchmal passiert",
                "46 %",
                "1.635 Männern",
                "41 %",
                "Maczkowiack & Schweitzer 2019",
                "Es ist niemandes Schuld",
            ],
            "It is nobody",
        ),
        (
            "es",
            [
                "Lo que a veces me pasa",
                "el 46 %",
                "1635 hombres",
                "el 41 %",
                "Maczkowiack & Schweitzer 2019",
                "No es culpa de nadie",
            ],
            "It is nobody",
        ),
    ],
)
def test_the_partner_guide_keeps_its_figures_and_sources_in_translation(
    alice, language, expected, english
):
    client = _client(alice)

    page = _html_text(_get(client, reverse("insights:partner_guide"), language))
    pdf = _pdf_text(_get(client, reverse("insights:partner_guide_pdf"), language))

    for words in expected:
        assert words in page.replace("&amp;", "&"), words
        assert words in pdf, words
    assert english not in pdf


def test_the_guide_form_gives_its_limits_in_the_readers_language(alice):
    page = _html_text(_get(_client(alice), reverse("insights:partner_guide"), "de"))

    assert "In deinen eigenen Worten, bis zu 200 Zeichen." in page
    assert "In your own words" not in page
