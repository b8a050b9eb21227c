"""The settings form's period and country: saved when valid, field errors that keep
everything typed when not."""

import re

import pytest
from django.urls import reverse

from accounts.services import preferences_for
from tests.factories import PreferencesFactory

pytestmark = pytest.mark.django_db

URL = "accounts:settings"


def _settings_data(**overrides) -> dict:
    return {
        "time_zone": "Europe/Berlin",
        "episode_threshold": "3",
        "checkin_cadence_days": "14",
        "default_period": "all",
        "country": "",
        **overrides,
    }


def _selected(page: str, name: str) -> str:
    select = re.search(rf'<select name="{name}".*?</select>', page, re.DOTALL).group(0)
    return re.search(r'<option value="([^"]*)"[^>]*selected', select).group(1)


def test_it_saves_the_period_and_the_country(alice, alice_client):
    response = alice_client.post(reverse(URL), _settings_data(default_period="30d", country="NZ"))

    preferences = preferences_for(alice)
    assert response.status_code == 302
    assert (preferences.default_period, preferences.country) == ("30d", "NZ")
    assert preferences.support_country == "NZ"


def test_an_empty_country_follows_the_time_zone(alice, alice_client):
    alice_client.post(reverse(URL), _settings_data(country=""))

    preferences = preferences_for(alice)
    assert preferences.country == ""
    assert preferences.support_country == "DE"


def test_the_form_says_which_country_the_time_zone_means(alice, alice_client):
    PreferencesFactory(user=alice, time_zone="America/Los_Angeles")

    page = alice_client.get(reverse(URL)).content.decode()

    assert '<option value="" selected>Follow my time zone (United States)</option>' in page
    assert _selected(page, "default_period") == "90d"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        pytest.param("country", "XQ", id="country-not-offered"),
        pytest.param("country", "Germany", id="country-by-name"),
        pytest.param("default_period", "7d", id="period-not-offered"),
    ],
)
def test_a_value_not_offered_is_a_field_error_and_the_rest_is_kept(
    alice, alice_client, field, value
):
    data = _settings_data(**{field: value, "episode_threshold": "4"})

    response = alice_client.post(reverse(URL), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in str(response.context["form"].errors[field])
    assert _selected(page, "time_zone") == "Europe/Berlin"
    assert _selected(page, "episode_threshold") == "4"
    preferences = preferences_for(alice)
    assert (preferences.time_zone, preferences.country) == ("UTC", "")
    assert preferences.default_period == "90d"


def test_a_form_sent_without_the_period_keeps_the_current_one(alice, alice_client):
    PreferencesFactory(user=alice, default_period="365d")
    data = _settings_data()
    del data["default_period"]

    response = alice_client.post(reverse(URL), data)

    assert response.status_code == 302
    assert preferences_for(alice).default_period == "365d"
