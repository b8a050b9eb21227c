import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import models
from django.test import Client
from django.urls import reverse

from audit.models import EventKind, SecurityEvent
from sharing.models import ShareLinkView
from tests.owned_rows import fill_every_kind_of_row, models_owned_by_users
from tests.security_helpers import forget_rate_limits, log_in, reauthenticate

pytestmark = pytest.mark.django_db


def test_every_model_that_points_at_a_user_goes_with_them():
    # SET_NULL or PROTECT would leave rows behind (or block the deletion) without the
    # row-count test below noticing: they would no longer point at the user.
    for model, field in models_owned_by_users():
        on_delete = model._meta.get_field(field).remote_field.on_delete
        assert on_delete is models.CASCADE, f"{model._meta.label}.{field}"


def test_it_deletes_every_row_the_user_owns(alice, bob, password):
    alice_client = Client()
    # Through allauth, which tracks the session; before two-factor is turned on below.
    log_in(alice_client, "alice")
    reauthenticate(alice_client)
    fill_every_kind_of_row(alice)
    fill_every_kind_of_row(bob)
    # Each kind of row really exists before the deletion, so its absence afterwards
    # means something: a new model must get a row in fill_every_kind_of_row to pass.
    for model, field in models_owned_by_users():
        assert model.objects.filter(**{field: alice.pk}).exists(), model._meta.label

    response = alice_client.post(reverse("accounts:delete"), {"confirm": "on"})

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=alice.pk).exists()
    checked = []
    for model, field in models_owned_by_users():
        assert not model.objects.filter(**{field: alice.pk}).exists(), model
        checked.append(model._meta.label)
    assert {
        "entries.Entry",
        "entries.Partner",
        "entries.Tag",
        "accounts.Preferences",
        "audit.SecurityEvent",
        "usersessions.UserSession",
        "sharing.ShareLink",
        "checkins.CheckIn",
        "account.EmailAddress",
        "mfa.Authenticator",
    } <= set(checked)
    # A link's views belong to the link, not straight to the user: gone with the links.
    assert not ShareLinkView.objects.filter(link__user_id=alice.pk).exists()
    assert ShareLinkView.objects.filter(link__user=bob).count() == 1
    assert get_user_model().objects.filter(pk=bob.pk).exists()
    assert bob.entries.count() == 1


def test_it_ends_the_session(alice, alice_client, password):
    reauthenticate(alice_client)
    alice_client.post(reverse("accounts:delete"), {"confirm": "on"})

    response = alice_client.get(reverse("entries:list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))


def _session_user_ids() -> list[str]:
    return [session.get_decoded().get("_auth_user_id") for session in Session.objects.all()]


def test_it_ends_every_other_session_too(alice, bob):
    forget_rate_limits()
    phone, laptop, bobs = Client(), Client(), Client()
    log_in(phone, "alice")
    log_in(laptop, "alice")
    log_in(bobs, "bob")
    assert _session_user_ids().count(str(alice.pk)) == 2

    reauthenticate(phone)
    phone.post(reverse("accounts:delete"), {"confirm": "on"})

    response = laptop.get(reverse("entries:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))
    assert str(alice.pk) not in _session_user_ids()
    assert bobs.get(reverse("entries:list")).status_code == 200


def test_it_ends_sessions_allauth_does_not_track(alice, bob):
    # force_login bypasses allauth, as a login from before usersessions existed would.
    untracked, bobs = Client(), Client()
    untracked.force_login(alice)
    bobs.force_login(bob)
    deleting = Client()
    log_in(deleting, "alice")
    reauthenticate(deleting)

    deleting.post(reverse("accounts:delete"), {"confirm": "on"})

    assert untracked.get(reverse("entries:list")).status_code == 302
    assert str(alice.pk) not in _session_user_ids()
    assert bobs.get(reverse("entries:list")).status_code == 200


def test_only_an_anonymous_note_that_an_account_was_deleted_remains(alice, alice_client):
    fill_every_kind_of_row(alice)
    reauthenticate(alice_client)

    alice_client.post(reverse("accounts:delete"), {"confirm": "on"})

    remaining = SecurityEvent.objects.get()
    assert remaining.kind == EventKind.ACCOUNT_DELETED
    assert remaining.user is None
    assert remaining.ip is None
    assert remaining.user_agent == ""
    assert remaining.meta == {}


def test_it_asks_to_confirm_the_password_first(alice, alice_client):
    fill_every_kind_of_row(alice)

    page = alice_client.get(reverse("accounts:delete"))
    post = alice_client.post(reverse("accounts:delete"), {"confirm": "on"})

    for response in (page, post):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert alice.entries.count() == 1


def test_after_confirming_the_password_it_continues_with_the_deletion(alice, alice_client):
    fill_every_kind_of_row(alice)
    alice_client.post(reverse("accounts:delete"), {"confirm": "on"})

    response = alice_client.post(
        reverse("account_reauthenticate") + "?next=" + reverse("accounts:delete"),
        {"password": "correct-horse-battery-staple"},
    )

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=alice.pk).exists()


def test_a_wrong_password_does_not_count_as_confirming(alice, alice_client):
    fill_every_kind_of_row(alice)

    response = alice_client.post(reverse("account_reauthenticate"), {"password": "wrong"})
    post = alice_client.post(reverse("accounts:delete"), {"confirm": "on"})

    assert response.status_code == 200
    assert post["Location"].startswith(reverse("account_reauthenticate"))
    assert alice.entries.count() == 1


@pytest.mark.parametrize(
    "data",
    [
        pytest.param({}, id="unconfirmed"),
        pytest.param({"confirm": ""}, id="empty"),
        pytest.param({"confirm": "false"}, id="false"),
    ],
)
def test_it_refuses_without_the_confirmation(alice, alice_client, data):
    fill_every_kind_of_row(alice)
    reauthenticate(alice_client)

    response = alice_client.post(reverse("accounts:delete"), data)

    assert response.status_code == 200
    assert "This field is required" in str(response.context["form"].errors["confirm"])
    assert alice.entries.count() == 1
