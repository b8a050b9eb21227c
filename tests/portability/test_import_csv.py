"""The journal's own CSV, exported and imported again."""

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Preferences
from entries.models import Entry
from entries.portability.backup import backup_for_user
from tests.factories import EntryFactory, PartnerFactory, TagFactory
from tests.portability.import_helpers import (
    csv_bytes,
    csv_dicts,
    dicts_as_csv,
    form_errors,
    import_file,
    preview,
    row_counts,
)
from tests.security_helpers import reauthenticate

pytestmark = pytest.mark.django_db

NOTE = 'First line, with "quotes"; commas, too\nsecond line — Ça va 😊 大丈夫\r\n'


@pytest.fixture
def alice_journal(alice, alice_entry):
    """Alice's journal with every kind of answer, in Paris time."""
    Preferences.objects.filter(user=alice).update(time_zone="Europe/Paris")
    EntryFactory(user=alice, activity="solo", orgasm="yes", pain=7, notes="")
    full = EntryFactory(
        user=alice,
        partner=alice_entry.partner,
        occurred_at=dt.datetime(2026, 3, 29, 1, 30, 15, 123456, tzinfo=dt.UTC),
        orgasm="unsure",
        satisfaction=4,
        connection_after=0,
        irritation=1,
        agitation=2,
        anxiety_after=4,
        cried=True,
        episode_minutes=45,
        stress=0,
        low_mood=1,
        performance_anxiety=2,
        felt_vulnerable=3,
        relationship_tension=4,
        pain=0,
        memories_surfaced=True,
        alcohol_or_drugs=False,
        coping=["talked", "closeness", "other"],
        coping_helped=2,
        notes=NOTE,
    )
    full.tags.add(alice_entry.tags.get(), TagFactory(user=alice, name="tired; hungry, too"))
    return alice


def _exported(client: Client) -> bytes:
    reauthenticate(client)
    response = client.get(reverse("entries:export_csv"))
    assert response.status_code == 200
    return response.content


@pytest.fixture
def bob_client(bob) -> Client:
    Preferences.objects.filter(user=bob).update(time_zone="Europe/Paris")
    client = Client()
    client.force_login(bob)
    return client


def test_an_exported_csv_imports_into_an_empty_account_as_the_same_journal(
    alice_journal, alice_client, bob, bob_client
):
    raw = _exported(alice_client)

    response = import_file(bob_client, raw)

    assert response.status_code == 200
    assert response.context["report"].entries.added == 3
    mine, theirs = backup_for_user(alice_journal), backup_for_user(bob)
    assert len(theirs["entries"]) == 3
    for original, imported in zip(mine["entries"], theirs["entries"], strict=True):
        for key, value in original.items():
            assert imported[key] == value, key
    assert theirs["tags"] == mine["tags"]


def test_the_entry_keeps_its_instant_and_the_offset_it_was_written_with(
    alice_journal, alice_client, bob, bob_client
):
    raw = _exported(alice_client)
    [written] = [row for row in csv_dicts(raw) if row["episode_minutes"] == "45"]

    import_file(bob_client, raw)

    # Just after the clocks went forward in Paris: summer time, +02:00.
    assert written["occurred_at"] == "2026-03-29T03:30:15.123456+02:00"
    entry = Entry.objects.get(user=bob, episode_minutes=45)
    assert entry.occurred_at == dt.datetime(2026, 3, 29, 1, 30, 15, 123456, tzinfo=dt.UTC)
    assert entry.notes == NOTE


def test_importing_the_same_csv_twice_adds_nothing(alice_journal, alice_client, bob_client):
    raw = _exported(alice_client)
    import_file(bob_client, raw)
    before = row_counts()

    response = import_file(bob_client, raw)

    assert row_counts() == before
    assert response.context["report"].entries.already_there == 3


def test_a_csv_imported_into_its_own_account_adds_nothing(alice_journal, alice_client):
    raw = _exported(alice_client)
    before = row_counts()

    response = preview(alice_client, raw)

    assert response.context["preview"].to_add == 0
    assert response.context["preview"].already_there == 3
    assert row_counts() == before


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('=HYPERLINK("http://x.example")', id="equals"),
        pytest.param("+1", id="plus"),
        pytest.param("-tired", id="minus"),
        pytest.param("@home", id="at"),
        pytest.param("'=already quoted", id="quoted-formula"),
        pytest.param("'tis the season", id="apostrophe"),
    ],
)
def test_text_guarded_against_formulas_comes_back_exactly(alice, alice_client, bob, text):
    partner = PartnerFactory(user=alice, nickname=text)
    entry = EntryFactory(user=alice, partner=partner, notes=text)
    entry.tags.add(TagFactory(user=alice, name=text))
    client = Client()
    client.force_login(bob)

    import_file(client, _exported(alice_client))

    imported = Entry.objects.get(user=bob)
    assert (imported.notes, imported.partner.nickname) == (text, text)
    assert [tag.name for tag in imported.tags.all()] == [text]


def test_the_words_are_read_when_the_code_columns_are_gone(
    alice_journal, alice_client, bob, bob_client
):
    rows = csv_dicts(_exported(alice_client))
    # The factors' names stay: one of them holds "; ", which the words cannot carry.
    without_codes = [
        {k: v for k, v in row.items() if not k.endswith("_code") or k == "tags_code"}
        for row in rows
    ]

    import_file(bob_client, dicts_as_csv(without_codes))

    mine, theirs = backup_for_user(alice_journal), backup_for_user(bob)
    assert [e["coping"] for e in theirs["entries"]] == [e["coping"] for e in mine["entries"]]
    assert [e["felt_vulnerable"] for e in theirs["entries"]] == [
        e["felt_vulnerable"] for e in mine["entries"]
    ]
    assert theirs["entries"] == mine["entries"]


def test_a_code_wins_over_its_words(alice, alice_client, alice_entry, bob, bob_client):
    [row] = csv_dicts(_exported(alice_client))
    row["sadness"], row["sadness_code"] = "Mild", "4"

    import_file(bob_client, dicts_as_csv([row]))

    assert Entry.objects.get(user=bob).sadness == 4


def test_a_malformed_row_is_named_and_nothing_is_saved(alice_journal, alice_client, bob_client):
    rows = csv_dicts(_exported(alice_client))
    rows[1]["sadness_code"] = "9"
    before = row_counts()

    response = preview(bob_client, dicts_as_csv(rows))

    assert response.status_code == 200
    assert "Row 3: “sadness_code” must be a whole number from 0 to 4, not 9." in form_errors(
        response
    )
    assert "Nothing was imported" in response.content.decode()
    assert row_counts() == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param({"occurred_at": "last Tuesday"}, "Row 2: “occurred_at” must be", id="date"),
        pytest.param({"activity_code": "", "activity": "Dancing"}, "“activity” has", id="word"),
        pytest.param({"cried": "maybe"}, "“cried” must be yes, no or empty", id="yes-no"),
        pytest.param({"tags_code": "[1"}, "“tags_code” must be a list", id="tags"),
        pytest.param({"partner": "Sam", "activity_code": "solo"}, "empty for a solo", id="solo"),
    ],
)
def test_each_bad_cell_is_named_by_row_and_column(
    alice, alice_client, alice_entry, bob_client, change, message
):
    [row] = csv_dicts(_exported(alice_client))
    row.update(change)

    response = preview(bob_client, dicts_as_csv([row]))

    assert message in form_errors(response)


def test_a_row_with_too_few_cells_is_named(alice_journal, alice_client, bob_client):
    raw = _exported(alice_client) + b"2026-01-01T10:00:00+01:00,partnered\r\n"

    response = preview(bob_client, raw)

    assert "Row 5: it has 2 cells but the header has" in form_errors(response)


def test_a_csv_from_another_app_is_refused_clearly(bob_client):
    raw = csv_bytes([["Date", "Amount", "Payee"], ["2026-01-01", "12.50", "Bakery"]])

    response = preview(bob_client, raw)

    assert "This CSV doesn’t look like an export from PCT Journal or Daylio" in form_errors(
        response
    )
    assert row_counts() == (0, 0, 0, 0)


def test_a_journal_csv_without_a_needed_column_is_refused(alice_journal, alice_client, bob_client):
    rows = [
        {key: value for key, value in row.items() if key not in ("notes",)}
        for row in csv_dicts(_exported(alice_client))
    ]

    response = preview(bob_client, dicts_as_csv(rows))

    assert "lacks the columns notes" in form_errors(response)


def test_a_spreadsheet_saved_again_with_semicolons_imports(alice, alice_client, alice_entry, bob):
    text = _exported(alice_client).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";").writerows(rows)
    client = Client()
    client.force_login(bob)

    import_file(client, buffer.getvalue().encode("utf-8"))

    assert Entry.objects.get(user=bob).notes == "a private note"


def test_a_spreadsheet_that_is_not_utf8_is_refused_clearly(bob_client):
    raw = "occurred_at,activity,sadness\n2026-01-01T10:00:00+01:00,Solo,Stärker\n"

    response = preview(bob_client, raw.encode("cp1252"))

    assert "cannot be read as text (UTF-8)" in form_errors(response)


def test_the_preview_says_when_the_file_was_written_in_another_zone(
    alice_journal, alice_client, bob
):
    client = Client()
    client.force_login(bob)  # bob keeps the default zone, not Paris

    response = preview(client, _exported(alice_client))

    assert "written in another time zone than yours" in response.content.decode()
