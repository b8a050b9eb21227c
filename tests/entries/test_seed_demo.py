import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from entries.demo import generate_entries, parse_plants
from entries.management.commands.seed_demo import DEMO_MARK
from entries.management.commands.seed_demo import Command as SeedDemo
from entries.models import Entry
from tests.factories import EntryFactory

END = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)


def _rates(entries, factor):
    exposed = [entry for entry in entries if factor in entry.exposures]
    unexposed = [entry for entry in entries if factor not in entry.exposures]
    rate = lambda group: sum(entry.is_episode for entry in group) / len(group)  # noqa: E731
    return rate(exposed), rate(unexposed)


def test_the_generator_is_reproducible():
    first = generate_entries(50, seed=3, end=END)
    second = generate_entries(50, seed=3, end=END)

    assert [entry.fields for entry in first] == [entry.fields for entry in second]


def test_a_planted_factor_raises_the_episode_rate():
    entries = generate_entries(4000, seed=1, plants={"pain": 4.0}, end=END)

    with_pain, without_pain = _rates(entries, "pain")

    assert with_pain == pytest.approx(0.60, abs=0.05)
    assert without_pain == pytest.approx(0.15, abs=0.03)


def test_without_plants_no_factor_goes_with_episodes():
    entries = generate_entries(4000, seed=2, end=END)

    with_stress, without_stress = _rates(entries, "stress")

    assert with_stress == pytest.approx(without_stress, abs=0.04)


def test_entries_span_about_six_months():
    entries = generate_entries(200, seed=7, end=END)

    span = entries[-1].occurred_at - entries[0].occurred_at
    assert dt.timedelta(days=150) < span <= dt.timedelta(days=182)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        pytest.param("height=2", "Unknown factor", id="unknown"),
        pytest.param("pain=lots", "needs a number", id="not-a-number"),
        pytest.param("pain=-1", "must be positive", id="negative"),
    ],
)
def test_bad_plants_are_explained(spec, message):
    with pytest.raises(ValueError, match=message):
        parse_plants([spec])


@pytest.mark.django_db
def test_the_command_creates_the_demo_account(capsys):
    call_command("seed_demo", "--user", "demo", "--entries", "30", "--seed", "7")
    call_command("seed_demo", "--user", "demo", "--entries", "30", "--seed", "7")

    user = get_user_model().objects.get(username="demo")
    assert Entry.objects.filter(user=user).count() == 30
    assert user.partners.count() == 2
    assert "Log in at" in capsys.readouterr().out


@pytest.mark.django_db
def test_the_command_rejects_a_bad_plant():
    with pytest.raises(CommandError, match="Unknown factor"):
        call_command("seed_demo", "--plant", "height=2")


@pytest.mark.django_db
def test_running_it_twice_refills_the_demo_account(capsys):
    call_command("seed_demo", "--user", "demo", "--entries", "30", "--password", "first-pass")
    call_command("seed_demo", "--user", "demo", "--entries", "10", "--password", "second-pass")

    user = get_user_model().objects.get(username="demo")
    assert Entry.objects.filter(user=user).count() == 10
    assert user.check_password("second-pass")


@pytest.mark.django_db
def test_it_refuses_an_account_it_did_not_make(alice, password):
    entry = EntryFactory(user=alice, notes="my own words")

    with pytest.raises(CommandError, match="already exists and was not made by seed_demo"):
        call_command("seed_demo", "--user", "alice", "--entries", "5")

    alice.refresh_from_db()
    assert alice.check_password(password)
    assert list(Entry.objects.filter(user=alice)) == [entry]
    assert alice.partners.count() == 0


@pytest.mark.django_db
def test_force_replaces_an_account_it_did_not_make(alice):
    EntryFactory(user=alice, notes="my own words")

    call_command(
        "seed_demo", "--user", "alice", "--entries", "5", "--password", "now-a-demo", "--force"
    )

    alice.refresh_from_db()
    assert alice.check_password("now-a-demo")
    assert not Entry.objects.filter(user=alice, notes="my own words").exists()
    assert Entry.objects.filter(user=alice).count() == 5
    # ...and from then on it is a demo account, refilled without --force.
    call_command("seed_demo", "--user", "alice", "--entries", "3")
    assert Entry.objects.filter(user=alice).count() == 3


def test_the_help_says_how_demo_accounts_are_recognised():
    assert f"first name is {DEMO_MARK!r}" in SeedDemo.help
    assert "--force" in SeedDemo.help
