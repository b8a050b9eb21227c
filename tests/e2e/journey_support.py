"""Helpers shared by the browser journeys (tests/e2e/test_journey_*.py): axe-core in light
and dark mode, an interaction counter for the log form, logging in and checking focus."""

from dataclasses import dataclass, field

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
_AXE = Axe()
# Visible elements that stick out past the right edge of the window.
_WIDER_THAN_THE_SCREEN = """() => [...document.querySelectorAll('body *')]
  .filter((element) => element.getClientRects().length
    && element.getBoundingClientRect().right > document.documentElement.clientWidth + 1
    && !element.closest('.table-responsive, .visually-hidden, .visually-hidden-focusable'))
  .map((element) => element.tagName.toLowerCase() + '.' + [...element.classList].join('.'))
  .slice(0, 5)"""
# Resolves once every running CSS transition or animation has finished or been
# cancelled, or after two seconds at most: page.evaluate has no timeout of its own, and an
# animation whose timeline stalls would otherwise keep the journey waiting for ever.
_SETTLED = """() => Promise.race([
  Promise.allSettled(document.getAnimations().map((animation) => animation.finished)),
  new Promise((resolve) => setTimeout(resolve, 2000)),
])"""


@pytest.fixture(params=["phone", "desktop"])
def screen(request):
    """The same journey on a 390x844 phone and a 1280x800 desktop (see conftest.py)."""
    return request.getfixturevalue(request.param)


def assert_accessible(page) -> None:
    """Zero axe-core violations at WCAG 2.1 AA, in light and then in dark mode, and
    nothing wider than the screen (WCAG 1.4.10, reflow)."""
    too_wide = page.evaluate(_WIDER_THAN_THE_SCREEN)
    assert too_wide == [], f"{page.url}: sideways scrolling needed for {too_wide}"
    for scheme in ("dark", "light"):
        # Reduced motion turns off Bootstrap's colour transitions, which axe would
        # otherwise catch halfway between the two modes.
        page.emulate_media(color_scheme=scheme, reduced_motion="reduce")
        # On pages built on base.html, static/js/theme.js follows the system setting;
        # wait until it has. (The stand-alone summary uses prefers-color-scheme alone.)
        if page.locator("html[data-bs-theme]").count():
            expect(page.locator("html")).to_have_attribute("data-bs-theme", scheme)
        page.evaluate(_SETTLED)
        results = _AXE.run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, (
            f"{scheme} mode, {page.url}\n{results.generate_report()}"
        )


MIN_TARGET = 44  # CSS pixels, each way: the least a thumb hits reliably
# Every visible link, button and checkbox label inside the given element, with its size.
_TARGETS = """(container) => [...container.querySelectorAll('a, button, .form-check-label')]
  .filter((element) => element.getClientRects().length)
  .map((element) => {
    const box = element.getBoundingClientRect();
    return {text: element.textContent.trim().replace(/\\s+/g, ' '),
            width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10};
  })"""


def assert_touch_targets(locator) -> int:
    """Every link, button and checkbox label in the element is at least 44x44 CSS pixels;
    returns how many were measured, so a caller can check the list was not empty."""
    targets = locator.evaluate(_TARGETS)
    small = [t for t in targets if t["width"] < MIN_TARGET or t["height"] < MIN_TARGET]
    assert small == [], f"touch targets under {MIN_TARGET}px: {small}"
    return len(targets)


def follow_main_link(page, name: str) -> None:
    """Follows a main navigation link: in the top bar on a desktop, in the tab bar or
    under "More" on a phone. Both bars are in the page and CSS hides one, so this waits
    for the page's stylesheets (and Bootstrap's script, for "More") before it looks for
    the visible link; a link found before the styles applied can vanish under the click.
    It returns once the new page marks that link as the current page, so what the caller
    checks next is the new page and not the one being left."""
    page.wait_for_load_state()
    link = page.get_by_role("link", name=name, exact=True).locator("visible=true")
    if link.count() == 0:
        open_more_menu(page)
    link.first.click()
    current = page.get_by_role("link", name=name, exact=True, include_hidden=True)
    expect(current.and_(page.locator('[aria-current="page"]')).first).to_be_attached()


def open_more_menu(page) -> None:
    """Opens the visible bar's "More" menu, once Bootstrap's script (at the end of the
    page) has loaded to drive it."""
    page.wait_for_load_state()
    page.get_by_role("button", name="More").locator("visible=true").click()


def log_in_as(page, live_server, user) -> None:
    """Starts a journey already logged in; signing up and logging in have their own."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def sign_up_on_the_form(page, live_server, username: str, password: str) -> None:
    """Creates an account through the sign-up page, as a new person does, and waits for
    the welcome that follows."""
    page.goto(f"{live_server.url}/accounts/signup/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password1").fill(password)
    page.locator("#id_password2").fill(password)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Welcome")).to_be_visible()


@dataclass
class Interactions:
    """Counts what a person does: a click, a key press or filling a field is one each."""

    page: object
    done: list[str] = field(default_factory=list)

    def click(self, locator) -> None:
        self.done.append(f"click {locator}")
        locator.click()

    def fill(self, locator, value: str) -> None:
        self.done.append(f"fill {locator}")
        locator.fill(value)

    def press(self, key: str) -> None:
        self.done.append(f"press {key}")
        self.page.keyboard.press(key)

    @property
    def count(self) -> int:
        return len(self.done)


# The focus indicator is drawn on the control itself, or, for the radio and checkbox
# inputs drawn as buttons (.btn-check, visually hidden), on the label right after it.
_FOCUS_STYLE = """() => {
  const focused = document.activeElement;
  const shown = focused.matches('.btn-check') ? focused.nextElementSibling : focused;
  const style = getComputedStyle(shown);
  return {
    element: focused.tagName.toLowerCase() + (focused.id ? '#' + focused.id : '')
      + ' ' + (focused.textContent || focused.value || '').trim().slice(0, 40),
    outline: style.outlineStyle === 'auto'
      || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2),
    ring: style.boxShadow !== 'none',
  };
}"""


def focused_with_visible_ring(page) -> str:
    """The focused element's description; fails unless it shows a focus outline or ring."""
    focus = page.evaluate(_FOCUS_STYLE)
    assert focus["outline"] or focus["ring"], f"no visible focus on {focus['element']}"
    return focus["element"]
