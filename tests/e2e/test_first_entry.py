import pytest
from playwright.sync_api import expect

from tests.e2e.journey_support import sign_up_on_the_form

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_new_person_signs_up_logs_an_episode_and_finds_it_in_the_list(live_server, phone):
    page, _watch = phone
    sign_up_on_the_form(page, live_server, "nightowl", "a-quiet-evening-42")

    page.get_by_role("link", name="Log an experience").click()
    page.get_by_role("group", name="Sadness").get_by_text("Strong").click()
    page.get_by_text("I cried").click()
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_text("Be gentle with yourself")).to_be_visible()
    expect(page.get_by_role("heading", name="Your entries")).to_be_visible()
    item = page.locator(".entry-item").first
    expect(item).to_contain_text("Episode")
    expect(item).to_contain_text("peak strong, cried")
