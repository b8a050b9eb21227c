import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.services import account_delete, preferences_for
from checkins.instruments import InvalidAnswers
from checkins.models import CheckIn
from checkins.selectors import checkins_for_backup
from checkins.services import checkin_create, checkins_restore
from entries.portability.backup import backup_for_user
from entries.portability.sections import registered_sections
from tests.factories import PreferencesFactory

pytestmark = pytest.mark.django_db


def _at(day: int, hour: int = 20) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, tzinfo=dt.UTC)


def test_the_service_refuses_answers_that_do_not_fit(alice):
    with pytest.raises(InvalidAnswers):
        checkin_create(user=alice, instrument="phq9", answers=[0] * 7)
    with pytest.raises(InvalidAnswers):
        checkin_create(user=alice, instrument="gad7", answers=[4] * 7)

    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"item9": 2}, id="gad7-with-question-9"),
        pytest.param({"instrument": "phq9"}, id="phq9-without-question-9"),
        pytest.param({"item3": 4}, id="answer-above-3"),
        pytest.param({"band": "fine"}, id="unknown-band"),
    ],
)
def test_the_database_refuses_a_row_that_breaks_the_rules(alice, change):
    answers = {f"item{number}": 0 for number in range(1, 8)}
    row = {"instrument": "gad7", "total": 0, "band": "minimal", **answers, **change}

    with pytest.raises(IntegrityError), transaction.atomic():
        CheckIn.objects.create(user=alice, taken_at=timezone.now(), **row)


def test_a_backup_lists_every_check_in_oldest_first_in_the_users_time_zone(alice, bob):
    PreferencesFactory(user=alice, time_zone="Europe/Berlin")
    checkin_create(user=alice, instrument="gad7", answers=[1] * 7, taken_at=_at(5))
    checkin_create(user=alice, instrument="phq9", answers=[0] * 8 + [1], taken_at=_at(2))
    checkin_create(user=bob, instrument="gad7", answers=[3] * 7, taken_at=_at(3))

    records = checkins_for_backup(alice)

    assert records == [
        {
            "instrument": "phq9",
            "taken_at": "2026-03-02T21:00:00.000000+01:00",
            "answers": [0, 0, 0, 0, 0, 0, 0, 0, 1],
            "total": 1,
            "band": "minimal",
        },
        {
            "instrument": "gad7",
            "taken_at": "2026-03-05T21:00:00.000000+01:00",
            "answers": [1] * 7,
            "total": 7,
            "band": "mild",
        },
    ]


def test_a_backup_restores_into_another_account_with_scores_worked_out_again(alice, bob):
    checkin_create(user=alice, instrument="phq9", answers=[2] * 9, taken_at=_at(2))
    checkin_create(user=alice, instrument="gad7", answers=[0] * 7, taken_at=_at(4))
    records = checkins_for_backup(alice)
    records[0]["total"] = 0  # a hand-edited total is ignored
    records[0]["band"] = "minimal"

    result = checkins_restore(user=bob, items=records)

    assert (result.created, result.already_present) == (2, 0)
    restored = CheckIn.objects.filter(user=bob).order_by("taken_at")
    assert [(c.instrument, c.total, c.band, c.taken_at) for c in restored] == [
        ("phq9", 18, "moderately_severe", _at(2)),
        ("gad7", 0, "minimal", _at(4)),
    ]
    assert CheckIn.objects.filter(user=alice).count() == 2


def test_restoring_the_same_backup_twice_adds_nothing(alice):
    checkin_create(user=alice, instrument="phq9", answers=[1] * 9, taken_at=_at(2))
    records = checkins_for_backup(alice)
    version = preferences_for(alice).data_version

    result = checkins_restore(user=alice, items=records + records)

    assert (result.created, result.already_present) == (0, 2)
    assert CheckIn.objects.filter(user=alice).count() == 1
    assert preferences_for(alice).data_version == version


def test_a_restore_makes_cached_charts_stale(alice):
    version = preferences_for(alice).data_version
    item = {"instrument": "gad7", "taken_at": "2026-03-01T10:00:00+00:00", "answers": [1] * 7}

    checkins_restore(user=alice, items=[item])

    assert preferences_for(alice).data_version > version


@pytest.mark.parametrize(
    ("item", "message"),
    [
        pytest.param({"answers": None}, "“answers” must be a list", id="no-answers"),
        pytest.param(
            {"instrument": "bdi", "answers": [0] * 7}, "not a questionnaire", id="instrument"
        ),
        pytest.param({"instrument": "gad7", "answers": [0] * 6}, "7 questions", id="short"),
        pytest.param({"instrument": "phq9", "answers": [0] * 8 + [7]}, "Question 9", id="range"),
        pytest.param({"instrument": "gad7", "answers": ["1"] * 7}, "whole number", id="text"),
        pytest.param({"taken_at": "last tuesday"}, "not a date and time", id="bad-time"),
        pytest.param({"taken_at": "2026-03-01T10:00:00"}, "no time zone", id="naive-time"),
        pytest.param({"taken_at": "2999-01-01T10:00:00+00:00"}, "not a possible time", id="future"),
        pytest.param({"score": 3}, "unknown keys score", id="unknown-key"),
    ],
)
def test_a_bad_item_names_itself_and_nothing_is_restored(alice, item, message):
    good = {"instrument": "gad7", "taken_at": "2026-03-01T10:00:00+00:00", "answers": [1] * 7}
    bad = {**good, "taken_at": "2026-03-02T10:00:00+00:00", **item}

    with pytest.raises(ValidationError) as raised:
        checkins_restore(user=alice, items=[good, bad])

    assert raised.value.messages[0].startswith("Check-in 2")
    assert message in raised.value.messages[0]
    assert not CheckIn.objects.exists()


def test_every_bad_item_is_reported_at_once(alice):
    items = [{"instrument": "gad7", "answers": [9] * 7, "taken_at": "x"}] * 3

    with pytest.raises(ValidationError) as raised:
        checkins_restore(user=alice, items=items)

    assert [message[:11] for message in raised.value.messages] == [
        "Check-in 1 ",
        "Check-in 2 ",
        "Check-in 3 ",
    ]


def test_a_restore_needs_a_list(alice):
    with pytest.raises(ValidationError, match="must be a list"):
        checkins_restore(user=alice, items={"instrument": "gad7"})


def test_deleting_the_account_removes_the_check_ins(alice, bob):
    checkin_create(user=alice, instrument="phq9", answers=[0] * 8 + [2])
    checkin_create(user=bob, instrument="gad7", answers=[1] * 7)
    alice_id = alice.pk

    account_delete(user=alice)

    assert not CheckIn.objects.filter(user_id=alice_id).exists()
    assert CheckIn.objects.filter(user=bob).count() == 1


def test_the_time_taken_defaults_to_now(alice):
    checkin = checkin_create(user=alice, instrument="gad7", answers=[0] * 7)

    assert abs(checkin.taken_at - timezone.now()) < dt.timedelta(minutes=1)
    assert checkin.taken_at.tzinfo is not None


def test_check_ins_travel_in_the_full_backup(alice):
    checkin_create(user=alice, instrument="gad7", answers=[1] * 7, taken_at=_at(2))

    sections = {section.key: section for section in registered_sections()}
    document = backup_for_user(alice)

    assert sections["checkins"].restore is checkins_restore
    assert document["checkins"] == checkins_for_backup(alice)
    assert len(document["checkins"]) == 1
