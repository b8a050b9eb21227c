"""`seed_demo --checkins` gives the demo journal a PHQ-9 and GAD-7 series, and only it."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from checkins.models import CheckIn
from checkins.services import checkin_create
from entries.demo import generate_checkins

END = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)


def _demo():
    return get_user_model().objects.get(username="demo")


@pytest.mark.django_db
def test_checkins_are_added_to_the_demo_account_only(alice):
    own = checkin_create(user=alice, instrument="phq9", answers=[1] * 9)

    call_command("seed_demo", "--user", "demo", "--entries", "30", "--checkins")

    demo_checkins = CheckIn.objects.filter(user=_demo())
    assert demo_checkins.count() > 20
    assert set(demo_checkins.values_list("instrument", flat=True)) == {"phq9", "gad7"}
    assert list(CheckIn.objects.filter(user=alice)) == [own]


@pytest.mark.django_db
def test_a_refill_replaces_the_demo_series_instead_of_adding_to_it():
    call_command("seed_demo", "--user", "demo", "--entries", "10", "--checkins")
    first = CheckIn.objects.filter(user=_demo()).count()

    call_command("seed_demo", "--user", "demo", "--entries", "10", "--checkins")
    assert CheckIn.objects.filter(user=_demo()).count() == first

    call_command("seed_demo", "--user", "demo", "--entries", "10")
    assert not CheckIn.objects.filter(user=_demo()).exists()


@pytest.mark.django_db
def test_without_the_flag_no_checkins_are_made():
    call_command("seed_demo", "--user", "demo", "--entries", "10")

    assert not CheckIn.objects.exists()


@pytest.mark.django_db
def test_planting_a_checkin_factor_asks_for_checkins():
    with pytest.raises(CommandError, match="needs --checkins"):
        call_command("seed_demo", "--user", "demo", "--plant", "phq9_recent_high=3")

    assert not get_user_model().objects.filter(username="demo").exists()


def test_the_demo_never_answers_the_self_harm_question():
    checkins = generate_checkins(seed=7, end=END)

    phq9 = [c for c in checkins if c.instrument == "phq9"]
    assert phq9 and all(c.answers[8] == 0 for c in phq9)
    assert all(len(c.answers) == 7 for c in checkins if c.instrument == "gad7")


def test_about_a_third_of_the_demo_scores_are_ten_or_more():
    checkins = [c for seed in range(10) for c in generate_checkins(seed=seed, end=END)]

    high = sum(c.total >= 10 for c in checkins) / len(checkins)
    assert 0.2 < high < 0.4
