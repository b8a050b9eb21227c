"""Passkeys in a real browser: Chromium's virtual authenticator (over the DevTools
protocol) plays the phone's fingerprint reader. Registering one in Settings, logging in
with it without a password, and using it as the second step after a password, all under
the strict Content-Security-Policy (the fixtures fail on any violation or console error).

WebAuthn needs a secure context: the live server runs on http://localhost, which is one,
and the passkey's relying-party id is that host name, "localhost"."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.e2e.journey_support import (
    assert_accessible,
    assert_touch_targets,
    log_in_as,
    open_more_menu,
)
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# A platform authenticator that keeps discoverable credentials and whose fingerprint
# check always succeeds, as a phone's would for its owner.
PHONE_AUTHENTICATOR = {
    "protocol": "ctap2",
    "transport": "internal",
    "hasResidentKey": True,
    "hasUserVerification": True,
    "isUserVerified": True,
}


def _give_the_browser_a_fingerprint_reader(page) -> None:
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send("WebAuthn.addVirtualAuthenticator", {"options": PHONE_AUTHENTICATOR})


def _add_a_passkey_in_settings(page, base_url: str) -> None:
    page.goto(f"{base_url}/settings/")
    page.get_by_role("link", name="Passkeys").click()
    expect(page.get_by_role("heading", name="Passkeys")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Add a passkey").click()
    # Adding a way to log in asks for the password first.
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Add a passkey")).to_be_visible()
    expect(page.get_by_label("Use it to log in without a password")).to_be_checked()
    assert_accessible(page)
    page.get_by_label("A name to tell it apart").fill("My phone")
    page.get_by_role("button", name="Add a passkey").click()
    # The first passkey turns on the second step, so recovery codes come with it.
    expect(page.get_by_role("heading", name="Recovery Codes")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{base_url}/accounts/2fa/webauthn/")
    expect(page.locator(".passkey-list")).to_contain_text("My phone")
    assert_accessible(page)
    assert assert_touch_targets(page.locator("main")) >= 4
    page.get_by_role("link", name="Two-factor authentication").click()
    expect(page.get_by_role("link", name="Manage passkeys")).to_be_visible()
    assert_accessible(page)


def _log_out(page) -> None:
    open_more_menu(page)
    page.get_by_role("button", name="Log out").locator("visible=true").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()


def test_a_person_adds_a_passkey_and_logs_in_with_it_without_a_password(live_server, phone):
    cache.clear()
    alice = UserFactory(username="alice")
    page, _watch = phone
    _give_the_browser_a_fingerprint_reader(page)
    log_in_as(page, live_server, alice)
    _add_a_passkey_in_settings(page, live_server.url)

    _log_out(page)
    assert_accessible(page)
    assert_touch_targets(page.locator(".passkey-login"))
    page.get_by_role("button", name="Log in with a passkey").click()

    expect(page.get_by_role("heading", name="Hello, alice")).to_be_visible()
    page.goto(f"{live_server.url}/settings/security-log/")
    log = page.locator(".security-log")
    expect(log.locator("li").first).to_contain_text("Logged in")
    expect(log.locator("li").first).to_contain_text("passkey")
    expect(log).to_contain_text("Passkey used")
    expect(log).to_contain_text("Passkey added")


def test_after_the_password_a_passkey_is_the_second_step_and_can_be_removed(live_server, desktop):
    cache.clear()
    alice = UserFactory(username="alice")
    page, _watch = desktop
    _give_the_browser_a_fingerprint_reader(page)
    log_in_as(page, live_server, alice)
    _add_a_passkey_in_settings(page, live_server.url)
    _log_out(page)

    page.locator("#id_login").fill("alice")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("heading", name="One more step")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Use a passkey").click()

    expect(page.get_by_role("heading", name="Hello, alice")).to_be_visible()
    page.goto(f"{live_server.url}/settings/security-log/")
    expect(page.locator(".security-log li").first).to_contain_text("password and passkey")

    page.goto(f"{live_server.url}/accounts/2fa/webauthn/")
    page.get_by_role("link", name="Rename My phone").click()
    # Changing a passkey asks to confirm it is you first; the passkey itself can do that.
    page.get_by_role("link", name="Use a passkey").click()
    assert_accessible(page)
    page.get_by_role("button", name="Confirm with a passkey").click()
    page.get_by_label("A name to tell it apart").fill("Old phone")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Remove Old phone").click()
    expect(page.get_by_role("heading", name="Remove “Old phone”?")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Remove passkey").click()
    expect(page.get_by_text("You have no passkeys yet.")).to_be_visible()
    page.goto(f"{live_server.url}/settings/security-log/")
    expect(page.locator(".security-log li").first).to_contain_text("Passkey removed")


def test_a_phone_without_a_passkey_is_told_so_calmly(live_server, phone):
    page, _watch = phone
    _give_the_browser_a_fingerprint_reader(page)  # ...which holds no passkey for the site
    page.goto(f"{live_server.url}/accounts/login/")

    page.get_by_role("button", name="Log in with a passkey").click()

    expect(page.locator("[data-passkey-status]")).to_have_text(
        "No passkey was used. You can try again, or use your password."
    )
    assert_accessible(page)
