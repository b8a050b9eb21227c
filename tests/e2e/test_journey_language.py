"""Choosing a language: a visitor with the switch under the login form, and a signed-in
person in Settings, whose choice then holds over the browser's own language."""

import pytest
from playwright.sync_api import expect

from tests.e2e.journey_support import assert_accessible, log_in_as
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_visitor_switches_the_login_page_to_spanish(live_server, phone):
    page, _watch = phone
    page.goto(f"{live_server.url}/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_label("Language").select_option("es")
    page.get_by_role("button", name="Change").click()

    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", name="Iniciar sesión")).to_be_visible()
    expect(page.get_by_label("Idioma")).to_have_value("es")
    assert_accessible(page)


def test_a_person_switches_to_german_in_settings(live_server, desktop):
    page, _watch = desktop
    log_in_as(page, live_server, UserFactory(username="alice"))
    page.goto(f"{live_server.url}/settings/")
    assert_accessible(page)

    page.get_by_label("Language").select_option("de")
    page.get_by_role("button", name="Save settings").click()

    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_text("Deine Einstellungen sind gespeichert.")).to_be_visible()
    expect(page.get_by_role("heading", name="Einstellungen", exact=True)).to_be_visible()
    expect(page.get_by_label("Sprache")).to_have_value("de")
    assert_accessible(page)

    page.goto(f"{live_server.url}/entries/")
    expect(page.get_by_role("heading", name="Deine Einträge")).to_be_visible()
