"""Logging in with a passkey, without a password or as the second step after one. A
passkey login goes through the same gates as a password: session limits, rate limits,
the lockout and the security log."""

import json
import time

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from audit.models import EventKind, SecurityEvent
from tests.security_helpers import forget_rate_limits, log_in, reauthenticate
from tests.soft_passkey import SoftPasskey, add_passkey, log_in_with_passkey

pytestmark = pytest.mark.django_db
MINUTE = 60


@pytest.fixture(autouse=True)
def _fresh_cache():
    forget_rate_limits()
    yield
    forget_rate_limits()


@pytest.fixture
def passkey(alice_client) -> SoftPasskey:
    """Alice's phone, with a passkey she added in Settings."""
    passkey = SoftPasskey()
    add_passkey(alice_client, passkey)
    return passkey


def _logged_in(client: Client) -> bool:
    return client.get(reverse("entries:list")).status_code == 200


def _newest(user, kind) -> SecurityEvent:
    return SecurityEvent.objects.filter(user=user, kind=kind).first()


def test_a_passkey_logs_in_without_a_password(passkey):
    client = Client()

    response = log_in_with_passkey(client, passkey)

    assert response.status_code == 302
    assert response["Location"] == reverse("insights:dashboard")
    assert _logged_in(client)


def test_a_passkey_login_is_in_the_security_log(alice, passkey):
    client = Client(HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile")

    log_in_with_passkey(client, passkey)

    login = _newest(alice, EventKind.LOGIN)
    assert login.meta == {"method": "passkey"}
    assert login.browser == "Chrome on Android"
    used = _newest(alice, EventKind.PASSKEY_USED)
    assert used.meta == {"method": "to log in", "authenticator": "webauthn"}
    page = client.get(reverse("audit:log")).content.decode()
    assert "Passkey used" in page
    assert "· passkey" in page


def test_a_passkey_answer_made_for_another_site_does_not_log_in(passkey):
    # What a look-alike site would get from the phone: signed, but for its own origin.
    client = Client()

    response = log_in_with_passkey(client, passkey, origin="https://journal.example.net")

    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")
    assert not _logged_in(client)


def test_a_passkey_login_needs_the_owner_to_unlock_the_phone(passkey):
    # Possession alone (a touch, no fingerprint, face or PIN) is one factor, not two.
    client = Client()

    log_in_with_passkey(client, passkey, verified=False)

    assert not _logged_in(client)


def test_a_removed_passkey_no_longer_logs_in(alice, alice_client, passkey):
    authenticator = alice.authenticator_set.get(type="webauthn")
    alice_client.post(reverse("mfa_remove_webauthn", kwargs={"pk": authenticator.pk}))
    client = Client()

    log_in_with_passkey(client, passkey)

    assert not _logged_in(client)


def test_a_passkey_login_needs_the_csrf_token(passkey):
    client = Client(enforce_csrf_checks=True)
    url = reverse("mfa_login_webauthn")
    options = client.get(url, HTTP_ACCEPT="application/json").json()
    assertion = passkey.sign_in(options["request_options"])

    response = client.post(url, {"credential": json.dumps(assertion)})

    assert response.status_code == 403
    assert not _logged_in(client)


def test_forged_passkey_logins_are_limited_per_address(db):
    client = Client()
    url = reverse("mfa_login_webauthn")
    statuses = [client.post(url, {"credential": '{"id": "forged"}'}).status_code for _ in range(11)]

    assert statuses[:10] == [302] * 10
    assert statuses[10] == 429


def test_a_passkey_login_ends_after_the_idle_timeout_like_any_other(passkey, monkeypatch):
    client = Client()
    log_in_with_passkey(client, passkey)
    assert _logged_in(client)

    later = time.time() + settings.SESSION_IDLE_TIMEOUT + MINUTE
    monkeypatch.setattr("accounts.session_limits._now", lambda: later)

    response = client.get(reverse("entries:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_passkey_login_leaves_the_password_lockout_in_place(alice, passkey, password):
    someone = Client()
    for _ in range(settings.LOGIN_ATTEMPTS):
        log_in(someone, "alice", "not-the-password")

    # Guessing at the password cannot shut the owner out: a passkey is not a guess.
    owner = Client()
    log_in_with_passkey(owner, passkey)
    assert _logged_in(owner)
    # ...and her passkey login lifts nothing: the right password is still refused
    # from a browser she never used, until the lockout ends.
    response = log_in(Client(), "alice", password)
    assert b"Too many failed login attempts" in response.content


def test_once_a_passkey_is_added_a_password_alone_does_not_log_in(passkey):
    client = Client()

    response = log_in(client, "alice")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_authenticate"))
    assert not _logged_in(client)


def test_after_the_password_the_passkey_is_the_second_step(alice, passkey):
    client = Client()
    log_in(client, "alice")
    page = client.get(reverse("mfa_authenticate"))
    assert b"Use a passkey" in page.content
    assertion = passkey.sign_in(page.context["js_data"]["request_options"])

    response = client.post(reverse("mfa_authenticate"), {"credential": json.dumps(assertion)})

    assert response.status_code == 302
    assert _logged_in(client)
    assert _newest(alice, EventKind.LOGIN).meta == {"method": "password and passkey"}
    assert _newest(alice, EventKind.PASSKEY_USED).meta["method"] == "as the second step"


def test_a_wrong_passkey_is_not_a_second_step(alice, passkey):
    client = Client()
    log_in(client, "alice")
    page = client.get(reverse("mfa_authenticate"))
    stranger = SoftPasskey(user_handle=passkey.user_handle)
    assertion = stranger.sign_in(page.context["js_data"]["request_options"])

    response = client.post(reverse("mfa_authenticate"), {"credential": json.dumps(assertion)})

    assert response.status_code == 200
    assert b"That passkey did not work here." in response.content
    assert not _logged_in(client)


def test_the_second_step_offers_no_passkey_to_someone_without_one(alice, alice_client):
    # Two-factor with an authenticator app only: the page asks for a code alone.
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(alice, "JBSWY3DPEHPK3PXP")
    client = Client()
    log_in(client, "alice")

    page = client.get(reverse("mfa_authenticate"))

    assert page.status_code == 200
    assert b"Use a passkey" not in page.content
    assert b"With a code" in page.content


def test_a_passkey_confirms_it_is_you_before_a_sensitive_page(alice, passkey):
    client = Client()
    log_in_with_passkey(client, passkey)
    page = client.get(reverse("mfa_reauthenticate_webauthn"))
    assertion = passkey.sign_in(page.context["js_data"]["request_options"])

    response = client.post(
        reverse("mfa_reauthenticate_webauthn"), {"credential": json.dumps(assertion)}
    )

    assert response.status_code == 302
    assert client.get(reverse("accounts:delete")).status_code == 200
    assert _newest(alice, EventKind.PASSKEY_USED).meta["method"] == "to confirm it is you"


MALFORMED = [
    pytest.param('{"id": "forged"}', id="no-raw-id"),
    pytest.param("[]", id="a-list"),
    pytest.param('"text"', id="a-string"),
    pytest.param('{"id": "x", "rawId": "x", "response": {}}', id="empty-response"),
    pytest.param('{"id": "!!", "rawId": "!!", "response": {"clientDataJSON": 1}}', id="junk"),
]


@pytest.mark.parametrize("credential", MALFORMED)
def test_a_malformed_passkey_answer_is_refused_without_an_error_page(alice, passkey, credential):
    client = Client()
    login = client.post(reverse("mfa_login_webauthn"), {"credential": credential})
    log_in(client, "alice")
    second_step = client.post(reverse("mfa_authenticate"), {"credential": credential})

    assert login.status_code == 302
    assert login["Location"] == reverse("account_login")
    assert second_step.status_code == 200
    assert not _logged_in(client)


@pytest.mark.parametrize("credential", MALFORMED)
def test_a_malformed_new_passkey_is_refused_without_an_error_page(alice, alice_client, credential):
    reauthenticate(alice_client)
    alice_client.get(reverse("mfa_add_webauthn"))

    response = alice_client.post(
        reverse("mfa_add_webauthn"), {"name": "My phone", "credential": credential}
    )

    assert response.status_code == 200
    assert not alice.authenticator_set.exists()


def test_after_the_idle_timeout_a_passkey_login_returns_to_the_page_being_written(passkey):
    # The login page passes ?next= on to the passkey form, as it does for the password.
    client = Client()
    login_page = client.get(reverse("account_login") + "?next=/entries/new/")
    assert b'name="next" value="/entries/new/"' in login_page.content
    url = reverse("mfa_login_webauthn")
    options = client.get(url, HTTP_ACCEPT="application/json").json()
    assertion = passkey.sign_in(options["request_options"])

    response = client.post(url, {"credential": json.dumps(assertion), "next": "/entries/new/"})

    assert response.status_code == 302
    assert response["Location"] == "/entries/new/"
