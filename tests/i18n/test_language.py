"""Which language a page is in: the browser's (Accept-Language) for visitors, the
language switch's cookie over that, and a signed-in person's own setting over both."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from accounts.services import preferences_for
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def _html_lang(response) -> str:
    return re.search(r'<html lang="([^"]*)"', response.content.decode()).group(1)


def _language_set(user, language: str) -> None:
    preferences = preferences_for(user)
    preferences.language = language
    preferences.save()


def _settings_data(**overrides) -> dict:
    return {
        "time_zone": "Europe/Berlin",
        "episode_threshold": "3",
        "checkin_cadence_days": "14",
        "default_period": "all",
        "country": "",
        "language": "",
        **overrides,
    }


def test_a_visitor_whose_browser_asks_for_german_gets_the_page_in_german(client):
    response = client.get(LOGIN, HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9,en;q=0.5")

    assert response.status_code == 200
    assert _html_lang(response) == "de"
    assert response["Content-Language"] == "de"
    assert "Zum Inhalt springen" in response.content.decode()


def test_a_visitor_whose_browser_asks_for_spanish_gets_the_page_in_spanish(client):
    response = client.get(LOGIN, HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")

    assert _html_lang(response) == "es"
    assert "Saltar al contenido" in response.content.decode()


def test_a_language_not_offered_falls_back_to_english(client):
    response = client.get(LOGIN, HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")

    assert _html_lang(response) == "en"
    assert "Skip to content" in response.content.decode()


def test_the_stored_language_wins_over_the_browsers(alice, alice_client):
    _language_set(alice, "es")

    response = alice_client.get(reverse("accounts:settings"), HTTP_ACCEPT_LANGUAGE="de")

    assert _html_lang(response) == "es"
    assert response["Content-Language"] == "es"


def test_without_a_stored_language_a_signed_in_person_gets_the_browsers(alice_client):
    response = alice_client.get(reverse("accounts:settings"), HTTP_ACCEPT_LANGUAGE="de")

    assert _html_lang(response) == "de"


def test_saving_a_language_in_settings_switches_the_pages_and_the_cookie(alice, alice_client):
    response = alice_client.post(reverse("accounts:settings"), _settings_data(language="de"))

    assert response.status_code == 302
    assert preferences_for(alice).language == "de"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "de"
    page = alice_client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en")
    assert _html_lang(page) == "de"
    assert "Einstellungen" in page.content.decode()


def test_choosing_the_browsers_language_again_clears_the_cookie(alice, alice_client):
    _language_set(alice, "de")

    response = alice_client.post(reverse("accounts:settings"), _settings_data(language=""))

    assert response.status_code == 302
    assert preferences_for(alice).language == ""
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == ""
    page = alice_client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="es")
    assert _html_lang(page) == "es"


@pytest.mark.parametrize("language", ["fr", "xx", "de-DE"])
def test_the_settings_form_refuses_a_language_not_offered_and_saves_nothing(
    alice, alice_client, language
):
    response = alice_client.post(
        reverse("accounts:settings"), _settings_data(language=language, country="NZ")
    )

    assert response.status_code == 200
    assert "Select a valid choice" in str(response.context["form"].errors["language"])
    preferences = preferences_for(alice)
    assert (preferences.language, preferences.country, preferences.time_zone) == ("", "", "UTC")
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_the_language_switch_sets_a_visitors_language(client):
    response = client.post(reverse("accounts:language"), {"language": "es", "next": LOGIN})

    assert response.status_code == 302
    assert response["Location"] == LOGIN
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert (cookie.value, cookie["httponly"], cookie["samesite"]) == ("es", True, "Lax")
    assert _html_lang(client.get(LOGIN, HTTP_ACCEPT_LANGUAGE="de")) == "es"


@pytest.mark.parametrize("language", ["fr", "xx", ""])
def test_the_language_switch_refuses_a_language_not_offered(client, language):
    response = client.post(reverse("accounts:language"), {"language": language, "next": LOGIN})

    assert response.status_code == 400
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert _html_lang(client.get(LOGIN)) == "en"


def test_the_language_switch_needs_the_csrf_token():
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("accounts:language"), {"language": "de", "next": LOGIN})

    assert response.status_code == 403


def test_the_language_switch_does_not_send_a_visitor_to_another_site(client):
    response = client.post(
        reverse("accounts:language"), {"language": "de", "next": "https://example.com/"}
    )

    assert response.status_code == 302
    assert not response["Location"].startswith("https://example.com")


def test_visitors_see_the_language_switch_and_signed_in_people_do_not(client, alice_client):
    visitor = client.get(LOGIN).content.decode()
    signed_in = alice_client.get(reverse("accounts:settings")).content.decode()

    assert 'action="/settings/language/"' in visitor
    assert '<option value="de" lang="de">Deutsch</option>' in visitor
    assert 'action="/settings/language/"' not in signed_in


def test_a_date_is_written_the_german_way(alice, alice_client):
    _language_set(alice, "de")
    entry = EntryFactory(user=alice, occurred_at=dt.datetime(2026, 12, 4, 19, 40, tzinfo=dt.UTC))

    page = alice_client.get(reverse("entries:detail", args=[entry.pk])).content.decode()

    assert "Freitag, 4. Dezember 2026, 19:40" in page
    assert "Friday" not in page


def test_a_date_is_written_the_spanish_way(alice, alice_client):
    _language_set(alice, "es")
    entry = EntryFactory(user=alice, occurred_at=dt.datetime(2026, 12, 4, 19, 40, tzinfo=dt.UTC))

    page = alice_client.get(reverse("entries:detail", args=[entry.pk])).content.decode()

    assert "viernes, 4 de diciembre de 2026, 19:40" in page


def test_the_service_worker_version_changes_with_the_language(client):
    english = client.get(reverse("entries:service_worker")).content.decode()
    german = client.get(reverse("entries:service_worker"), HTTP_ACCEPT_LANGUAGE="de").content
    version = re.compile(r'var VERSION = "([^"]+)"')

    assert version.search(english).group(1) != version.search(german.decode()).group(1)


def test_the_offline_form_is_in_the_persons_language_without_a_language_switch(alice, client):
    response = client.get(reverse("entries:offline_form"), HTTP_ACCEPT_LANGUAGE="de")

    assert _html_lang(response) == "de"
    assert 'action="/settings/language/"' not in response.content.decode()


def test_cached_entry_rows_are_not_shown_in_another_language(alice, alice_client):
    EntryFactory(user=alice, occurred_at=dt.datetime(2026, 12, 4, 19, 40, tzinfo=dt.UTC))
    english = alice_client.get(reverse("entries:list"), HTTP_ACCEPT_LANGUAGE="en")

    german = alice_client.get(reverse("entries:list"), HTTP_ACCEPT_LANGUAGE="de")

    assert "Fri, 4 Dec 2026" not in english.content.decode()  # the English short form
    assert "Fri 4 Dec 2026, 19:40" in english.content.decode()
    assert "Fr, 4. Dez 2026, 19:40" in german.content.decode()


def test_the_navigation_is_in_the_persons_language(alice, alice_client):
    _language_set(alice, "de")

    page = alice_client.get(reverse("entries:list")).content.decode()

    assert ">Auswertungen</a>" in page
    assert ">Insights</a>" not in page


def test_a_page_not_found_and_an_unknown_share_link_say_their_language(client):
    missing = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="de")
    unknown_link = client.get(
        reverse("sharing:view", args=["not-a-real-token"]), HTTP_ACCEPT_LANGUAGE="es"
    )

    assert missing.status_code == 404
    assert _html_lang(missing) == "de"
    assert unknown_link.status_code == 404
    assert _html_lang(unknown_link) == "es"


def test_date_and_time_fields_keep_the_format_browsers_read_in_german(alice, alice_client):
    _language_set(alice, "de")
    entry = EntryFactory(user=alice, occurred_at=dt.datetime(2026, 12, 4, 19, 40, tzinfo=dt.UTC))

    edit = alice_client.get(reverse("entries:update", args=[entry.pk])).content.decode()
    listing = alice_client.get(reverse("entries:list"), {"start": "2026-12-01"}).content.decode()

    assert 'value="2026-12-04T19:40"' in edit
    assert re.search(r'<input type="date" name="start" value="2026-12-01"', listing)


def test_the_note_after_logging_in_is_in_the_stored_language(alice, password):
    _language_set(alice, "de")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")

    response = client.post(LOGIN, {"login": "alice", "password": password}, follow=True)

    page = response.content.decode()
    assert _html_lang(response) == "de"
    assert "Du bist angemeldet." in page
    assert "You are logged in." not in page
