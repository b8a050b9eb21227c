import csv
import datetime as dt
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Preferences
from entries.portability.csv_export import COLUMNS, spreadsheet_safe
from tests.factories import EntryFactory, PartnerFactory, TagFactory
from tests.security_helpers import reauthenticate

pytestmark = pytest.mark.django_db

URL = reverse("entries:export_csv")


@pytest.fixture
def alice_client(alice_client):
    """Every note in plain text asks for the password again; these tests have given it."""
    reauthenticate(alice_client)
    return alice_client


def test_it_asks_for_the_password_again_first(alice, client):
    client.force_login(alice)

    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def _rows(client) -> list[dict]:
    response = client.get(URL)
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def _header(client) -> list[str]:
    text = client.get(URL).content.decode("utf-8-sig")
    return next(csv.reader(io.StringIO(text)))


def test_it_downloads_an_attachment_that_is_not_cached(alice_client):
    response = alice_client.get(URL)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="journal-{today}.csv"'
    assert "no-store" in response["Cache-Control"]


def test_an_empty_journal_gives_just_the_header(alice_client):
    response = alice_client.get(URL)

    text = response.content.decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(text))) == list(COLUMNS)
    assert _rows(alice_client) == []


def test_one_row_per_entry_with_every_field(alice, alice_client, alice_entry):
    alice_entry.coping = ["talked", "time_alone"]
    alice_entry.coping_helped = 3
    alice_entry.pain = 6
    alice_entry.save()
    alice_entry.tags.add(TagFactory(user=alice, name="New medication"))

    [row] = _rows(alice_client)

    assert row["partner"] == "Sam"
    assert (row["sadness"], row["sadness_code"]) == ("Strong", "3")
    assert row["pain"] == "6"
    assert row["cried"] == "no"
    assert (row["satisfaction"], row["satisfaction_code"]) == ("", "")
    assert row["tags"] == "after an argument; New medication"
    assert row["tags_code"] == '["after an argument", "New medication"]'
    assert row["coping"] == "Talked with my partner; Time alone"
    assert row["coping_code"] == "talked; time_alone"
    assert (row["coping_helped"], row["coping_helped_code"]) == ("Quite a lot", "3")
    assert row["notes"] == "a private note"
    assert row["episode"] == "yes"
    assert (row["peak_intensity"], row["peak_intensity_code"]) == ("Strong", "3")


def test_each_coded_answer_has_its_words_and_its_code(alice, alice_client):
    EntryFactory(user=alice, activity="solo", orgasm="unsure", stress=2, connection_after=0)

    [row] = _rows(alice_client)

    assert (row["activity"], row["activity_code"]) == ("Solo", "solo")
    assert (row["orgasm"], row["orgasm_code"]) == ("Not sure", "unsure")
    assert (row["stress"], row["stress_code"]) == ("Moderate", "2")
    assert (row["connection_after"], row["connection_after_code"]) == ("Not at all", "0")


def test_the_header_marks_the_file_as_this_journals_own(alice_client):
    header = _header(alice_client)

    assert header[:2] == ["occurred_at", "activity"]
    assert "activity_code" in header


def test_times_have_the_offset_of_the_users_zone(alice, alice_client):
    Preferences.objects.filter(user=alice).update(time_zone="Europe/Berlin")
    EntryFactory(user=alice, occurred_at=dt.datetime(2026, 1, 10, 21, 15, tzinfo=dt.UTC))
    EntryFactory(user=alice, occurred_at=dt.datetime(2026, 7, 10, 21, 15, tzinfo=dt.UTC))

    rows = _rows(alice_client)

    assert [row["occurred_at"] for row in rows] == [
        "2026-01-10T22:15:00+01:00",
        "2026-07-10T23:15:00+02:00",
    ]
    assert rows[0]["created_at"].endswith(("+01:00", "+02:00"))


def test_entries_come_oldest_first(alice, alice_client):
    for day in (3, 1, 2):
        EntryFactory(user=alice, occurred_at=dt.datetime(2026, 2, day, tzinfo=dt.UTC), notes=day)

    assert [row["notes"] for row in _rows(alice_client)] == ["1", "2", "3"]


@pytest.mark.parametrize(
    "dangerous",
    [
        pytest.param('=HYPERLINK("http://x.example")', id="equals"),
        pytest.param("+1+1", id="plus"),
        pytest.param("-2+3", id="minus"),
        pytest.param("@SUM(A1:A2)", id="at"),
        pytest.param("\t=1+1", id="tab"),
        pytest.param("\r=1+1", id="carriage-return"),
    ],
)
def test_cells_a_spreadsheet_would_run_are_shown_as_text(alice, alice_client, dangerous):
    partner = PartnerFactory(user=alice, nickname=dangerous)
    entry = EntryFactory(user=alice, partner=partner, notes=dangerous)
    entry.tags.add(TagFactory(user=alice, name=dangerous))

    [row] = _rows(alice_client)

    assert row["notes"] == "'" + dangerous
    assert row["partner"] == "'" + dangerous
    assert row["tags"] == "'" + dangerous
    assert row["tags_code"] == json.dumps([dangerous])


def test_ordinary_text_and_numbers_are_left_alone():
    assert spreadsheet_safe("felt close afterwards") == "felt close afterwards"
    assert spreadsheet_safe("3") == "3"
    assert spreadsheet_safe("") == ""
    assert spreadsheet_safe("a = b") == "a = b"
    assert spreadsheet_safe("-") == "'-"
    assert spreadsheet_safe("'tis") == "'tis"


def test_a_cell_already_quoted_before_a_formula_gets_one_more_quote():
    assert spreadsheet_safe("'=1+1") == "''=1+1"


def test_notes_keep_line_breaks_commas_and_any_script(alice, alice_client):
    note = 'First line, with "quotes"\nsecond line — Ça va 😊 大丈夫'
    EntryFactory(user=alice, notes=note)

    [row] = _rows(alice_client)

    assert row["notes"] == note


def test_it_holds_only_the_users_own_entries(alice_client, alice_entry, bob):
    EntryFactory(user=bob, notes="bob-note")

    rows = _rows(alice_client)

    assert [row["notes"] for row in rows] == ["a private note"]


def test_visitors_must_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302


def test_the_settings_page_offers_the_downloads_and_the_import(alice_client):
    response = alice_client.get(reverse("accounts:settings"))

    body = response.content.decode()
    assert "Download everything / Import" in body
    for name in ("entries:export_csv", "entries:backup_json", "entries:import"):
        assert f'href="{reverse(name)}"' in body
