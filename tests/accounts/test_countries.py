"""A time zone's country, read from the IANA tables the tzdata package ships."""

import pytest

from accounts.countries import NO_COUNTRY, country_for_time_zone, country_names


@pytest.mark.parametrize(
    ("time_zone", "country"),
    [
        pytest.param("Europe/Berlin", "DE", id="berlin"),
        pytest.param("America/Los_Angeles", "US", id="los-angeles"),
        pytest.param("Europe/London", "GB", id="london"),
        pytest.param("Europe/Dublin", "IE", id="dublin"),
        pytest.param("America/Toronto", "CA", id="toronto"),
        pytest.param("Pacific/Auckland", "NZ", id="auckland"),
        pytest.param("Asia/Kolkata", "IN", id="kolkata"),
        pytest.param("Asia/Calcutta", "IN", id="an-old-name"),
        pytest.param("US/Pacific", "US", id="an-alias"),
    ],
)
def test_a_time_zone_gives_its_country(time_zone, country):
    assert country_for_time_zone(time_zone) == country


@pytest.mark.parametrize("time_zone", ["UTC", "Etc/GMT+3", "Mars/Olympus_Mons", ""])
def test_a_zone_of_no_country_gives_none(time_zone):
    assert country_for_time_zone(time_zone) == NO_COUNTRY


def test_countries_have_readable_names():
    names = country_names()

    assert names["GB"] == "United Kingdom"
    assert names["DE"] == "Germany"
    assert len(names) > 240
