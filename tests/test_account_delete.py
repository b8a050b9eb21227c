import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from accounts.services import preferences_for
from audit.models import EventKind, SecurityEvent
from audit.services import audit_record
from insights.ranges import SelectedRange
from insights.selectors import DateRange
from insights.summary.options import SummaryOptions
from sharing.models import ShareLinkView
from sharing.services import share_link_create, share_link_view_record
from tests.factories import EntryFactory, PartnerFactory, TagFactory
from tests.security_helpers import forget_rate_limits, log_in, reauthenticate

pytestmark = pytest.mark.django_db


def _models_owned_by_users():
    """Every model with a foreign key or one-to-one to the user model."""
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                field.is_relation
                and field.concrete
                and field.related_model is get_user_model()
                and model is not get_user_model()
            ):
                yield model, field.name


def _fill_journal(user):
    partner = PartnerFactory(user=user)
    tag = TagFactory(user=user)
    entry = EntryFactory(user=user, partner=partner, notes="private")
    entry.tags.add(tag)
    preferences_for(user)
    audit_record(user=user, kind=EventKind.PASSWORD_CHANGED)
    all_time = SelectedRange("all", "All time", DateRange())
    link, _token = share_link_create(user=user, options=SummaryOptions(period=all_time), days=14)
    share_link_view_record(link=link)


def test_it_deletes_every_row_the_user_owns(alice, alice_client, bob, password):
    _fill_journal(alice)
    _fill_journal(bob)

    reauthenticate(alice_client)

    response = alice_client.post(reverse("accounts:delete"), {"confirm": "on"})

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=alice.pk).exists()
    checked = []
    for model, field in _models_owned_by_users():
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


def test_only_an_anonymous_note_that_an_account_was_deleted_remains(alice, alice_client):
    _fill_journal(alice)
    reauthenticate(alice_client)

    alice_client.post(reverse("accounts:delete"), {"confirm": "on"})

    remaining = SecurityEvent.objects.get()
    assert remaining.kind == EventKind.ACCOUNT_DELETED
    assert remaining.user is None
    assert remaining.ip is None
    assert remaining.user_agent == ""
    assert remaining.meta == {}


def test_it_asks_to_confirm_the_password_first(alice, alice_client):
    _fill_journal(alice)

    page = alice_client.get(reverse("accounts:delete"))
    post = alice_client.post(reverse("accounts:delete"), {"confirm": "on"})

    for response in (page, post):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert alice.entries.count() == 1


def test_after_confirming_the_password_it_continues_with_the_deletion(alice, alice_client):
    _fill_journal(alice)
    alice_client.post(reverse("accounts:delete"), {"confirm": "on"})

    response = alice_client.post(
        reverse("account_reauthenticate") + "?next=" + reverse("accounts:delete"),
        {"password": "correct-horse-battery-staple"},
    )

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=alice.pk).exists()


def test_a_wrong_password_does_not_count_as_confirming(alice, alice_client):
    _fill_journal(alice)

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
    _fill_journal(alice)
    reauthenticate(alice_client)

    response = alice_client.post(reverse("accounts:delete"), data)

    assert response.status_code == 200
    assert "This field is required" in str(response.context["form"].errors["confirm"])
    assert alice.entries.count() == 1
