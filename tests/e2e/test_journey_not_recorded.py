"""On a phone in Los Angeles: a one-tap calm entry records nothing about what was going
on; an answer is given and cleared again with the keyboard alone; a factor of one's own
is added from the form; the edit form opens what holds answers; a deleted entry comes
back with Undo. axe checks the new controls and the undo message in light and dark."""

import pytest
from playwright.sync_api import expect

from entries.models import RECORDABLE_FACTORS, Entry
from tests.e2e.conftest import PHONE, BrowserWatch
from tests.e2e.journey_support import assert_accessible, focused_with_visible_ring, log_in_as

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone_in_los_angeles(browser):
    context = browser.new_context(viewport=PHONE, timezone_id="America/Los_Angeles")
    watch = BrowserWatch()
    watch.attach(context)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
    watch.assert_clean()


def _factors(entry: Entry) -> dict:
    entry.refresh_from_db()
    return {name: getattr(entry, name) for name in RECORDABLE_FACTORS}


def _one_tap_calm_entry(page, base_url: str) -> Entry:
    page.goto(f"{base_url}/entries/new/")
    expect(page.locator("[data-recorded-status]")).to_have_text("not recorded")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Saved.")
    entry = Entry.objects.get()
    assert _factors(entry) == dict.fromkeys(RECORDABLE_FACTORS)
    return entry


def _answer_and_clear_by_keyboard(page, base_url: str) -> Entry:
    page.goto(f"{base_url}/entries/new/")
    status = page.locator("[data-recorded-status]")
    page.locator("summary", has_text="What was going on").focus()
    page.keyboard.press("Enter")
    # Tab lands on the chosen answer of the first factor: "Not recorded".
    page.keyboard.press("Tab")
    stress = page.get_by_role("group", name="Stress")
    expect(stress.get_by_role("radio", name="Not recorded")).to_be_focused()
    focused_with_visible_ring(page)
    for _ in range(3):  # None, Mild, Moderate
        page.keyboard.press("ArrowRight")
    expect(stress.get_by_role("radio", name="Moderate")).to_be_checked()
    expect(status).to_have_text("1 answered")
    for _ in range(3):  # Mild, None, and round to Not recorded
        page.keyboard.press("ArrowLeft")
    expect(stress.get_by_role("radio", name="Not recorded")).to_be_checked()
    expect(status).to_have_text("not recorded")
    focused_with_visible_ring(page)
    page.get_by_role("group", name="Pain").get_by_text("6", exact=True).click()
    page.get_by_role("group", name="Difficult memories came up").get_by_text(
        "No", exact=True
    ).click()
    page.get_by_label("Or add a factor of your own").fill("after a long day")
    assert_accessible(page)  # the new controls, answered and not
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Saved.")
    entry = Entry.objects.exclude(pain=None).get()
    assert _factors(entry) == {
        **dict.fromkeys(RECORDABLE_FACTORS),
        "pain": 6,
        "memories_surfaced": False,
    }
    assert [tag.name for tag in entry.tags.all()] == ["after a long day"]
    return entry


def _edit_opens_answers_and_clears_one(page, base_url: str, entry: Entry) -> None:
    page.goto(f"{base_url}/entries/{entry.pk}/edit/")
    context = page.locator("details", has_text="What was going on")
    expect(context).to_have_attribute("open", "")
    expect(page.locator("details", has_text="The experience")).not_to_have_attribute("open", "")
    page.get_by_role("group", name="Pain").get_by_text("Not recorded").click()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Your changes are saved.")
    pain = page.locator("dt", has_text="Pain").locator("xpath=following-sibling::dd[1]")
    expect(pain).to_have_text("Not recorded")
    assert _factors(entry)["pain"] is None


def _delete_and_undo(page, entry: Entry) -> None:
    page.get_by_role("button", name="Delete").click()
    expect(page.get_by_role("status").first).to_contain_text("The entry is deleted.")
    expect(page.locator(".entry-item")).to_have_count(1)
    assert_accessible(page)  # the undo message
    page.get_by_role("button", name="Undo").click()
    expect(page.get_by_role("status")).to_contain_text("The entry is back.")
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_not_recorded_stays_empty_and_clears_by_keyboard(live_server, phone_in_los_angeles, alice):
    page = phone_in_los_angeles
    log_in_as(page, live_server, alice)

    _one_tap_calm_entry(page, live_server.url)
    entry = _answer_and_clear_by_keyboard(page, live_server.url)
    _edit_opens_answers_and_clears_one(page, live_server.url, entry)
    _delete_and_undo(page, entry)
