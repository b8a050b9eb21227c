"""Daylio's CSV export, imported as general mood entries."""

import datetime as dt

import pytest
from django.test import Client

from accounts.models import Preferences
from entries.models import Entry, Tag
from tests.factories import TagFactory
from tests.portability.import_helpers import (
    csv_bytes,
    form_errors,
    import_file,
    preview,
    row_counts,
)

pytestmark = pytest.mark.django_db

HEADER = ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"]


def _daylio(*rows: list[str], header: list[str] = HEADER) -> bytes:
    # Daylio writes a byte-order mark and newest entries first.
    return "\ufeff".encode() + csv_bytes([header, *rows])


SAMPLE = _daylio(
    [
        "2026-11-20",
        "November 20",
        "Friday",
        "22:15",
        "awful",
        "family | sleep early",
        "",
        "Long day",
    ],
    [
        "2026-11-19",
        "November 19",
        "Thursday",
        "9:05 AM",
        "rad",
        "",
        "Walk",
        'A "good", day\nreally',
    ],
    ["2026-11-18", "November 18", "Wednesday", "21:00", "meh", "Family", "", ""],
)


@pytest.fixture
def bob_client(bob) -> Client:
    Preferences.objects.filter(user=bob).update(time_zone="Europe/Berlin")
    client = Client()
    client.force_login(bob)
    return client


def test_moods_become_the_entrys_sadness_and_times_are_the_persons_own(bob, bob_client):
    response = import_file(bob_client, SAMPLE)

    assert response.context["report"].entries.added == 3
    entries = Entry.objects.filter(user=bob).order_by("occurred_at")
    assert [entry.sadness for entry in entries] == [1, 0, 3]
    assert [entry.peak_label for entry in entries] == ["Mild", "None", "Strong"]
    assert entries[2].occurred_at == dt.datetime(2026, 11, 20, 21, 15, tzinfo=dt.UTC)
    assert entries[1].occurred_at == dt.datetime(2026, 11, 19, 8, 5, tzinfo=dt.UTC)


def test_activities_become_factors_and_every_entry_is_marked_as_imported(bob, bob_client):
    TagFactory(user=bob, name="family")

    import_file(bob_client, SAMPLE)

    names = sorted(Tag.objects.filter(user=bob).values_list("name", flat=True))
    assert names == ["Imported from Daylio", "family", "sleep early"]
    latest = Entry.objects.filter(user=bob).order_by("-occurred_at").first()
    assert sorted(tag.name for tag in latest.tags.all()) == [
        "Imported from Daylio",
        "family",
        "sleep early",
    ]
    for entry in Entry.objects.filter(user=bob):
        assert "Imported from Daylio" in [tag.name for tag in entry.tags.all()]


def test_the_note_title_and_note_become_the_notes_with_the_mood(bob, bob_client):
    import_file(bob_client, SAMPLE)

    entry = Entry.objects.get(user=bob, occurred_at__date=dt.date(2026, 11, 19))
    assert entry.notes == 'Mood in Daylio: rad\n\nWalk\n\nA "good", day\nreally'


def test_the_preview_says_what_daylio_entries_are(bob_client):
    response = preview(bob_client, SAMPLE)

    body = response.content.decode()
    assert response.context["preview"].kind == "daylio"
    assert "not necessarily about sex" in body
    assert response.context["preview"].new_tags == ["family", "Imported from Daylio", "sleep early"]
    assert row_counts() == (0, 0, 0, 0)


def test_a_mood_named_in_daylio_is_listed_and_skipped(bob, bob_client):
    raw = _daylio(
        ["2026-11-20", "November 20", "Friday", "22:15", "Sleepy", "", "", ""],
        ["2026-11-19", "November 19", "Thursday", "22:15", "Sleepy", "", "", ""],
        ["2026-11-18", "November 18", "Wednesday", "22:15", "good", "", "", ""],
    )

    response = preview(bob_client, raw)

    assert response.context["preview"].to_add == 1
    assert "2 entries with the mood “Sleepy” are left out" in response.content.decode()
    import_file(bob_client, raw)
    assert Entry.objects.filter(user=bob).count() == 1


def test_newer_columns_are_ignored(bob, bob_client):
    raw = _daylio(
        ["2026-11-20", "November 20", "Friday", "22:15", "good", "", "", "", "extra"],
        header=[*HEADER, "scales"],
    )

    import_file(bob_client, raw)

    assert Entry.objects.filter(user=bob).count() == 1


def test_a_missing_column_is_named_and_nothing_is_saved(bob_client):
    raw = _daylio(["2026-11-20", "22:15", "good"], header=["full_date", "time", "mood"])

    response = preview(bob_client, raw)

    assert "the columns date, weekday, activities, note_title, note are missing" in form_errors(
        response
    )
    assert row_counts() == (0, 0, 0, 0)


def test_a_bad_row_is_named_and_nothing_is_saved(bob_client):
    raw = _daylio(
        ["2026-11-20", "November 20", "Friday", "22:15", "good", "", "", ""],
        ["20.11.2026", "November 20", "Friday", "22:15", "good", "", "", ""],
        ["2026-11-18", "November 18", "Wednesday", "noonish", "good", "", "", ""],
    )

    response = preview(bob_client, raw)

    errors = form_errors(response)
    assert "Row 3: “full_date” must be a date like 2026-01-31." in errors
    assert "Row 4: “time” must be a time like 22:15 or 10:15 PM." in errors
    assert row_counts() == (0, 0, 0, 0)


def test_an_activity_name_too_long_for_a_factor_is_named(bob_client):
    raw = _daylio(["2026-11-20", "November 20", "Friday", "22:15", "good", "x" * 41, "", ""])

    errors = form_errors(preview(bob_client, raw))

    assert "Row 2: “" in errors and "is longer than 40 characters" in errors


def test_importing_the_same_export_twice_adds_nothing(bob_client):
    import_file(bob_client, SAMPLE)
    before = row_counts()

    response = import_file(bob_client, SAMPLE)

    assert row_counts() == before
    assert response.context["report"].entries.already_there == 3


def test_daylios_formatting_becomes_plain_text_and_spaces_around_activities_go(bob, bob_client):
    raw = _daylio(
        [
            "2026-11-20",
            "20 November",
            "Friday",
            "10:00 pm",
            "good",
            "stressed / frustrated  | eat out",
            "",
            "<b>Calm</b> evening<br>tea &amp; a book <3",
        ]
    )

    import_file(bob_client, raw)

    entry = Entry.objects.get(user=bob)
    assert entry.notes == "Mood in Daylio: good\n\nCalm evening\ntea & a book <3"
    assert entry.occurred_at == dt.datetime(2026, 11, 20, 21, 0, tzinfo=dt.UTC)
    assert sorted(tag.name for tag in entry.tags.all()) == [
        "Imported from Daylio",
        "eat out",
        "stressed / frustrated",
    ]
