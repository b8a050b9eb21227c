"""Choosing the country for support lines in Settings, and the support page it changes,
in Chromium on a phone-sized screen; axe-core checks both pages in light and dark mode."""

import pytest
from playwright.sync_api import expect

from tests.e2e.journey_support import assert_accessible, log_in_as
from tests.factories import PreferencesFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_support_page_follows_the_time_zone_then_the_country_chosen(live_server, phone):
    page, _watch = phone
    user = UserFactory(username="quietmorning")
    PreferencesFactory(user=user, time_zone="Europe/Berlin")
    log_in_as(page, live_server, user)

    page.goto(f"{live_server.url}/checkins/support/")
    expect(page.get_by_text("Lines in Germany first")).to_be_visible()
    expect(page.get_by_role("link", name="Call TelefonSeelsorge")).to_have_attribute(
        "href", "tel:08001110111"
    )
    expect(page.get_by_role("link", name="Call 112")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Choose your country").click()
    country = page.get_by_label("Country for support lines")
    expect(country).to_have_value("")
    expect(country.locator("option").first).to_have_text("Follow my time zone (Germany)")
    period = page.get_by_label("Period pages open on")
    expect(period).to_have_value("90d")
    assert_accessible(page)
    country.select_option("NZ")
    period.select_option("all")
    page.get_by_role("button", name="Save settings").click()

    page.goto(f"{live_server.url}/checkins/support/")
    expect(page.get_by_text("Lines in New Zealand first")).to_be_visible()
    expect(page.get_by_role("link", name="Call Lifeline Aotearoa")).to_have_attribute(
        "href", "tel:0800543354"
    )
    expect(page.get_by_role("link", name="Call 111")).to_be_visible()
    expect(page.get_by_role("link", name="Website of Find A Helpline")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}/insights/")
    expect(page.locator(".period-heading")).to_have_text("All time")
