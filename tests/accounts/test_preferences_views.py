import pytest
from django.urls import reverse

from accounts.services import preferences_for
from tests.factories import PreferencesFactory

pytestmark = pytest.mark.django_db


def _settings_data(**overrides):
    data = {
        "time_zone": "Europe/Berlin",
        "episode_threshold": "2",
        "checkin_cadence_days": "14",
    }
    data.update(overrides)
    return data


def test_it_saves_the_time_zone_and_threshold(alice, alice_client):
    response = alice_client.post(
        reverse("accounts:settings"), _settings_data(episode_threshold="3", discreet_mode="on")
    )

    assert response.status_code == 302
    preferences = preferences_for(alice)
    assert preferences.time_zone == "Europe/Berlin"
    assert preferences.episode_threshold == 3
    assert preferences.discreet_mode


@pytest.mark.parametrize(
    ("field", "value"),
    [
        pytest.param("time_zone", "Mars/Olympus_Mons", id="unknown-zone"),
        pytest.param("episode_threshold", "0", id="threshold-too-low"),
        pytest.param("episode_threshold", "7", id="threshold-too-high"),
        pytest.param("checkin_cadence_days", "3", id="unknown-cadence"),
    ],
)
def test_bad_settings_are_field_errors_and_nothing_changes(alice, alice_client, field, value):
    response = alice_client.post(reverse("accounts:settings"), _settings_data(**{field: value}))

    assert response.status_code == 200
    assert "Select a valid choice" in str(response.context["form"].errors[field])
    assert preferences_for(alice).time_zone == "UTC"


def test_saving_settings_marks_derived_data_stale(alice, alice_client):
    before = preferences_for(alice).data_version

    alice_client.post(reverse("accounts:settings"), _settings_data())

    assert preferences_for(alice).data_version > before


def test_discreet_mode_makes_the_tab_title_neutral(alice, alice_client):
    PreferencesFactory(user=alice, discreet_mode=True)

    content = alice_client.get(reverse("entries:list")).content.decode()

    assert "<title>Journal</title>" in content
    assert "PCT" not in content


def test_without_discreet_mode_the_title_names_the_page(alice_client):
    content = alice_client.get(reverse("entries:list")).content.decode()

    assert "<title>Entries · PCT Journal</title>" in content
