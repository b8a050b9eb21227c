"""Changing the email addresses of an account: the way a stolen session would take it over.

Someone in another person's logged-in session must not be able to add their own
address and then reset the password to it. Adding, removing or choosing the main
address asks for the password again; the account's verified addresses hear about
every change; the security log records it; and a password reset goes only to an
address that was verified by mail.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse

from audit.models import EventKind, SecurityEvent
from tests.factories import PASSWORD
from tests.security_helpers import forget_rate_limits, reauthenticate

pytestmark = pytest.mark.django_db

EMAIL_URL = reverse("account_email")
OWNER = "alice@example.org"
INTRUDER = "attacker@evil.example"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    forget_rate_limits()


@pytest.fixture
def alice_address(alice):
    return EmailAddress.objects.create(user=alice, email=OWNER, verified=True, primary=True)


@pytest.fixture
def recent_client(alice, alice_address):
    """Alice's session, her password confirmed a moment ago."""
    client = Client()
    client.force_login(alice)
    reauthenticate(client)
    return client


def _kinds(user) -> list[str]:
    return list(SecurityEvent.objects.filter(user=user).values_list("kind", flat=True))


def _mail_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def test_adding_an_address_asks_for_the_password_first(alice, alice_address, alice_client):
    response = alice_client.post(EMAIL_URL, {"email": INTRUDER, "action_add": ""})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not EmailAddress.objects.filter(email=INTRUDER).exists()
    assert mail.outbox == []


def test_after_the_password_the_address_is_added_unverified_and_sent_a_link(recent_client):
    response = recent_client.post(EMAIL_URL, {"email": INTRUDER, "action_add": ""})

    assert response.status_code == 302
    added = EmailAddress.objects.get(email=INTRUDER)
    assert not added.verified
    (confirmation,) = _mail_to(INTRUDER)
    assert "/accounts/confirm-email/" in confirmation.body


def test_the_verified_addresses_hear_that_an_address_was_added(alice, recent_client):
    recent_client.post(EMAIL_URL, {"email": INTRUDER, "action_add": ""})

    (notice,) = _mail_to(OWNER)
    assert INTRUDER in notice.body
    assert EventKind.EMAIL_ADDED in _kinds(alice)


def test_removing_an_address_asks_for_the_password_first(alice, alice_address, alice_client):
    EmailAddress.objects.create(user=alice, email="alice.old@example.org", verified=True)

    response = alice_client.post(EMAIL_URL, {"email": "alice.old@example.org", "action_remove": ""})

    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert EmailAddress.objects.filter(email="alice.old@example.org").exists()


def test_a_removed_address_and_the_remaining_ones_are_told(alice, recent_client):
    EmailAddress.objects.create(user=alice, email="alice.old@example.org", verified=True)

    recent_client.post(EMAIL_URL, {"email": "alice.old@example.org", "action_remove": ""})

    assert not EmailAddress.objects.filter(email="alice.old@example.org").exists()
    assert _mail_to("alice.old@example.org")
    assert _mail_to(OWNER)
    assert EventKind.EMAIL_REMOVED in _kinds(alice)


def test_choosing_the_main_address_asks_for_the_password_first(alice, alice_address, alice_client):
    EmailAddress.objects.create(user=alice, email="alice.new@example.org", verified=True)

    response = alice_client.post(
        EMAIL_URL, {"email": "alice.new@example.org", "action_primary": ""}
    )

    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert EmailAddress.objects.get(email=OWNER).primary


def test_the_old_main_address_hears_of_the_change(alice, recent_client):
    EmailAddress.objects.create(user=alice, email="alice.new@example.org", verified=True)

    recent_client.post(EMAIL_URL, {"email": "alice.new@example.org", "action_primary": ""})

    assert EmailAddress.objects.get(email="alice.new@example.org").primary
    assert any("alice.new@example.org" in message.body for message in _mail_to(OWNER))
    assert EventKind.EMAIL_PRIMARY_CHANGED in _kinds(alice)


def test_following_the_link_verifies_the_address_and_logs_it(alice, recent_client):
    recent_client.post(EMAIL_URL, {"email": "alice.work@example.org", "action_add": ""})
    (confirmation,) = _mail_to("alice.work@example.org")
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", confirmation.body).group(0)

    recent_client.post(link)

    assert EmailAddress.objects.get(email="alice.work@example.org").verified
    assert EventKind.EMAIL_VERIFIED in _kinds(alice)


def _reset_links(address: str) -> list[str]:
    return [
        line
        for message in _mail_to(address)
        for line in message.body.splitlines()
        if "/password/reset/key/" in line
    ]


def test_a_password_reset_never_goes_to_an_unverified_address(client, alice, alice_address):
    EmailAddress.objects.create(user=alice, email=INTRUDER, verified=False)

    response = client.post(reverse("account_reset_password"), {"email": INTRUDER})

    assert response.status_code == 302  # the same answer as for any address
    assert _reset_links(INTRUDER) == []


def test_a_password_reset_goes_to_a_verified_address(client, alice, alice_address):
    client.post(reverse("account_reset_password"), {"email": OWNER})

    assert len(_reset_links(OWNER)) == 1


def test_the_takeover_through_an_added_address_does_not_work(alice, alice_address, alice_client):
    # The whole chain: a borrowed session adds an address, then asks for a reset to it.
    alice_client.post(EMAIL_URL, {"email": INTRUDER, "action_add": ""})
    Client().post(reverse("account_reset_password"), {"email": INTRUDER})

    assert _reset_links(INTRUDER) == []


def test_every_verified_address_hears_of_a_change_not_only_the_main_one(alice, recent_client):
    EmailAddress.objects.create(user=alice, email="alice.work@example.org", verified=True)
    EmailAddress.objects.create(user=alice, email="alice.unconfirmed@example.org")

    recent_client.post(EMAIL_URL, {"email": INTRUDER, "action_add": ""})

    assert len(_mail_to(OWNER)) == 1
    assert len(_mail_to("alice.work@example.org")) == 1
    assert _mail_to("alice.unconfirmed@example.org") == []


def test_a_password_change_is_told_to_the_verified_addresses(recent_client):
    new_password = "a-new-long-passphrase-42"

    recent_client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": new_password,
            "password2": new_password,
        },
    )

    (notice,) = _mail_to(OWNER)
    assert "password" in notice.subject.lower()
