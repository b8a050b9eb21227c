"""Two-factor authentication: optional for everyone, required for the Django admin,
and its secrets encrypted at rest like the notes."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    format_hotp_value,
    hotp_value,
)
from django.contrib import admin
from django.db import connection
from django.test import Client
from django.urls import include, path, reverse

from audit.models import EventKind, SecurityEvent
from pct_journal.admin_site import MFAAdminSite
from tests.factories import UserFactory
from tests.security_helpers import forget_rate_limits, log_in, reauthenticate

pytestmark = pytest.mark.django_db

# The admin is only mounted when DJANGO_ADMIN_ENABLED is set; these tests mount it.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("pct_journal.urls")),
]
admin_urls = pytest.mark.urls(__name__)


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    # allauth remembers used codes and rate limits in the cache.
    forget_rate_limits()
    # Accept the neighbouring 30-second code, so a test that straddles a step passes.
    settings.MFA_TOTP_TOLERANCE = 1


def _code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def turn_on_totp(django_capture_on_commit_callbacks):
    def turn_on(client: Client) -> str:
        reauthenticate(client)
        client.get(reverse("mfa_activate_totp"))
        secret = client.session[SECRET_SESSION_KEY]
        # allauth announces the new authenticator once the transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("mfa_activate_totp"), {"code": _code(secret)})
        assert response.status_code == 302
        # Let the same 30-second code work again at login: allauth remembers used
        # codes in the cache to refuse replays.
        forget_rate_limits()
        return secret

    return turn_on


def _log_in_with_code(client: Client, username: str, secret: str):
    response = log_in(client, username)
    assert response["Location"].startswith(reverse("mfa_authenticate"))
    return client.post(reverse("mfa_authenticate"), {"code": _code(secret)})


@pytest.fixture
def staff(db):
    return UserFactory(username="operator", is_staff=True, is_superuser=True)


def test_two_factor_is_optional(alice, password):
    client = Client()

    response = log_in(client, "alice", password)

    assert response.status_code == 302
    assert client.get(reverse("entries:list")).status_code == 200


def test_with_two_factor_on_a_password_alone_does_not_log_in(alice, alice_client, turn_on_totp):
    secret = turn_on_totp(alice_client)
    client = Client()

    log_in(client, "alice")

    assert client.get(reverse("entries:list")).status_code == 302
    assert _log_in_with_code(client, "alice", secret).status_code == 302
    assert client.get(reverse("entries:list")).status_code == 200


def test_the_totp_secret_is_encrypted_in_the_database(alice, alice_client, turn_on_totp):
    secret = turn_on_totp(alice_client)

    totp = Authenticator.objects.get(user=alice, type=Authenticator.Type.TOTP)
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM mfa_authenticator WHERE id = %s", [totp.pk])
        raw = str(cursor.fetchone()[0])
    assert secret not in raw
    assert totp.data["secret"].startswith("gAAAA")  # a Fernet token


def test_recovery_code_seeds_are_encrypted_in_the_database(alice, alice_client, turn_on_totp):
    turn_on_totp(alice_client)

    codes = Authenticator.objects.get(user=alice, type=Authenticator.Type.RECOVERY_CODES)
    assert codes.data["seed"].startswith("gAAAA")
    assert len(codes.wrap().get_unused_codes()) > 0


def test_turning_two_factor_on_and_off_is_in_the_security_log(alice, alice_client, turn_on_totp):
    turn_on_totp(alice_client)
    reauthenticate(alice_client)

    alice_client.post(reverse("mfa_deactivate_totp"))

    kinds = list(SecurityEvent.objects.filter(user=alice).values_list("kind", flat=True))
    assert EventKind.MFA_ENABLED in kinds
    assert EventKind.RECOVERY_CODES_RENEWED in kinds
    assert kinds[0] == EventKind.MFA_DISABLED


def test_a_wrong_code_is_in_the_security_log(alice, alice_client, turn_on_totp):
    turn_on_totp(alice_client)
    client = Client()
    log_in(client, "alice")

    client.post(reverse("mfa_authenticate"), {"code": "000000"})

    assert SecurityEvent.objects.filter(user=alice, kind=EventKind.MFA_FAILED).exists()


def test_the_admin_site_is_the_two_factor_one():
    assert isinstance(admin.site, MFAAdminSite)


@admin_urls
def test_the_admin_sends_anonymous_visitors_to_the_app_login(client):
    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))


@admin_urls
def test_the_admin_never_shows_its_own_password_form(client):
    response = client.get("/admin/login/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@admin_urls
def test_the_admin_refuses_staff_without_two_factor(staff):
    client = Client()
    log_in(client, "operator")

    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0] == reverse("mfa_index")
    assert b"needs two-factor authentication" in response.content


@admin_urls
def test_the_admin_refuses_a_login_that_skipped_the_second_factor(staff, turn_on_totp):
    setup = Client()
    log_in(setup, "operator")
    turn_on_totp(setup)
    client = Client()
    client.force_login(staff)  # a session without the second factor

    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("mfa_reauthenticate"))


@admin_urls
def test_the_admin_opens_after_logging_in_with_two_factor(staff, turn_on_totp):
    setup = Client()
    log_in(setup, "operator")
    secret = turn_on_totp(setup)
    client = Client()
    _log_in_with_code(client, "operator", secret)

    response = client.get("/admin/")

    assert response.status_code == 200


@admin_urls
def test_the_admin_refuses_people_who_are_not_staff(alice, password):
    client = Client()
    log_in(client, "alice", password)

    assert client.get("/admin/login/").status_code == 403
    assert client.get("/admin/").status_code == 302
