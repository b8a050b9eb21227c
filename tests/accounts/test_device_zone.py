"""The phone's time zone at sign-up and login, and the one-tap switch after a journey."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.device_zone import OFFER_SESSION_KEY
from accounts.models import Preferences
from accounts.timezones import known_time_zone
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
ANSWER_URL = reverse("accounts:time_zone_answer")


def _sign_up(client, zone):
    return client.post(
        reverse("account_signup"),
        {
            "username": "nightowl",
            "password1": "a-quiet-evening-42",
            "password2": "a-quiet-evening-42",
            "device_time_zone": zone,
        },
    )


def _log_in(client, zone):
    return client.post(
        reverse("account_login"),
        {"login": "alice", "password": PASSWORD, "device_time_zone": zone},
    )


def test_a_new_account_takes_the_phones_zone(client):
    response = _sign_up(client, "America/Los_Angeles")

    assert response.status_code == 302
    assert Preferences.objects.get(user__username="nightowl").time_zone == "America/Los_Angeles"
    assert OFFER_SESSION_KEY not in client.session


@pytest.mark.parametrize("zone", ["", "Mars/Olympus_Mons", "x" * 200], ids=["none", "bad", "long"])
def test_a_new_account_without_a_known_zone_stays_on_utc(client, zone):
    _sign_up(client, zone)

    assert Preferences.objects.get(user__username="nightowl").time_zone == "UTC"


def test_the_sign_up_and_login_pages_ask_the_phone(client):
    for name in ("account_signup", "account_login"):
        assert 'name="device_time_zone"' in client.get(reverse(name)).content.decode()


def test_a_login_from_another_zone_offers_the_switch_on_the_next_page(alice, client):
    response = _log_in(client, "America/Los_Angeles")
    page = client.get(reverse("insights:dashboard")).content.decode()

    assert response.status_code == 302
    assert "This phone is set to America/Los Angeles" in page
    assert "Your journal shows times in UTC" in page
    # Nothing changes until the person says so.
    assert Preferences.objects.get(user=alice).time_zone == "UTC"


def test_a_login_from_the_same_zone_offers_nothing(alice, client):
    _log_in(client, "UTC")

    assert "This phone is set to" not in client.get(reverse("insights:dashboard")).content.decode()


def test_a_login_with_an_unknown_zone_offers_nothing(alice, client):
    _log_in(client, "Mars/Olympus_Mons")

    assert "This phone is set to" not in client.get(reverse("insights:dashboard")).content.decode()


def test_switching_takes_the_phones_zone_and_returns_to_the_page(alice, client):
    _log_in(client, "America/Los_Angeles")

    response = client.post(ANSWER_URL, {"choice": "switch", "next": reverse("entries:list")})

    assert response.status_code == 302
    assert response["Location"] == reverse("entries:list")
    assert Preferences.objects.get(user=alice).time_zone == "America/Los_Angeles"
    assert "This phone is set to" not in client.get(reverse("entries:list")).content.decode()


def test_keeping_the_zone_changes_nothing_and_asks_no_more(alice, client):
    _log_in(client, "America/Los_Angeles")

    client.post(ANSWER_URL, {"choice": "keep"})

    assert Preferences.objects.get(user=alice).time_zone == "UTC"
    assert "This phone is set to" not in client.get(reverse("entries:list")).content.decode()


def test_the_answer_never_redirects_off_the_site(alice, client):
    _log_in(client, "America/Los_Angeles")

    response = client.post(ANSWER_URL, {"choice": "keep", "next": "https://example.com/"})

    assert response["Location"] == reverse("insights:dashboard")


def test_switching_without_an_offer_changes_nothing(alice, alice_client):
    response = alice_client.post(ANSWER_URL, {"choice": "switch"})

    assert response.status_code == 302
    assert Preferences.objects.get(user=alice).time_zone == "UTC"


def test_the_answer_needs_a_post_and_a_login(alice_client):
    assert alice_client.get(ANSWER_URL).status_code == 405
    response = Client().post(ANSWER_URL, {"choice": "switch"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("reported", "known"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("Etc/UTC", "UTC"),
        ("UTC", "UTC"),
        ("Etc/GMT+3", None),
        ("europe/berlin", None),
        (None, None),
        (42, None),
    ],
)
def test_only_zones_a_person_can_choose_are_known(reported, known):
    assert known_time_zone(reported) == known
