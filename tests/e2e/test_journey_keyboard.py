"""Logging an episode with the keyboard alone (Tab, Shift+Tab, the arrow keys, Space and
Enter), on a phone-sized and a desktop screen, with a visible focus indicator on every
control that receives focus on the way."""

import pytest
from playwright.sync_api import expect

from entries.models import Entry
from tests.e2e import journey_support
from tests.e2e.journey_support import (
    Interactions,
    assert_accessible,
    focused_with_visible_ring,
    log_in_as,
)
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

screen = journey_support.screen
# Enough to pass every control of the log form once, so a wrong turn fails quickly.
MAX_TABS = 60


def _tab_to(act: Interactions, page, wanted: str, *, backwards: bool = False) -> None:
    """Presses Tab until the focused element's description contains `wanted`, checking
    the focus is visible at every stop."""
    for _ in range(MAX_TABS):
        act.press("Shift+Tab" if backwards else "Tab")
        if wanted in focused_with_visible_ring(page):
            return
    raise AssertionError(f"Tab never reached {wanted!r}")


def test_an_episode_is_logged_with_the_keyboard_alone(live_server, screen):
    page, _watch = screen
    user = UserFactory(username="keys")
    log_in_as(page, live_server, user)
    page.goto(live_server.url + "/")
    act = Interactions(page)

    # The skip link comes first and jumps past the navigation.
    act.press("Tab")
    assert "Skip to content" in focused_with_visible_ring(page)
    act.press("Enter")
    _tab_to(act, page, "Log an experience")
    act.press("Enter")
    expect(page).to_have_title("Log an experience · PCT Journal")
    page.wait_for_load_state()

    act.press("Tab")
    assert "Skip to content" in focused_with_visible_ring(page)
    act.press("Enter")
    _tab_to(act, page, "input#id_sadness_0")  # the checked "None" of the first scale
    for _ in range(3):
        act.press("ArrowRight")
    expect(page.get_by_role("group", name="Sadness").get_by_label("Strong")).to_be_checked()
    _tab_to(act, page, "input#id_anxiety_after_0")
    act.press("ArrowRight")
    focused_with_visible_ring(page)
    _tab_to(act, page, "input#id_cried")
    act.press("Space")
    expect(page.get_by_label("I cried")).to_be_checked()

    # A folded part opens with Enter, and its first control is next in line.
    _tab_to(act, page, "Afterwards")
    act.press("Enter")
    _tab_to(act, page, "input#id_coping_2")
    act.press("Space")
    expect(page.get_by_label("Time alone")).to_be_checked()
    _tab_to(act, page, "input#id_episode_minutes")
    page.keyboard.type("15")
    act.done.append("type 15")
    _tab_to(act, page, "button Save")
    assert_accessible(page)  # as the keyboard left it, the "Afterwards" part open
    act.press("Enter")

    expect(page.get_by_role("status")).to_contain_text("Be gentle with yourself")
    entry = Entry.objects.get(user=user)
    assert (entry.sadness, entry.anxiety_after, entry.cried) == (3, 1, True)
    assert (entry.coping, entry.episode_minutes) == (["time_alone"], 15)
    assert not [step for step in act.done if step.startswith(("click", "fill"))]
