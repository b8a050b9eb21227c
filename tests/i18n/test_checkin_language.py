"""The PHQ-9 and GAD-7 in another language: no validated translation is bundled, so the
questions and answers stay in their published English, marked as English, with a note."""

import pytest
from django.urls import reverse

from checkins.instruments import INSTRUMENTS

pytestmark = pytest.mark.django_db

NOTE_ID = 'id="checkin-language-note"'


@pytest.mark.parametrize("instrument", ["phq9", "gad7"])
def test_in_german_the_questions_stay_in_english_with_a_note(alice_client, instrument):
    url = f"{reverse('checkins:create')}?instrument={instrument}"

    page = alice_client.get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()

    spec = INSTRUMENTS[instrument]
    assert '<html lang="de"' in page
    assert NOTE_ID in page
    assert "Die validierte" in page
    assert spec.stem in page
    assert all(item.replace("'", "&#x27;") in page for item in spec.items)
    for answer in ("Not at all", "Several days", "More than half the days", "Nearly every day"):
        assert f'">{answer}</label>' in page
    assert '<div class="card mb-3" lang="en">' in page
    assert "Spitzer" in page


def test_in_spanish_the_note_is_spanish(alice_client):
    url = f"{reverse('checkins:create')}?instrument=phq9"

    page = alice_client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert NOTE_ID in page
    assert "La traducción validada" in page
    assert INSTRUMENTS["phq9"].items[0] in page


def test_in_english_there_is_no_note(alice_client):
    url = f"{reverse('checkins:create')}?instrument=phq9"

    page = alice_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert NOTE_ID not in page
    assert 'lang="en"' in page


def test_what_a_questionnaire_is_about_is_in_the_persons_language(alice_client):
    url = f"{reverse('checkins:create')}?instrument=phq9"

    german = alice_client.get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    english = alice_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "PHQ-9: Stimmung</h1>" in german
    assert "PHQ-9: mood</h1>" in english
