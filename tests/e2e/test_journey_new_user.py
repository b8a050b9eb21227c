"""A new person's first evening, on a phone and on a desktop: sign up, set the time zone,
look around the empty journal, log a calm experience and an episode, edit one, delete
the other, turn on discreet mode and log out. axe-core checks every page in light and
dark mode, the edit form and the pages in discreet mode among them; the fixtures fail
the journey on any request leaving 127.0.0.1, console error or CSP violation."""

import datetime as dt
import zoneinfo

import pytest
from playwright.sync_api import expect

from tests.e2e import journey_support
from tests.e2e.journey_support import (
    Interactions,
    assert_accessible,
    assert_touch_targets,
    follow_main_link,
    open_more_menu,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

screen = journey_support.screen
PASSWORD = "a-quiet-evening-42"
TIME_ZONE = "Pacific/Auckland"
# The quick-log form's promise: a calm entry in a few taps, an episode in a dozen.
CALM_INTERACTIONS = 4
EPISODE_INTERACTIONS = 12


def _sign_up(page, base_url: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    expect(page).to_have_title("Log in · PCT Journal")
    assert_accessible(page)
    # "Forgot your password?", "Keep me logged in" and "Log in".
    assert assert_touch_targets(page.locator("main form")) == 3
    page.get_by_role("link", name="Create an account").click()
    expect(page).to_have_title("Create an account · PCT Journal")
    assert_accessible(page)
    page.locator("#id_username").fill("nightowl")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Welcome")).to_be_visible()
    expect(page).to_have_title("Dashboard · PCT Journal")
    assert_accessible(page)


def _set_time_zone(page) -> None:
    page.locator(".empty-state").get_by_role("link", name="Settings").click()
    expect(page).to_have_title("Settings · PCT Journal")
    assert_accessible(page)
    page.get_by_label("Time zone").select_option(TIME_ZONE)
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_role("status")).to_contain_text("Your settings are saved.")
    expect(page.get_by_label("Time zone")).to_have_value(TIME_ZONE)


def _empty_pages_say_what_to_do(page, base_url: str) -> None:
    for path, title, advice in [
        ("/entries/", "Entries", "Log your first entry"),
        ("/insights/", "Insights", "Log an experience"),
        ("/partners/", "Partners", "Add a nickname below"),
        ("/tags/", "Your factors", "Add one below"),
        ("/checkins/", "Check-ins", "Take one of the questionnaires above"),
    ]:
        page.goto(base_url + path)
        expect(page).to_have_title(f"{title} · PCT Journal")
        expect(page.locator(".empty-state")).to_contain_text(advice)
        assert_accessible(page)


def _log_calm(page) -> int:
    act = Interactions(page)
    act.click(page.get_by_role("link", name="Log", exact=True).first)
    expect(page).to_have_title("Log an experience · PCT Journal")
    # "When" starts at the phone's own clock, whichever zone the journal shows.
    phone_zone = page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone")
    now_there = dt.datetime.now(zoneinfo.ZoneInfo(phone_zone))
    when = dt.datetime.fromisoformat(page.locator("#id_occurred_at").input_value())
    assert abs(when - now_there.replace(tzinfo=None)) < dt.timedelta(minutes=2)
    assert_accessible(page)
    act.click(page.get_by_role("button", name="Save"))
    expect(page.get_by_role("status")).to_contain_text("Saved.")
    assert act.count <= CALM_INTERACTIONS, act.done
    return act.count


def _log_episode(page) -> int:
    act = Interactions(page)
    act.click(page.get_by_role("link", name="Log", exact=True).first)
    act.click(page.get_by_role("group", name="Sadness").get_by_text("Strong"))
    act.click(page.get_by_role("group", name="Anxiety").get_by_text("Moderate"))
    act.click(page.get_by_text("I cried"))
    act.click(page.get_by_text("What was going on"))
    act.click(page.get_by_role("group", name="Stress").get_by_text("Moderate"))
    act.click(page.get_by_text("Afterwards", exact=True))
    coping = page.get_by_role("group", name="What did you do afterwards?")
    act.click(coping.get_by_text("Time alone"))
    act.fill(page.get_by_label("How long it lasted (minutes)"), "20")
    assert_accessible(page)  # with every folded part that was opened
    act.click(page.get_by_role("button", name="Save"))
    expect(page.get_by_role("status")).to_contain_text("Be gentle with yourself")
    assert act.count <= EPISODE_INTERACTIONS, act.done
    return act.count


def _edit_the_calm_entry(page) -> None:
    page.locator(".entry-item", has_text="Calm").get_by_role("link").click()
    expect(page).to_have_title("Entry · PCT Journal")
    assert_accessible(page)
    page.get_by_role("link", name="Edit").click()
    expect(page).to_have_title("Edit entry · PCT Journal")
    assert_accessible(page)
    page.get_by_text("When and with whom").click()
    assert_accessible(page)  # with the partner fields a partnered entry shows
    page.get_by_role("group", name="Irritation").get_by_text("Mild").click()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Your changes are saved.")
    irritation = page.locator("dt", has_text="Irritation").locator("xpath=following-sibling::dd[1]")
    expect(irritation).to_have_text("Mild")


def _delete_the_episode(page) -> None:
    page.get_by_role("link", name="All entries").click()
    page.locator(".entry-item", has_text="Episode").get_by_role("link").click()
    page.get_by_role("button", name="Delete").click()
    expect(page.get_by_role("status")).to_contain_text("The entry is deleted.")
    expect(page.get_by_role("button", name="Undo")).to_be_visible()
    expect(page.locator(".entry-item")).to_have_count(1)
    expect(page.locator(".entry-item")).to_contain_text("Calm")


def _discreet_mode_says_journal(page) -> None:
    follow_main_link(page, "Settings")
    page.get_by_label("Discreet mode").check()
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_role("status")).to_contain_text("Your settings are saved.")
    expect(page).to_have_title("Journal")
    assert_accessible(page)
    page.get_by_role("link", name="Journal", exact=True).click()  # the header's home link
    expect(page.get_by_role("heading", name="Hello", exact=True)).to_be_visible()
    assert_accessible(page)
    for name in ("Entries", "Insights", "Partners"):
        follow_main_link(page, name)
        expect(page).to_have_title("Journal")
        expect(page.locator("header")).not_to_contain_text("PCT")
        expect(page.locator("body")).not_to_contain_text("nightowl")
        assert_accessible(page)


def _log_out(page) -> None:
    open_more_menu(page)
    page.get_by_role("button", name="Log out").locator("visible=true").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()


def _still_discreet_after_logging_out(page) -> None:
    _log_out(page)
    expect(page.get_by_role("status")).to_contain_text("You are logged out.")
    expect(page).to_have_title("Journal")
    expect(page.locator("header")).not_to_contain_text("PCT")
    assert_accessible(page)


def test_a_new_person_logs_a_calm_evening_and_an_episode_then_tidies_up(live_server, screen):
    page, _watch = screen
    base_url = live_server.url

    _sign_up(page, base_url)
    _set_time_zone(page)
    _empty_pages_say_what_to_do(page, base_url)
    page.goto(base_url + "/")
    calm_taps = _log_calm(page)
    page.goto(base_url + "/")
    episode_taps = _log_episode(page)

    expect(page).to_have_title("Entries · PCT Journal")
    assert_accessible(page)
    # Both were logged within the same minute, so either may be listed first.
    expect(page.locator(".entry-item")).to_have_count(2)
    episode = page.locator(".entry-item", has_text="Episode")
    expect(episode).to_contain_text("peak strong, cried")
    expect(page.locator(".entry-item", has_text="Calm")).to_have_count(1)
    _edit_the_calm_entry(page)
    _delete_the_episode(page)
    _discreet_mode_says_journal(page)
    _still_discreet_after_logging_out(page)
    assert (calm_taps, episode_taps) == (2, 10)
