"""The bundled directory of crisis lines, and the lists the support screen shows from it:
the person's country first, the international fallback after, the host's file above all."""

import ast
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from accounts.countries import country_names
from checkins.support_directory import DIRECTORY, INTERNATIONAL, INTERNATIONAL_EMERGENCY
from checkins.support_lines import support_help
from tests.factories import PreferencesFactory

REQUIRED_COUNTRIES = ["US", "CA", "GB", "IE", "AU", "NZ", "DE", "AT", "CH", "FR", "ES", "IT"]
REQUIRED_COUNTRIES += ["NL", "SE", "IN"]
# A local dialling form: digits in groups, and at most a leading +.
WRITTEN_NUMBER = re.compile(r"^\+?\d[\d ]*\d$")
TEL = re.compile(r"^\+?\d{2,15}$")  # 15 is France's medical emergency number
COUNTRIES = sorted(DIRECTORY)


def test_it_covers_at_least_the_15_countries_promised():
    assert set(REQUIRED_COUNTRIES) <= set(DIRECTORY)


@pytest.mark.parametrize("country", COUNTRIES)
def test_every_country_has_a_line_and_an_emergency_number(country):
    support = DIRECTORY[country]

    assert country in country_names()
    assert len(support.lines) >= 1
    assert all(number.isdigit() for number in support.emergency)
    assert len(support.emergency) >= 1


@pytest.mark.parametrize("country", COUNTRIES)
def test_every_line_says_what_it_is_for_and_where_the_number_comes_from(country):
    for line in DIRECTORY[country].lines:
        assert line.name.strip()
        assert line.purpose.strip()
        assert line.source.startswith("https://"), line
        assert WRITTEN_NUMBER.match(line.number), line
        assert TEL.match(line.tel), line


def test_a_number_dials_as_its_digits():
    samaritans = DIRECTORY["GB"].lines[0]
    telefonseelsorge = DIRECTORY["DE"].lines[0]

    assert (samaritans.number, samaritans.tel) == ("116 123", "116123")
    assert telefonseelsorge.tel == "08001110111"


def test_someone_in_germany_sees_german_lines_first_then_the_international_ones():
    shown = support_help("DE")

    names = [line["name"] for line in shown["resources"]]
    assert names == ["TelefonSeelsorge", "Find A Helpline"]
    assert shown["emergency"] == [{"region": "Germany", "number": "112"}]
    assert shown["country_name"] == "Germany"


@pytest.mark.parametrize("country", ["", "JP", "ZZ"], ids=["none", "not-listed", "unknown"])
def test_an_unknown_or_unlisted_country_falls_back_to_the_international_lists(country):
    shown = support_help(country)

    assert shown["resources"] == list(INTERNATIONAL)
    assert shown["emergency"] == list(INTERNATIONAL_EMERGENCY)
    assert shown["country_name"] == ""


def test_the_hosts_file_wins_over_the_country(settings, tmp_path):
    lines = [{"name": "Clinic line", "contact": "Call the clinic.", "tel": "0301234567"}]
    path = tmp_path / "support.json"
    path.write_text(json.dumps({"resources": lines}), encoding="utf-8")
    settings.SUPPORT_RESOURCES_FILE = str(path)

    shown = support_help("US")

    assert shown["resources"] == lines
    assert shown["emergency"] == [{"region": "United States", "number": "911"}]
    assert shown["country_name"] == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("time_zone", "line", "tel"),
    [
        pytest.param("Europe/Berlin", "TelefonSeelsorge", "08001110111", id="berlin"),
        pytest.param("America/Los_Angeles", "988 Suicide", "988", id="los-angeles"),
        pytest.param("Australia/Sydney", "Lifeline", "131114", id="sydney"),
    ],
)
def test_the_support_page_follows_the_time_zone_until_a_country_is_chosen(
    alice, alice_client, time_zone, line, tel
):
    PreferencesFactory(user=alice, time_zone=time_zone)

    page = alice_client.get(reverse("checkins:support")).content.decode()

    assert line in page
    assert f'href="tel:{tel}"' in page
    assert page.index(line) < page.index("findahelpline.com")


@pytest.mark.django_db
def test_a_chosen_country_wins_over_the_time_zone(alice, alice_client):
    PreferencesFactory(user=alice, time_zone="Europe/Berlin", country="IE")

    page = alice_client.get(reverse("checkins:support")).content.decode()

    assert "Pieta" in page
    assert 'href="tel:1800247247"' in page
    assert "TelefonSeelsorge" not in page


@pytest.mark.django_db
def test_every_tel_link_on_the_support_page_is_digits_only(alice, alice_client):
    for country in COUNTRIES:
        PreferencesFactory(user=alice, country=country)

        page = alice_client.get(reverse("checkins:support")).content.decode()

        links = re.findall(r'href="tel:([^"]*)"', page)
        assert links, country
        assert all(TEL.match(link) for link in links), (country, links)


@pytest.mark.django_db
def test_the_help_on_the_check_in_form_has_no_link_away_from_the_answers(alice, alice_client):
    answers = {f"item{number}": "1" for number in (1, 2, 4, 5, 6, 7, 8)} | {"item9": "2"}

    form = alice_client.post(f"{reverse('checkins:create')}?instrument=phq9", answers)
    support = alice_client.get(reverse("checkins:support"))

    assert 'id="checkin-support"' in form.content.decode()
    assert "Choose your country" not in form.content.decode()
    assert "Choose your country" in support.content.decode()


def test_the_settings_module_holds_only_the_hosts_file_path_and_imports_no_app():
    source = (Path(__file__).resolve().parents[2] / "pct_journal" / "settings.py").read_text()
    imported = {
        (node.module or "").split(".")[0]
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom)
    } | {
        alias.name.split(".")[0]
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import)
        for alias in node.names
    }

    assert imported.isdisjoint({"accounts", "audit", "entries", "checkins", "insights", "sharing"})
    assert not hasattr(settings, "SUPPORT_RESOURCES")
    assert not hasattr(settings, "SUPPORT_EMERGENCY")
    assert hasattr(settings, "SUPPORT_RESOURCES_FILE")
