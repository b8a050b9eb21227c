"""The security pages work in a real browser under the strict Content-Security-Policy:
logging in, settings, the security log, two-factor setup with its QR code, sessions,
re-authentication and deleting the account. The fixtures fail the test on any CSP
violation, console error or request leaving 127.0.0.1."""

import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.cache import cache
from playwright.sync_api import expect

from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _log_in(page, base_url: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.locator("#id_login").fill("alice")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()


def test_a_person_turns_on_two_factor_and_reads_their_security_log(live_server, desktop, settings):
    cache.clear()
    settings.MFA_TOTP_TOLERANCE = 1  # the code may be typed as the 30-second step turns
    UserFactory(username="alice")
    page, _watch = desktop
    _log_in(page, live_server.url)

    page.goto(f"{live_server.url}/settings/")
    page.get_by_role("link", name="Two-factor authentication").click()
    page.goto(f"{live_server.url}/accounts/2fa/totp/activate/")
    # Changing two-factor settings asks to confirm the password first.
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    qr_code = page.locator("img[src^='data:image/svg+xml']")
    expect(qr_code).to_be_visible()
    secret = page.locator("#authenticator_secret").input_value()
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    page.locator("#id_code").fill(code)
    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_text("recovery", exact=False).first).to_be_visible()

    page.goto(f"{live_server.url}/settings/security-log/")
    expect(page.get_by_text("Two-factor authentication turned on")).to_be_visible()
    expect(page.get_by_text("Logged in").first).to_be_visible()
    page.goto(f"{live_server.url}/accounts/sessions/")
    expect(page.locator("main")).to_contain_text("127.0.0.1")


def test_deleting_the_account_asks_for_the_password_again(live_server, phone):
    cache.clear()
    UserFactory(username="alice")
    page, _watch = phone
    _log_in(page, live_server.url)

    page.goto(f"{live_server.url}/settings/delete-account/")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete everything").click()

    expect(page.get_by_text("have been deleted")).to_be_visible()
