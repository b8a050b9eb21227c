"""The PHQ-9 question 9 path, walked in Chromium on a phone-sized screen; axe-core checks
every page in light and dark mode (tests/e2e/journey_support.py)."""

import re

import pytest
from playwright.sync_api import expect

from checkins.models import CheckIn
from tests.e2e.journey_support import assert_accessible, log_in_as
from tests.factories import PreferencesFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _question(page, number: int):
    return page.get_by_role("group", name=re.compile(rf"^{number}\. "))


def test_an_answer_on_question_9_leads_to_support_first_and_is_flagged(live_server, phone):
    page, _watch = phone
    user = UserFactory(username="quietmorning")
    PreferencesFactory(user=user, time_zone="Europe/London")
    log_in_as(page, live_server, user)

    page.goto(f"{live_server.url}/checkins/")
    expect(page.get_by_text("Check-in reminders are off.")).to_be_visible()
    page.get_by_role("link", name=re.compile("Take the PHQ-9")).click()
    expect(page.get_by_role("heading", name="PHQ-9: mood")).to_be_visible()
    expect(page.get_by_text("Pfizer")).to_be_visible()
    assert_accessible(page)

    # Saving with nothing answered names what is missing and moves focus there.
    page.get_by_role("button", name="Save check-in").click()
    summary = page.locator("#checkin-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("question 9")
    expect(_question(page, 4)).to_contain_text("Please choose an answer for this question.")

    # Question 1 by keyboard: the arrow keys move between the four answers.
    _question(page, 1).get_by_text("Not at all").click()
    page.keyboard.press("ArrowRight")
    expect(_question(page, 1).get_by_role("radio", name="Several days")).to_be_checked()
    for number in range(2, 9):
        _question(page, number).get_by_text("Not at all").click()
    _question(page, 9).get_by_text("Several days").click()
    page.get_by_role("button", name="Save check-in").click()

    expect(page.get_by_role("heading", name="Help is available, right now")).to_be_visible()
    expect(page.get_by_text("local emergency number in United Kingdom")).to_be_visible()
    expect(page.get_by_role("link", name="Call 999")).to_have_attribute("href", "tel:999")
    expect(page.get_by_role("link", name="Call Samaritans")).to_have_attribute("href", "tel:116123")
    expect(page.get_by_role("link", name="Website of Find A Helpline")).to_have_attribute(
        "href", "https://findahelpline.com/"
    )
    assert_accessible(page)
    checkin = CheckIn.objects.get(user=user)
    assert (checkin.total, checkin.item9) == (2, 1)

    page.get_by_role("link", name="Continue to your check-in").click()
    expect(page.get_by_text("Thoughts of self-harm noted.")).to_be_visible()
    expect(page.get_by_text("you answered “Several days”")).to_be_visible()
    expect(page.get_by_text("Minimal (0–4)")).to_be_visible()

    page.get_by_role("link", name="← All check-ins").click()
    row = page.locator(".checkin-row").first
    expect(row).to_contain_text("PHQ-9")
    expect(row).to_contain_text("Self-harm thoughts noted")
    assert_accessible(page)
