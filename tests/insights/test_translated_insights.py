"""The insights page, its cards and the plain-words sentences in German and Spanish:
whole sentences in the reader's language, numbers with the local decimal separator."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from insights.overview_cards import factor_line
from insights.wording import numbers_sentence, percent, plain_sentence, ratio
from tests.analysis_frames import analyse, factor, table_entries
from tests.factories import EntryFactory

URL = reverse("insights:overview")


def _pain(*table):
    return factor(analyse(table_entries({"pain": 6}, *table)), "pain")


def _text(response) -> str:
    # Whitespace, the no-break space before a per cent sign included, as single spaces.
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _painful_weeks(user) -> None:
    """Episodes followed 8 of the 10 entries with pain and 1 of the 10 without."""
    now = timezone.now()
    for number in range(20):
        painful = number < 10
        EntryFactory(
            user=user,
            occurred_at=now - dt.timedelta(days=1, hours=number),
            pain=6 if painful else 0,
            sadness=3 if (number < 8 or number == 10) else 0,
        )


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        pytest.param(
            "de",
            "Von 100 solchen Einträgen folgte auf etwa 52 eine Episode, gegenüber 20 ohne. "
            "Ein so großer Unterschied entstünde zufällig etwa 1-mal in 630: In deinen "
            "Einträgen traten beide zusammen auf.",
            id="de",
        ),
        pytest.param(
            "es",
            "De cada 100 entradas así, unas 52 fueron seguidas de un episodio, frente a 20 "
            "sin ello. Una diferencia así de grande aparecería por azar aproximadamente 1 vez "
            "de cada 630: en tus entradas, las dos cosas se dieron juntas.",
            id="es",
        ),
    ],
)
def test_the_plain_words_sentence_is_in_the_readers_language(language, sentence):
    pain = _pain(26, 50, 10, 50)

    with translation.override(language):
        assert plain_sentence(pain) == sentence


def test_numbers_use_the_local_decimal_separator():
    pain = _pain(26, 50, 10, 50)

    with translation.override("de"):
        line = numbers_sentence(pain)
        german_ratio = ratio(2.5)
        german_share = percent(0.78)
    with translation.override("en"):
        english_ratio = ratio(2.5)

    assert german_ratio == "2,50"
    assert english_ratio == "2.50"
    assert german_share == "78\u00a0%"
    assert line.startswith("Relatives Risiko 2,60 (95-%-KI ")
    assert "." not in line.removesuffix(".").replace("p = 0", "").replace("q = 0", "")


def test_a_category_card_line_speaks_german():
    pain = _pain(26, 50, 10, 50)

    with translation.override("de"):
        line = factor_line(pain)

    assert line.label == "Schmerzen (mäßig oder stärker)"
    assert line.evidence_label == "Klares Muster"
    assert line.counts == (
        "Auf 26 von 50 Einträgen mit Schmerzen (mäßig oder stärker) folgte eine Episode "
        "(52\u00a0%), auf 10 von 50 ohne (20\u00a0%)."
    )


def test_a_factor_waiting_for_entries_says_how_many_in_spanish():
    pain = _pain(2, 3, 1, 9)

    with translation.override("es"):
        line = factor_line(pain)

    assert line.more_needed == (
        "Para poder valorarlo hacen falta 2 más entre las entradas con dolor moderado o peor."
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected", "english"),
    [
        (
            "de",
            [
                "Auswertungen",
                "Was mit Episoden zusammen auftrat",
                "Körperliche Schmerzen",
                "Behutsame nächste Schritte",
                "Du bist nicht allein",
                "Schweitzer et al. 2015",
                "1.635 Männern hatten 41 %",
            ],
            "What went together with episodes",
        ),
        (
            "es",
            [
                "Estadísticas",
                "Qué se dio junto con los episodios",
                "Dolor físico",
                "Próximos pasos con calma",
                "No te pasa solo a ti",
                "Schweitzer et al. 2015",
                "1635 hombres, el 41 %",
            ],
            "What went together with episodes",
        ),
    ],
)
def test_the_insights_page_comes_out_in_the_readers_language(alice, language, expected, english):
    _painful_weeks(alice)
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(alice)

    response = client.get(URL, HTTP_ACCEPT_LANGUAGE=language)
    text = _text(response)

    assert response.status_code == 200
    for words in expected:
        assert words in text, words
    assert english not in text


@pytest.mark.django_db
def test_the_dashboard_names_its_months_and_pattern_in_german(alice):
    _painful_weeks(alice)
    client = Client()
    client.force_login(alice)
    month = timezone.localdate().replace(day=1)

    response = client.get(reverse("insights:dashboard"), HTTP_ACCEPT_LANGUAGE="de")
    with translation.override("de"):
        german_month = date_format(month, "F")
    text = _text(response)

    assert response.status_code == 200
    assert "Dieser und letzter Monat" in text
    assert f"{german_month} bisher" in text
    assert "Episoden traten in deinen Einträgen klar zusammen mit Schmerzen" in text
