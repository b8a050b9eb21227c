"""The security log: what is recorded, what is refused, and the page that shows it."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from audit.models import EventKind, SecurityEvent
from audit.services import audit_record
from tests.security_helpers import forget_rate_limits, log_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    forget_rate_limits()


def _kinds(user) -> list[str]:
    return list(SecurityEvent.objects.filter(user=user).values_list("kind", flat=True))


def test_a_login_is_recorded_with_address_browser_and_method(alice, password):
    client = Client(HTTP_USER_AGENT="Firefox on a phone")

    log_in(client, "alice", password)

    event = SecurityEvent.objects.get(user=alice, kind=EventKind.LOGIN)
    assert event.ip == "127.0.0.1"
    assert event.user_agent == "Firefox on a phone"
    assert event.meta == {"method": "password"}


def test_a_wrong_password_is_recorded_for_that_account(alice):
    log_in(Client(), "alice", "wrong-password")

    assert _kinds(alice) == [EventKind.LOGIN_FAILED]


def test_a_wrong_password_for_an_unknown_name_is_not_stored(db):
    log_in(Client(), "nobody-by-that-name", "wrong-password")

    assert not SecurityEvent.objects.exists()


def test_logging_out_is_recorded(alice, alice_client):
    alice_client.post(reverse("account_logout"))

    assert _kinds(alice)[0] == EventKind.LOGOUT


def test_a_password_change_is_recorded(alice, alice_client, password):
    new_password = "another-long-passphrase-7"

    alice_client.post(
        reverse("account_change_password"),
        {"oldpassword": password, "password1": new_password, "password2": new_password},
    )

    assert _kinds(alice)[0] == EventKind.PASSWORD_CHANGED


@pytest.mark.parametrize(
    "meta",
    [
        pytest.param({"notes": "anything"}, id="unknown-key"),
        pytest.param({"password": "x"}, id="password"),
        pytest.param({"format": "x" * 65}, id="too-long"),
        pytest.param({"count": [1, 2]}, id="not-a-scalar"),
    ],
)
def test_it_refuses_metadata_that_could_carry_content(alice, meta):
    with pytest.raises(ValueError, match="audit_record"):
        audit_record(user=alice, kind=EventKind.EXPORT_DOWNLOADED, **meta)

    assert not SecurityEvent.objects.filter(kind=EventKind.EXPORT_DOWNLOADED).exists()


def test_it_refuses_an_unknown_kind(alice):
    with pytest.raises(ValueError):
        audit_record(user=alice, kind="read_every_note")


def test_later_features_can_record_their_events(alice):
    event = audit_record(
        user=alice, kind=EventKind.SHARE_LINK_CREATED, link="3f2a", expires="2027-01-31"
    )

    assert event.meta == {"link": "3f2a", "expires": "2027-01-31"}


def test_events_older_than_the_retention_are_removed_at_the_next_login(alice, settings):
    old = audit_record(user=alice, kind=EventKind.LOGOUT)
    old.at = timezone.now() - timedelta(days=settings.AUDIT_RETENTION_DAYS + 1)
    old.save()
    recent = audit_record(user=alice, kind=EventKind.LOGOUT)

    log_in(Client(), "alice")

    assert not SecurityEvent.objects.filter(pk=old.pk).exists()
    assert SecurityEvent.objects.filter(pk=recent.pk).exists()


def test_the_page_lists_the_persons_own_events(alice, alice_client, bob):
    audit_record(user=alice, kind=EventKind.PASSWORD_CHANGED)
    audit_record(user=bob, kind=EventKind.EXPORT_DOWNLOADED)

    response = alice_client.get(reverse("audit:log"))

    assert response.status_code == 200
    assert b"Password changed" in response.content
    assert b"Export downloaded" not in response.content


def test_it_checks_ownership(charlie_client, alice):
    audit_record(user=alice, kind=EventKind.PASSWORD_CHANGED)

    response = charlie_client.get(reverse("audit:log"))

    assert b"Password changed" not in response.content


def test_the_page_says_what_to_expect_when_empty(alice, alice_client):
    SecurityEvent.objects.filter(user=alice).delete()

    response = alice_client.get(reverse("audit:log"))

    assert b"Nothing here yet" in response.content


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("audit:log"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
