"""Sessions end after a while without activity and after a fixed maximum, and a person
can end their other sessions."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from audit.models import EventKind, SecurityEvent
from tests.security_helpers import forget_rate_limits, log_in, patched_clock

pytestmark = pytest.mark.django_db
MINUTE = 60


@pytest.fixture
def clock(monkeypatch):
    """Moves the session limits' clock forward without waiting."""
    return patched_clock(monkeypatch, "accounts.session_limits._now")


def _sent_to_log_in(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_a_session_ends_after_thirty_minutes_without_activity(alice_client, clock):
    assert settings.SESSION_IDLE_TIMEOUT == 30 * MINUTE
    clock.advance(32 * MINUTE)

    response = alice_client.get(reverse("entries:list"))

    assert _sent_to_log_in(response)
    login_page = alice_client.get(response["Location"])
    assert b"you were logged out" in login_page.content
    assert "_auth_user_id" not in alice_client.session


def test_the_idle_limit_is_configurable(alice_client, clock, settings):
    settings.SESSION_IDLE_TIMEOUT = 5 * MINUTE
    clock.advance(6 * MINUTE)

    assert _sent_to_log_in(alice_client.get(reverse("entries:list")))


def test_activity_keeps_a_session_alive(alice_client, clock):
    for _ in range(5):
        clock.advance(20 * MINUTE)
        assert alice_client.get(reverse("entries:list")).status_code == 200


def test_activity_does_not_extend_a_session_past_twelve_hours(alice_client, clock):
    assert settings.SESSION_COOKIE_AGE == 12 * 60 * MINUTE
    for _ in range(12 * 3 - 1):
        clock.advance(20 * MINUTE)
        assert alice_client.get(reverse("entries:list")).status_code == 200

    clock.advance(20 * MINUTE + 1)

    assert _sent_to_log_in(alice_client.get(reverse("entries:list")))


def test_an_expired_session_is_noted_in_the_security_log(alice, alice_client, clock):
    clock.advance(32 * MINUTE)

    alice_client.get(reverse("entries:list"))

    event = SecurityEvent.objects.filter(user=alice).first()
    assert event.kind == EventKind.SESSION_EXPIRED
    assert event.meta == {"reason": "idle"}


def test_the_session_cookie_expires_at_the_absolute_limit(alice, password):
    forget_rate_limits()
    client = Client()
    login = {"login": "alice", "password": password, "remember": "on"}
    client.post(reverse("account_login"), login)
    expires_first = client.session.get_expiry_date()

    client.get(reverse("entries:list"))

    assert client.session.get_expiry_date() == expires_first
    limit = timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert expires_first <= limit
    assert expires_first > limit - timedelta(minutes=1)


def test_a_person_can_log_out_of_every_other_session(alice, password):
    forget_rate_limits()
    phone, laptop = Client(), Client()
    log_in(phone, "alice")
    log_in(laptop, "alice")

    response = phone.post(reverse("usersessions_list"))

    assert response.status_code == 302
    assert _sent_to_log_in(laptop.get(reverse("entries:list")))
    assert phone.get(reverse("entries:list")).status_code == 200


def test_settings_link_to_sessions_and_the_security_log(alice_client):
    response = alice_client.get(reverse("accounts:settings"))

    assert reverse("usersessions_list").encode() in response.content
    assert reverse("audit:log").encode() in response.content
    assert reverse("mfa_index").encode() in response.content
