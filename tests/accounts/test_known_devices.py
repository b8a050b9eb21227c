"""Someone guessing at a username cannot lock its owner out of a browser the owner has
logged in from before (accounts/known_devices.py). Each test starts with empty rate
limits (tests/conftest.py gives it a cache of its own)."""

import pytest
from django.conf import settings
from django.core import signing
from django.test import Client

from accounts.known_devices import COOKIE_NAME, SALT
from tests.security_helpers import log_in

pytestmark = pytest.mark.django_db


def _known_browser(username: str, password: str) -> Client:
    browser = Client()
    assert log_in(browser, username, password).status_code == 302
    browser.post("/accounts/logout/")
    return browser


def _guess(client: Client, username: str, times: int) -> None:
    for _ in range(times):
        assert log_in(client, username, "a-wrong-guess").status_code == 200


def _locked_out(response) -> bool:
    return response.status_code == 200 and b"Too many failed login attempts" in response.content


def test_a_known_browser_logs_in_while_strangers_are_locked_out(alice, password):
    phone = _known_browser("alice", password)
    _guess(Client(), "alice", settings.LOGIN_ATTEMPTS)

    stranger = log_in(Client(), "alice", password)
    own_phone = log_in(phone, "alice", password)

    assert _locked_out(stranger)
    assert own_phone.status_code == 302
    assert phone.session["_auth_user_id"] == str(alice.pk)


def test_a_known_browser_still_has_its_own_lockout(alice, password):
    phone, laptop = _known_browser("alice", password), _known_browser("alice", password)
    _guess(phone, "alice", settings.LOGIN_ATTEMPTS)

    assert _locked_out(log_in(phone, "alice", password))
    assert log_in(laptop, "alice", password).status_code == 302


def test_a_browser_known_to_one_account_is_a_stranger_to_another(alice, bob, password):
    bobs_laptop = _known_browser("bob", password)
    _guess(Client(), "alice", settings.LOGIN_ATTEMPTS)

    assert _locked_out(log_in(bobs_laptop, "alice", password))


def test_a_forged_cookie_counts_for_nothing(alice, password):
    _guess(Client(), "alice", settings.LOGIN_ATTEMPTS)
    forger = Client()
    forger.cookies[COOKIE_NAME] = signing.dumps({"u": alice.pk, "d": "x"}, salt="other-salt")

    assert _locked_out(log_in(forger, "alice", password))


def test_the_cookie_names_no_one_and_scripts_cannot_read_it(alice, password):
    browser = Client()
    log_in(browser, "alice", password)

    cookie = browser.cookies[COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert "alice" not in cookie.value
    assert signing.loads(cookie.value, salt=SALT)["u"] == alice.pk


def test_logging_in_again_keeps_the_same_device(alice, password):
    browser = _known_browser("alice", password)
    first = signing.loads(browser.cookies[COOKIE_NAME].value, salt=SALT)["d"]

    log_in(browser, "alice", password)

    assert signing.loads(browser.cookies[COOKIE_NAME].value, salt=SALT)["d"] == first
