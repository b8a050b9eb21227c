"""Rate limits on logging in, signing up and resetting a password; the temporary lockout."""

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.security_helpers import forget_rate_limits, log_in, patched_clock

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    forget_rate_limits()
    yield
    forget_rate_limits()


@pytest.fixture
def clock(monkeypatch):
    """Moves allauth's rate-limit clock forward without waiting."""
    return patched_clock(monkeypatch, "allauth.core.internal.ratelimit.time.time")


def _is_locked_out(response) -> bool:
    return response.status_code == 200 and b"Too many failed login attempts" in response.content


def _fail_logins(client, username, times):
    for _ in range(times):
        response = log_in(client, username, "not-the-password")
        assert response.status_code == 200


def test_repeated_wrong_passwords_lock_the_account_for_a_while(client, alice, password):
    _fail_logins(client, "alice", settings.LOGIN_ATTEMPTS)

    response = log_in(client, "alice", password)

    assert _is_locked_out(response)
    assert "_auth_user_id" not in client.session


def test_the_lockout_ends_by_itself(client, alice, password, clock):
    _fail_logins(client, "alice", settings.LOGIN_ATTEMPTS)
    assert _is_locked_out(log_in(client, "alice", password))

    clock.advance(settings.LOGIN_LOCKOUT_MINUTES * 60 + 1)
    response = log_in(client, "alice", password)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_the_lockout_is_per_account(client, alice, bob, password):
    _fail_logins(client, "alice", settings.LOGIN_ATTEMPTS)

    response = log_in(Client(), "bob", password)

    assert response.status_code == 302


def test_a_password_reset_lifts_the_lockout(client, alice, password):
    # Resets go only to a verified address (tests/accounts/test_email_changes.py).
    EmailAddress.objects.create(user=alice, email=alice.email, verified=True, primary=True)
    _fail_logins(client, "alice", settings.LOGIN_ATTEMPTS)
    client.post(reverse("account_reset_password"), {"email": alice.email})
    reset_link = next(
        line for line in mail.outbox[0].body.splitlines() if "/password/reset/key/" in line
    ).strip()
    form_url = client.get(reset_link)["Location"]
    new_password = "a-new-long-passphrase-42"

    client.post(form_url, {"password1": new_password, "password2": new_password})
    response = log_in(client, "alice", new_password)

    assert response.status_code == 302


def test_successful_logins_do_not_count_towards_the_lockout(alice, password):
    for _ in range(settings.LOGIN_ATTEMPTS + 2):
        client = Client()
        assert log_in(client, "alice", password).status_code == 302


def test_too_many_logins_from_one_address_are_refused(alice, password):
    responses = [log_in(Client(), "alice", password) for _ in range(31)]

    assert {response.status_code for response in responses[:30]} == {302}
    assert responses[30].status_code == 429


def test_too_many_signups_from_one_address_are_refused(client):
    data = {"username": "", "password1": "x", "password2": "y"}
    responses = [client.post(reverse("account_signup"), data) for _ in range(21)]

    assert {response.status_code for response in responses[:20]} == {200}
    assert responses[20].status_code == 429


def test_too_many_password_resets_for_one_address_are_refused(client, alice):
    responses = [
        client.post(reverse("account_reset_password"), {"email": alice.email}) for _ in range(6)
    ]

    assert {response.status_code for response in responses[:5]} == {302}
    assert responses[5].status_code == 429
    assert len(mail.outbox) == 5


def test_the_session_key_changes_at_login(client, alice, password):
    session = client.session
    session["before_login"] = True
    session.save()
    anonymous_key = session.session_key
    client.cookies[settings.SESSION_COOKIE_NAME] = anonymous_key

    log_in(client, "alice", password)

    new_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert new_key != anonymous_key
    assert client.session["_auth_user_id"] == str(alice.pk)
    assert not session.exists(anonymous_key)
