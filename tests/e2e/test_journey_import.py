"""Bringing a journal in: a full backup, this journal's spreadsheet and a Daylio export,
each checked on a preview before it is imported. axe-core checks the preview in light
and dark mode."""

import pytest
from playwright.sync_api import expect

from entries.models import Entry
from entries.portability.backup import backup_for_user, backup_json_bytes
from entries.portability.csv_export import entries_csv_lines
from tests.e2e.journey_support import assert_accessible, log_in_as
from tests.factories import EntryFactory, PartnerFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DAYLIO = (
    "\ufefffull_date,date,weekday,time,mood,activities,note_title,note\n"
    "2026-11-20,November 20,Friday,22:15,awful,family | sleep early,,Long day\n"
    '2026-11-19,November 19,Thursday,9:05 PM,good,,Walk,"A good, long walk"\n'
    "2026-11-18,November 18,Wednesday,21:00,Sleepy,,,\n"
).encode()


@pytest.fixture
def alice(db):
    alice = UserFactory(username="alice")
    sam = PartnerFactory(user=alice, nickname="Sam")
    EntryFactory(user=alice, partner=sam, sadness=3, notes='felt far away, "again"')
    EntryFactory(user=alice, activity="solo", notes="=calmer after a walk")
    return alice


@pytest.fixture
def bob(db):
    return UserFactory(username="bob")


def _choose(page, live_server, name: str, raw: bytes, mime: str) -> None:
    page.goto(f"{live_server.url}/import/")
    page.get_by_label("File to import").set_input_files(
        {"name": name, "mimeType": mime, "buffer": raw}
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", name="Check before importing")).to_be_visible()


def test_a_person_moves_their_backup_to_a_new_account(live_server, desktop, alice, bob):
    page, _watch = desktop
    log_in_as(page, live_server, bob)

    _choose(
        page,
        live_server,
        "backup.json",
        backup_json_bytes(backup_for_user(alice)),
        "application/json",
    )

    expect(page.get_by_text("This file is a PCT Journal backup (JSON).")).to_be_visible()
    expect(page.get_by_test_id("entries-to-add")).to_have_text("2")
    expect(page.get_by_role("cell", name='felt far away, "again"')).to_be_visible()
    assert Entry.objects.filter(user=bob).count() == 0
    page.get_by_role("button", name="Import 2 entries").click()

    expect(page.get_by_role("heading", name="Your file is imported")).to_be_visible()
    assert Entry.objects.filter(user=bob).count() == 2


def test_a_person_brings_back_their_spreadsheet(live_server, phone, alice, bob):
    page, _watch = phone
    log_in_as(page, live_server, bob)
    raw = "".join(entries_csv_lines(alice)).encode()

    _choose(page, live_server, "journal.csv", raw, "text/csv")

    expect(page.get_by_text("This file is a PCT Journal spreadsheet (CSV).")).to_be_visible()
    expect(page.get_by_text("Sam", exact=True)).to_have_count(2)  # new partner, first row
    assert_accessible(page)
    page.get_by_role("button", name="Import 2 entries").click()

    expect(page.get_by_role("heading", name="Your file is imported")).to_be_visible()
    notes = sorted(entry.notes for entry in Entry.objects.filter(user=bob))
    assert notes == ["=calmer after a walk", 'felt far away, "again"']


def test_a_person_brings_in_daylio_entries_or_changes_their_mind(live_server, phone, bob):
    page, _watch = phone
    log_in_as(page, live_server, bob)

    _choose(page, live_server, "daylio_export.csv", DAYLIO, "text/csv")

    expect(page.get_by_text("not necessarily about sex")).to_be_visible()
    expect(page.get_by_text("1 entry with the mood “Sleepy” is left out")).to_be_visible()
    expect(page.get_by_role("definition").filter(has_text="sleep early")).to_have_text(
        "family, Imported from Daylio, sleep early"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Cancel").click()
    expect(page.get_by_text("The import is cancelled")).to_be_visible()
    assert Entry.objects.filter(user=bob).count() == 0

    _choose(page, live_server, "daylio_export.csv", DAYLIO, "text/csv")
    page.get_by_role("button", name="Import 2 entries").click()

    expect(page.get_by_role("heading", name="Your file is imported")).to_be_visible()
    assert Entry.objects.filter(user=bob).count() == 2


def test_a_csv_from_another_app_is_refused_on_the_page(live_server, desktop, bob):
    page, _watch = desktop
    log_in_as(page, live_server, bob)
    page.goto(f"{live_server.url}/import/")

    page.get_by_label("File to import").set_input_files(
        {"name": "bank.csv", "mimeType": "text/csv", "buffer": b"Date,Amount\n2026-01-01,3\n"}
    )
    page.get_by_role("button", name="Check the file").click()

    expect(
        page.get_by_text("This CSV doesn’t look like an export from PCT Journal")
    ).to_be_visible()
    expect(page.get_by_text("Nothing was imported, and your journal is unchanged.")).to_be_visible()
    assert_accessible(page)
