"""Passkeys in Settings (allauth's WebAuthn pages): which pages exist, who may open
them, adding, renaming and removing one, and what the security log says about it."""

import json
import zoneinfo

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import NoReverseMatch, reverse

from accounts.account_record import account_record
from audit.models import EventKind, SecurityEvent
from tests.factories import PASSWORD
from tests.security_helpers import forget_rate_limits, reauthenticate
from tests.soft_passkey import SoftPasskey, add_passkey

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    forget_rate_limits()


@pytest.fixture
def alice_passkey(alice_client) -> Authenticator:
    return add_passkey(alice_client, SoftPasskey(), name="Alice's phone")


def _kinds(user) -> list[str]:
    return list(SecurityEvent.objects.filter(user=user).values_list("kind", flat=True))


def test_passkeys_log_in_without_a_password_but_never_sign_up():
    assert "webauthn" in settings.MFA_SUPPORTED_TYPES
    assert settings.MFA_PASSKEY_LOGIN_ENABLED is True
    assert settings.MFA_PASSKEY_SIGNUP_ENABLED is False
    with pytest.raises(NoReverseMatch):
        reverse("mfa_signup_webauthn")


def test_the_origin_check_is_never_switched_off():
    # On, allauth would accept a passkey answer made for any website (no phishing guard).
    assert settings.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN is False


@pytest.mark.parametrize("name", ["mfa_list_webauthn", "mfa_add_webauthn"])
def test_passkey_pages_need_a_login(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("name", ["mfa_edit_webauthn", "mfa_remove_webauthn"])
def test_renaming_and_removing_need_a_login(client, alice_passkey, name):
    url = reverse(name, kwargs={"pk": alice_passkey.pk})

    for response in (client.get(url), client.post(url, {"name": "x"})):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert Authenticator.objects.get(pk=alice_passkey.pk).wrap().name == "Alice's phone"


@pytest.mark.parametrize("name", ["mfa_edit_webauthn", "mfa_remove_webauthn"])
def test_it_checks_ownership(charlie_client, alice_passkey, name):
    reauthenticate(charlie_client)
    url = reverse(name, kwargs={"pk": alice_passkey.pk})

    get = charlie_client.get(url)
    post = charlie_client.post(url, {"name": "Charlie's now"})

    assert get.status_code == 404
    assert post.status_code == 404
    assert Authenticator.objects.get(pk=alice_passkey.pk).wrap().name == "Alice's phone"


def test_another_persons_passkeys_are_not_listed(charlie_client, alice_passkey):
    response = charlie_client.get(reverse("mfa_list_webauthn"))

    assert response.status_code == 200
    assert b"Alice&#x27;s phone" not in response.content
    assert b"You have no passkeys yet." in response.content


def test_settings_and_the_two_factor_page_link_to_passkeys(alice_client):
    list_url = reverse("mfa_list_webauthn").encode()

    assert list_url in alice_client.get(reverse("accounts:settings")).content
    assert reverse("mfa_add_webauthn").encode() in alice_client.get(reverse("mfa_index")).content


def test_adding_a_passkey_asks_for_the_password_first(alice_client):
    response = alice_client.get(reverse("mfa_add_webauthn"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_a_new_passkey_logs_in_without_a_password_unless_unticked(alice_client):
    reauthenticate(alice_client)

    form = alice_client.get(reverse("mfa_add_webauthn")).context["form"]

    assert form["passwordless"].initial is True
    assert form["name"].initial == "Passkey"


def test_a_passkey_is_listed_with_its_name(alice, alice_client):
    add_passkey(alice_client, SoftPasskey(), name="My phone")

    response = alice_client.get(reverse("mfa_list_webauthn"))

    assert response.status_code == 200
    assert b"My phone" in response.content
    assert Authenticator.objects.filter(user=alice, type="webauthn").count() == 1


def test_the_first_passkey_comes_with_recovery_codes(alice, alice_client):
    reauthenticate(alice_client)
    passkey = SoftPasskey()
    page = alice_client.get(reverse("mfa_add_webauthn"))
    credential = passkey.register(page.context["js_data"]["creation_options"])

    response = alice_client.post(
        reverse("mfa_add_webauthn"),
        {"name": "My phone", "passwordless": "on", "credential": json.dumps(credential)},
    )

    assert response["Location"] == reverse("mfa_view_recovery_codes")
    assert Authenticator.objects.filter(user=alice, type="recovery_codes").exists()


def test_a_passkey_made_for_another_site_is_not_added(alice, alice_client):
    reauthenticate(alice_client)
    page = alice_client.get(reverse("mfa_add_webauthn"))
    look_alike = SoftPasskey(origin="https://journal.example.net", rp_id="journal.example.net")
    credential = look_alike.register(page.context["js_data"]["creation_options"])

    response = alice_client.post(
        reverse("mfa_add_webauthn"),
        {"name": "My phone", "passwordless": "on", "credential": json.dumps(credential)},
    )

    assert response.status_code == 200
    assert not Authenticator.objects.filter(user=alice).exists()


def test_a_passkey_can_be_renamed(alice_client, alice_passkey):
    url = reverse("mfa_edit_webauthn", kwargs={"pk": alice_passkey.pk})

    response = alice_client.post(url, {"name": "Work laptop"})

    assert response.status_code == 302
    assert Authenticator.objects.get(pk=alice_passkey.pk).wrap().name == "Work laptop"


def test_an_empty_name_is_refused(alice_client, alice_passkey):
    url = reverse("mfa_edit_webauthn", kwargs={"pk": alice_passkey.pk})

    response = alice_client.post(url, {"name": ""})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert Authenticator.objects.get(pk=alice_passkey.pk).wrap().name == "Alice's phone"


def test_a_long_name_is_refused_with_the_typed_value_kept(alice_client, alice_passkey):
    url = reverse("mfa_edit_webauthn", kwargs={"pk": alice_passkey.pk})

    response = alice_client.post(url, {"name": "x" * 65})

    body = response.content.decode()
    assert response.status_code == 200
    assert "at most 64 characters" in body
    assert f'value="{"x" * 65}"' in body
    assert Authenticator.objects.get(pk=alice_passkey.pk).wrap().name == "Alice's phone"


def test_removing_a_passkey_asks_first_then_removes_it(alice, alice_client, alice_passkey):
    url = reverse("mfa_remove_webauthn", kwargs={"pk": alice_passkey.pk})

    confirm = alice_client.get(url)
    response = alice_client.post(url)

    assert confirm.status_code == 200
    assert b"Remove passkey" in confirm.content
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=alice, type="webauthn").exists()


def test_removing_a_passkey_needs_the_csrf_token(alice, alice_passkey):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    client.get(reverse("account_reauthenticate"))
    token = client.cookies["csrftoken"].value
    client.post(
        reverse("account_reauthenticate"), {"password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    url = reverse("mfa_remove_webauthn", kwargs={"pk": alice_passkey.pk})

    forged = client.post(url)
    assert forged.status_code == 403
    assert Authenticator.objects.filter(pk=alice_passkey.pk).exists()
    assert client.post(url, {"csrfmiddlewaretoken": token}).status_code == 302
    assert not Authenticator.objects.filter(pk=alice_passkey.pk).exists()


def test_adding_and_removing_a_passkey_are_in_the_security_log(alice, alice_client, alice_passkey):
    alice_client.post(reverse("mfa_remove_webauthn", kwargs={"pk": alice_passkey.pk}))

    kinds = _kinds(alice)
    assert kinds[0] == EventKind.PASSKEY_REMOVED
    assert EventKind.PASSKEY_ADDED in kinds
    assert EventKind.MFA_ENABLED not in kinds
    log = alice_client.get(reverse("audit:log")).content.decode()
    assert "Passkey added" in log
    assert "Passkey removed" in log


def test_pages_let_this_site_use_passkeys_and_nobody_else(alice_client):
    response = alice_client.get(reverse("mfa_add_webauthn"))

    policy = [item.strip() for item in response["Permissions-Policy"].split(",")]
    assert "publickey-credentials-get=(self)" in policy
    assert "publickey-credentials-create=(self)" in policy


def test_the_login_page_offers_a_passkey_with_scripts_the_app_serves(client):
    response = client.get(reverse("account_login"))

    body = response.content.decode()
    assert "Log in with a passkey" in body
    for script in ("mfa/js/webauthn-json.js", "mfa/js/webauthn.js", "account/js/onload.js"):
        assert f'src="/static/{script}"' in body
        assert finders.find(script) is not None
    assert finders.find("js/passkeys.js") is not None


def test_the_full_backup_names_passkeys_once_however_many_there_are(alice, alice_client):
    add_passkey(alice_client, SoftPasskey(), name="Phone")
    add_passkey(alice_client, SoftPasskey(), name="Laptop")

    record = account_record(alice, zoneinfo.ZoneInfo("UTC"))

    assert record["two_factor"] == ["recovery_codes", "webauthn"]
