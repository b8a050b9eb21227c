"""The login lockout counts wrong passwords per account, however the account is named.

Five wrong guesses at a username must not leave five more for the same account's email
address (or the same name in capitals). A login that names no account is counted on
its own and locked the same way, so the lockout does not tell which logins exist.
"""

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.test import Client

from tests.security_helpers import forget_rate_limits, log_in

pytestmark = pytest.mark.django_db
LOCKED = b"Too many failed login attempts"


@pytest.fixture(autouse=True)
def _alice_has_an_address(alice):
    EmailAddress.objects.create(user=alice, email="alice@example.org", verified=True, primary=True)
    forget_rate_limits()


def _guess_wrong(login: str, times: int) -> None:
    for _ in range(times):
        # A new browser each time: no device cookie, the shared count.
        assert log_in(Client(), login, "not-the-password").status_code == 200


def test_guesses_at_the_username_lock_the_email_address_too(password):
    _guess_wrong("alice", settings.LOGIN_ATTEMPTS)

    response = log_in(Client(), "alice@example.org", password)

    assert response.status_code == 200
    assert LOCKED in response.content


def test_guesses_at_the_email_address_lock_the_username_too(password):
    _guess_wrong("alice@example.org", settings.LOGIN_ATTEMPTS)

    assert LOCKED in log_in(Client(), "alice", password).content


def test_guesses_spread_over_every_name_of_the_account_add_up(password):
    _guess_wrong("alice", 2)
    _guess_wrong("ALICE@example.org", 2)
    _guess_wrong("Alice", settings.LOGIN_ATTEMPTS - 4)

    assert LOCKED in log_in(Client(), "alice@example.org", password).content


def test_a_login_that_names_no_account_is_locked_the_same_way():
    _guess_wrong("nobody-here", settings.LOGIN_ATTEMPTS)

    response = log_in(Client(), "nobody-here", "another-guess")

    assert response.status_code == 200
    assert LOCKED in response.content


def test_unknown_logins_do_not_share_a_count_with_each_other(password):
    _guess_wrong("nobody-here", settings.LOGIN_ATTEMPTS)

    response = log_in(Client(), "somebody-else", "another-guess")

    assert LOCKED not in response.content


def test_other_accounts_can_still_log_in(bob, password):
    _guess_wrong("alice", settings.LOGIN_ATTEMPTS)

    assert log_in(Client(), "bob", password).status_code == 302
