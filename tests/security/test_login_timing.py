"""A wrong password costs one password hash, whether or not the account exists.

A login that hashes twice for a real account and once for a made-up one tells anyone
with a stopwatch which usernames and addresses have accounts. The hasher is counted
here rather than timed.
"""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import MD5PasswordHasher
from django.urls import reverse

from tests.security_helpers import forget_rate_limits

pytestmark = pytest.mark.django_db


class CountingHasher(MD5PasswordHasher):
    """The test suite's fast hasher (same algorithm name), counting every hash it makes:
    checking a password and the stand-in hash for an unknown account both come here."""

    calls = 0

    def encode(self, password, salt):
        type(self).calls += 1
        return super().encode(password, salt)


@pytest.fixture(autouse=True)
def _counting_hasher(settings, alice):
    # alice's password was stored with MD5; the counting hasher reads it (same name).
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    EmailAddress.objects.create(user=alice, email="alice@example.org", verified=True, primary=True)
    forget_rate_limits()


def _hashes_for_a_wrong_password(client, login: str) -> int:
    CountingHasher.calls = 0
    response = client.post(reverse("account_login"), {"login": login, "password": "wrong-guess-1"})
    assert response.status_code == 200  # the form again, with its error
    return CountingHasher.calls


@pytest.mark.parametrize(
    ("known", "unknown"),
    [("alice", "alicia"), ("alice@example.org", "alicia@example.org")],
    ids=["username", "email"],
)
def test_a_wrong_password_costs_the_same_for_real_and_made_up_accounts(client, known, unknown):
    assert _hashes_for_a_wrong_password(client, known) == 1
    assert _hashes_for_a_wrong_password(client, unknown) == 1


def test_a_right_password_is_hashed_once(client, password):
    CountingHasher.calls = 0

    response = client.post(
        reverse("account_login"), {"login": "alice@example.org", "password": password}
    )

    assert response.status_code == 302
    assert CountingHasher.calls == 1


@pytest.mark.parametrize("username", ["alice", "alicia"])
def test_other_logins_through_django_cost_one_hash_too(rf, username):
    # The admin's login form calls authenticate() with a username.
    CountingHasher.calls = 0

    assert authenticate(rf.post("/"), username=username, password="wrong-guess-1") is None
    assert CountingHasher.calls == 1
