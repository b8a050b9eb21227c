"""Discreet mode outlasts the login (accounts/discreet.py): after logging out, the login
page's tab and header say "Journal" when the person who last used this browser chose
discreet mode, and "PCT Journal" when they did not."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from accounts.discreet import DISCREET_COOKIE
from accounts.services import preferences_for
from tests.factories import PreferencesFactory
from tests.security_helpers import log_in

pytestmark = pytest.mark.django_db


def test_the_middleware_runs_after_the_preferences_are_loaded(settings):
    # It reads request.preferences, which accounts.middleware sets.
    middleware = settings.MIDDLEWARE
    assert middleware.index("accounts.discreet.DiscreetCookieMiddleware") > middleware.index(
        "accounts.middleware.UserPreferencesMiddleware"
    )


def _discreet(user, on: bool = True) -> None:
    PreferencesFactory(user=user, discreet_mode=on)


def _title(html: str) -> str:
    return " ".join(re.search(r"<title>(.*?)</title>", html, re.DOTALL)[1].split())


def _header(html: str) -> str:
    return html[html.find("<header") : html.find("</header>")]


def _log_in_and_out(client: Client, username: str) -> str:
    """The login page as it looks after logging out."""
    assert log_in(client, username).status_code == 302
    client.get(reverse("insights:dashboard"))
    response = client.post(reverse("account_logout"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("account_login")
    return response.content.decode()


def test_with_discreet_mode_the_login_page_after_logout_is_neutral(alice):
    _discreet(alice)

    page = _log_in_and_out(Client(), "alice")

    assert _title(page) == "Journal"
    assert "PCT" not in _header(page)
    assert "Log in" in page  # the page itself is unchanged


def test_without_discreet_mode_the_login_page_names_the_app(alice):
    page = _log_in_and_out(Client(), "alice")

    assert _title(page) == "Log in · PCT Journal"
    assert "PCT Journal" in _header(page)


def test_the_other_entrance_pages_stay_neutral_too(alice):
    _discreet(alice)
    client = Client()
    _log_in_and_out(client, "alice")

    for name in ("account_signup", "account_reset_password"):
        assert _title(client.get(reverse(name)).content.decode()) == "Journal", name


def test_turning_discreet_mode_off_forgets_it(alice):
    _discreet(alice)
    client = Client()
    log_in(client, "alice")
    client.get(reverse("insights:dashboard"))
    assert client.cookies[DISCREET_COOKIE].value == "1"

    settings_data = {"time_zone": "UTC", "episode_threshold": "2", "checkin_cadence_days": "14"}
    client.post(reverse("accounts:settings"), settings_data, follow=True)
    assert not preferences_for(alice).discreet_mode
    page = _log_in_and_out(client, "alice")

    assert _title(page) == "Log in · PCT Journal"


def test_the_cookie_says_nothing_and_is_kept_from_scripts(alice, settings):
    settings.SESSION_COOKIE_SECURE = True
    _discreet(alice)
    client = Client()
    client.force_login(alice)

    response = client.get(reverse("entries:list"))

    cookie = response.cookies[DISCREET_COOKIE]
    assert cookie.value == "1"
    assert cookie["httponly"] and cookie["secure"]
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 365 * 24 * 60 * 60
    # Set once, not on every page.
    assert DISCREET_COOKIE not in client.get(reverse("entries:list")).cookies


def test_someone_else_logging_in_without_discreet_mode_clears_it(alice, bob):
    _discreet(alice)
    client = Client()
    _log_in_and_out(client, "alice")

    page = _log_in_and_out(client, "bob")

    assert _title(page) == "Log in · PCT Journal"


def test_a_logged_in_person_sees_their_own_setting_whatever_the_cookie(alice_client):
    alice_client.cookies[DISCREET_COOKIE] = "1"

    page = alice_client.get(reverse("entries:list")).content.decode()

    assert _title(page) == "Entries · PCT Journal"
