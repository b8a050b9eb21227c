import copy
import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import SkipFile
from django.test import Client
from django.urls import reverse

from accounts.models import Preferences
from entries.models import Entry, Partner, Tag
from entries.portability.backup import backup_for_user, backup_json_bytes
from entries.portability.restore import backup_restore
from entries.portability.sections import (
    BackupSection,
    register_backup_section,
    registered_sections,
    unregister_backup_section,
)
from entries.portability.spec import MAX_IMPORT_BYTES, BackupInvalid
from entries.portability.upload import UploadSizeLimit
from tests.factories import EntryFactory, PartnerFactory, TagFactory
from tests.security_helpers import reauthenticate

pytestmark = pytest.mark.django_db

URL = reverse("entries:import")
CONFIRM_URL = reverse("entries:import_confirm")


@pytest.fixture
def alice_backup(alice, alice_entry) -> dict:
    """Alice's journal with two more entries, one solo and one with every answer given."""
    Preferences.objects.filter(user=alice).update(time_zone="Europe/Paris", episode_threshold=3)
    EntryFactory(user=alice, activity="solo", orgasm="yes", notes="", pain=7)
    full = EntryFactory(
        user=alice,
        partner=alice_entry.partner,
        satisfaction=4,
        connection_after=1,
        cried=True,
        episode_minutes=45,
        coping=["talked", "closeness"],
        coping_helped=2,
        memories_surfaced=True,
        notes="Ça va 😊",
    )
    full.tags.add(alice_entry.tags.get(), TagFactory(user=alice, name="-tired"))
    PartnerFactory(user=alice, nickname="Old flame", active=False)
    return backup_for_user(alice)


def _upload(client: Client, document, *, restore_preferences: bool = True, name="backup.json"):
    """Uploads the file and, when its preview comes back, confirms the import."""
    raw = document if isinstance(document, bytes) else backup_json_bytes(document)
    data = {"backup": SimpleUploadedFile(name, raw, content_type="application/json")}
    if restore_preferences:
        data["restore_preferences"] = "on"
    response = client.post(URL, data)
    if response.status_code == 200 and "token" in response.context:
        return client.post(CONFIRM_URL, {"token": response.context["token"]})
    return response


def _rows() -> tuple[int, int, int, int]:
    through = Entry.tags.through.objects.count()
    return (Entry.objects.count(), Partner.objects.count(), Tag.objects.count(), through)


def _errors(response) -> str:
    return " ".join(response.context["form"].errors["backup"])


def _bob_client(bob) -> Client:
    client = Client()
    client.force_login(bob)
    return client


def test_the_page_explains_what_an_import_does(alice_client):
    response = alice_client.get(URL)

    assert response.status_code == 200
    assert "Nothing already in your journal is changed or deleted" in response.content.decode()


def test_it_restores_a_backup_into_another_account(alice_backup, bob):
    response = _upload(_bob_client(bob), alice_backup)

    report = response.context["report"]
    assert (report.entries.added, report.partners.added, report.tags.added) == (3, 2, 2)
    assert "Your file is imported" in response.content.decode()
    assert Entry.objects.filter(user=bob).count() == 3
    full = Entry.objects.get(user=bob, cried=True)
    assert full.partner.nickname == "Sam"
    assert full.partner.user == bob
    assert sorted(full.tags.values_list("name", flat=True)) == ["-tired", "after an argument"]
    assert full.coping == ["talked", "closeness"]
    assert full.notes == "Ça va 😊"
    (old_flame,) = [p for p in Partner.objects.filter(user=bob) if p.nickname == "Old flame"]
    assert old_flame.active is False
    assert Preferences.objects.get(user=bob).time_zone == "Europe/Paris"


def test_importing_the_same_file_twice_adds_nothing(alice_backup, bob):
    client = _bob_client(bob)
    _upload(client, alice_backup)
    before = _rows()

    response = _upload(client, alice_backup)

    assert _rows() == before
    report = response.context["report"]
    assert (report.entries.added, report.entries.already_there) == (0, 3)
    assert (report.partners.already_there, report.tags.already_there) == (2, 2)
    assert "Everything was already here" in response.content.decode()


def test_a_backup_imported_into_its_own_account_changes_nothing(alice, alice_client, alice_backup):
    version = Preferences.objects.get(user=alice).data_version
    before = _rows()

    response = _upload(alice_client, alice_backup)

    assert _rows() == before
    assert response.context["report"].changed_anything is False
    assert Preferences.objects.get(user=alice).data_version == version


def test_a_successful_import_marks_charts_stale(alice_backup, bob):
    version = Preferences.objects.get(user=bob).data_version

    _upload(_bob_client(bob), alice_backup)

    assert Preferences.objects.get(user=bob).data_version > version


def test_it_reuses_partners_and_factors_whatever_the_capitals(alice_backup, bob):
    PartnerFactory(user=bob, nickname="SAM")
    TagFactory(user=bob, name="After An Argument")

    report = _upload(_bob_client(bob), alice_backup).context["report"]

    assert (report.partners.added, report.partners.already_there) == (1, 1)
    assert (report.tags.added, report.tags.already_there) == (1, 1)
    assert set(Entry.objects.filter(user=bob).values_list("partner__nickname", flat=True)) == {
        "SAM",
        None,
    }


def test_it_keeps_what_the_account_already_has(alice_backup, bob):
    mine = EntryFactory(user=bob, notes="bob's own entry", sadness=1)

    _upload(_bob_client(bob), alice_backup)

    mine.refresh_from_db()
    assert mine.notes == "bob's own entry"
    assert Entry.objects.filter(user=bob).count() == 4


def test_an_entry_that_differs_in_one_field_is_a_new_entry(alice_backup, bob):
    client = _bob_client(bob)
    _upload(client, alice_backup)
    changed = copy.deepcopy(alice_backup)
    changed["entries"][0]["notes"] += " (edited)"

    report = _upload(client, changed).context["report"]

    assert (report.entries.added, report.entries.already_there) == (1, 2)


def test_identical_entries_in_one_file_are_both_kept(alice_backup, bob):
    twice = copy.deepcopy(alice_backup)
    twice["entries"].append(copy.deepcopy(twice["entries"][0]))
    client = _bob_client(bob)

    first = _upload(client, twice).context["report"]
    second = _upload(client, twice).context["report"]

    assert first.entries.added == 4
    assert (second.entries.added, second.entries.already_there) == (0, 4)


def test_settings_can_be_left_as_they_are(alice_backup, bob):
    report = _upload(_bob_client(bob), alice_backup, restore_preferences=False).context["report"]

    assert report.settings_changed == []
    assert Preferences.objects.get(user=bob).time_zone == "UTC"
    assert Entry.objects.filter(user=bob).count() == 3


def test_the_report_names_the_settings_it_changed(alice_backup, bob):
    response = _upload(_bob_client(bob), alice_backup)

    assert response.context["report"].settings_changed == [
        "time zone",
        "count an entry as an episode from",
    ]


def test_it_only_ever_writes_into_the_logged_in_account(alice, alice_backup, charlie_client):
    alice_rows = Entry.objects.filter(user=alice).count()

    _upload(charlie_client, alice_backup)

    assert Entry.objects.filter(user=alice).count() == alice_rows
    assert Entry.objects.filter(user__username="charlie").count() == 3


def test_the_form_is_protected_against_cross_site_requests(alice, alice_backup):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)

    response = _upload(client, alice_backup)

    assert response.status_code == 403


def test_visitors_must_log_in(client, alice_backup):
    response = _upload(client, alice_backup)

    assert response.status_code == 302
    assert Entry.objects.count() == 3


# --- Files that are refused. Every one leaves the database exactly as it was. ---


def _entry_with(alice_backup: dict, number: int, **changes) -> dict:
    document = copy.deepcopy(alice_backup)
    document["entries"][number - 1].update(changes)
    return document


BAD_VALUES = [
    pytest.param({"sadness": 7}, "“sadness” must be a whole number from 0 to 4, not 7", id="scale"),
    pytest.param({"pain": 11}, "“pain” must be a whole number from 0 to 10", id="pain"),
    pytest.param({"pain": -1}, "from 0 to 10 or null, not -1", id="negative"),
    pytest.param({"stress": 2.5}, "“stress” must be a whole number", id="fraction"),
    pytest.param({"stress": "2"}, "“stress” must be a whole number", id="number-as-text"),
    pytest.param({"anxiety_after": True}, "“anxiety_after” must be a whole", id="bool-as-number"),
    pytest.param({"satisfaction": 5}, "from 0 to 4 or null, not 5", id="optional-scale"),
    pytest.param({"cried": "yes"}, "“cried” must be true or false", id="boolean"),
    pytest.param({"cried": None}, "“cried” must be true or false, not null", id="cried-null"),
    pytest.param(
        {"memories_surfaced": "yes"},
        "“memories_surfaced” must be true, false or null",
        id="nullable-boolean",
    ),
    pytest.param({"episode_minutes": 0}, "from 1 to 1440", id="minutes"),
    pytest.param({"activity": "group"}, "“activity” must be one of", id="activity"),
    pytest.param({"orgasm": "maybe"}, "“orgasm” must be one of", id="orgasm"),
    pytest.param({"coping": ["dancing"]}, '“coping” has "dancing"', id="coping-key"),
    pytest.param({"coping": "talked"}, "“coping” must be a list", id="coping-not-list"),
    pytest.param({"notes": "x" * 5001}, "“notes” is longer than 5000", id="notes-length"),
    pytest.param({"notes": "a\x00b"}, "“notes” contains a null character", id="null-char"),
    pytest.param({"notes": None}, "“notes” must be text", id="notes-null"),
    pytest.param({"occurred_at": "yesterday"}, "“occurred_at” must be a date", id="date"),
    pytest.param({"occurred_at": "2026-01-31T22:15:00"}, "has no time zone offset", id="naive"),
    pytest.param({"occurred_at": "2999-01-01T00:00:00+00:00"}, "more than a day", id="future"),
    pytest.param({"occurred_at": "0001-01-01T00:00:00+05:00"}, "not a usable date", id="overflow"),
    pytest.param({"occurred_at": "1850-01-01T00:00:00+00:00"}, "before 1900", id="ancient"),
    pytest.param({"partner": "Nobody"}, "not in the file’s list of partners", id="partner"),
    pytest.param({"partner": 3}, "“partner” must be text", id="partner-type"),
    pytest.param({"tags": ["unknown"]}, "not in the file’s list of factors", id="tag"),
    pytest.param({"tags": "after an argument"}, "“tags” must be a list", id="tags-type"),
]


@pytest.mark.parametrize(("change", "message"), BAD_VALUES)
def test_a_bad_value_late_in_the_file_is_named_and_nothing_is_imported(
    alice_backup, bob, change, message
):
    document = copy.deepcopy(alice_backup)
    document["entries"] *= 20  # 60 entries; the bad one is the last
    document["entries"][-1] = {**document["entries"][-1], **change}
    before = _rows()

    response = _upload(_bob_client(bob), document)

    assert response.status_code == 200
    errors = _errors(response)
    assert "Entry 60" in errors
    assert message in errors
    assert "Nothing was imported" in response.content.decode()
    assert _rows() == before
    assert Preferences.objects.get(user=bob).time_zone == "UTC"


def test_a_solo_entry_with_a_partner_is_refused(alice_backup, bob):
    solo = next(n for n, e in enumerate(alice_backup["entries"], 1) if e["activity"] == "solo")
    document = _entry_with(alice_backup, solo, partner="Sam")

    response = _upload(_bob_client(bob), document)

    assert "a solo entry has no partner" in _errors(response)
    assert not Entry.objects.filter(user=bob).exists()


def test_missing_and_unknown_fields_are_named(alice_backup, bob):
    document = copy.deepcopy(alice_backup)
    del document["entries"][1]["pain"]
    document["entries"][1]["sadnes"] = 2

    errors = _errors(_upload(_bob_client(bob), document))

    assert "Entry 2" in errors
    assert "“pain” is missing" in errors
    assert "“sadnes” is unknown" in errors


def test_every_problem_is_listed_up_to_a_limit(alice_backup, bob):
    document = copy.deepcopy(alice_backup)
    document["entries"] = [{**document["entries"][0], "pain": 99} for _ in range(30)]

    errors = _upload(_bob_client(bob), document).context["form"].errors["backup"]

    assert len(errors) == 21
    assert errors[-1] == "… and 10 more problems."


def test_partner_names_that_differ_only_in_capitals_are_refused(alice_backup, bob):
    document = copy.deepcopy(alice_backup)
    document["partners"].append({"nickname": "SAM", "active": True})

    errors = _errors(_upload(_bob_client(bob), document))

    assert "“SAM” is in the list twice" in errors
    assert not Partner.objects.filter(user=bob).exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param({"episode_threshold": 0}, "from 1 to 4", id="threshold"),
        pytest.param({"time_zone": "Mars/Olympus"}, "does not offer", id="time-zone"),
        pytest.param({"checkin_cadence_days": 10}, "one of 7, 14", id="cadence"),
        pytest.param({"discreet_mode": 1}, "true or false", id="discreet"),
    ],
)
def test_bad_settings_are_refused(alice_backup, bob, change, message):
    document = copy.deepcopy(alice_backup)
    document["preferences"].update(change)

    errors = _errors(_upload(_bob_client(bob), document))

    assert message in errors
    assert not Entry.objects.filter(user=bob).exists()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        pytest.param(b'{"format": "pct-journal-backup", "vers', "not valid JSON", id="cut-short"),
        pytest.param(b"\xff\xfe\x00garbage", "cannot be read as text", id="not-text"),
        pytest.param(b"[\xff\xfe]", "not valid JSON", id="not-text-json"),
        pytest.param(b"[" * 100_000, "not valid JSON", id="deeply-nested"),
        pytest.param(b'{"a": NaN}', "not valid JSON", id="nan"),
        pytest.param(b"", "The submitted file is empty", id="empty"),
        pytest.param(b"[1, 2, 3]", "not a PCT Journal backup", id="a-list"),
        pytest.param(b'{"format": "other-app"}', "not a PCT Journal backup", id="other-format"),
        pytest.param(
            b'{"format": "pct-journal-backup", "version": 4}', "newer version", id="newer-version"
        ),
        pytest.param(
            b'{"format": "pct-journal-backup", "version": "1"}', 'version "1"', id="version-text"
        ),
        pytest.param(
            b'{"format": "pct-journal-backup", "version": 1}', "The backup is incomplete", id="bare"
        ),
    ],
)
def test_a_file_that_is_not_a_backup_is_refused_clearly(alice_client, raw, message):
    before = _rows()

    response = _upload(alice_client, raw)

    assert message in _errors(response)
    assert _rows() == before


def test_an_unknown_top_level_key_is_refused(alice_backup, bob):
    document = {**alice_backup, "photos": []}

    assert "“photos”: not part of the backup format" in _errors(_upload(_bob_client(bob), document))


def test_a_missing_file_is_a_field_error(alice_client):
    response = alice_client.post(URL, {"restore_preferences": "on"})

    assert "This field is required" in _errors(response)
    assert response.context["form"]["restore_preferences"].value() is True


def test_a_file_over_ten_megabytes_is_refused_without_being_kept(alice_client):
    raw = b'{"notes": "' + b"x" * MAX_IMPORT_BYTES + b'"}'

    response = _upload(alice_client, raw)

    assert "larger than 10 MB" in _errors(response)
    assert not Entry.objects.exists()


def test_a_file_just_under_the_limit_is_read(alice_client):
    raw = b" " * (MAX_IMPORT_BYTES - 2) + b"[]"

    response = _upload(alice_client, raw)

    assert "not a PCT Journal backup" in _errors(response)


def test_the_service_refuses_bad_data_without_a_form(alice, alice_backup):
    document = _entry_with(alice_backup, 1, sadness=9)

    with pytest.raises(BackupInvalid) as refused:
        backup_restore(user=alice, data=document)

    assert "Entry 1" in refused.value.messages[0]


# --- Sections added by other apps (check-ins). ---


@pytest.fixture
def stand_in_checkins():
    """A stand-in for the check-ins section that records what it was given; it refuses
    an item {"bad": true} the way checkins_restore does, with a ValidationError."""
    real = {section.key: section for section in registered_sections()}.get("checkins")
    received = []

    def restore(*, user, items):
        if any(item.get("bad") for item in items):
            raise ValidationError("Check-in 2: the answers are missing.")
        received.extend(items)
        return type("Result", (), {"created": len(items), "already_present": 0})

    register_backup_section(
        BackupSection(key="checkins", label="check-ins", export=lambda user: [], restore=restore)
    )
    yield received
    if real:
        register_backup_section(real)
    else:
        unregister_backup_section("checkins")


@pytest.fixture
def no_checkins_section():
    real = {section.key: section for section in registered_sections()}.get("checkins")
    unregister_backup_section("checkins")
    yield
    if real:
        register_backup_section(real)


def test_a_registered_section_receives_its_items(alice_backup, bob, stand_in_checkins):
    document = {**alice_backup, "checkins": [{"instrument": "phq9"}]}

    response = _upload(_bob_client(bob), document)

    # Once for the preview's trial run (undone), once for the import itself.
    assert stand_in_checkins == [{"instrument": "phq9"}] * 2
    assert response.context["report"].sections["check-ins"].added == 1
    assert "Check-ins" in response.content.decode()


def test_a_bad_item_in_a_section_undoes_the_whole_import(alice_backup, bob, stand_in_checkins):
    document = {**alice_backup, "checkins": [{"instrument": "phq9"}, {"bad": True}]}

    response = _upload(_bob_client(bob), document)

    assert "Check-in 2: the answers are missing." in _errors(response)
    assert not Entry.objects.filter(user=bob).exists()
    assert not Partner.objects.filter(user=bob).exists()


def test_a_section_this_install_does_not_keep_is_reported_as_left_out(
    alice_backup, bob, no_checkins_section
):
    document = {**alice_backup, "checkins": [{"instrument": "phq9"}] * 2}

    response = _upload(_bob_client(bob), document)

    assert response.context["report"].left_out == {"check-ins": 2}
    assert "2 check-ins, which this journal does not keep" in response.content.decode()
    assert Entry.objects.filter(user=bob).count() == 3


def test_a_section_that_is_not_a_list_is_refused(alice_backup, bob):
    document = {**alice_backup, "checkins": {"instrument": "phq9"}}

    assert "“checkins” must be a list" in _errors(_upload(_bob_client(bob), document))


def test_an_old_entry_imports_with_its_own_time(alice_backup, bob):
    document = _entry_with(alice_backup, 1, occurred_at="1999-12-31T23:59:59.999999-05:00")

    _upload(_bob_client(bob), document)

    assert Entry.objects.filter(
        user=bob, occurred_at=dt.datetime(2000, 1, 1, 4, 59, 59, 999999, tzinfo=dt.UTC)
    ).exists()


def test_the_downloaded_file_imports_as_it_is(alice, alice_client, alice_backup, bob):
    reauthenticate(alice_client)
    raw = alice_client.get(reverse("entries:backup_json")).content

    response = _upload(_bob_client(bob), raw)

    report = response.context["report"]
    assert report.entries.added == 3
    assert report.account_record_left_out
    assert "account record" in response.content.decode()
    mine, theirs = backup_for_user(alice), backup_for_user(bob)
    # The journal moved; each account keeps its own record (name, sign-ins, log).
    for document in (mine, theirs):
        document.pop("exported_at"), document.pop("account")
    assert json.dumps(mine) == json.dumps(theirs)


def test_the_size_limit_drops_a_file_as_soon_as_it_passes_the_limit():
    limit = UploadSizeLimit(max_bytes=10)
    limit.new_file("backup", "backup.json", "application/json", None)

    assert limit.receive_data_chunk(b"x" * 10, 0) == b"x" * 10
    with pytest.raises(SkipFile):
        limit.receive_data_chunk(b"x", 10)
    assert limit.exceeded is True


def test_names_that_casefold_alike_are_refused_as_a_whole(alice_backup, bob):
    # Greek "SAS" in capitals and in small letters: lower() ends the capitals with a
    # final sigma, casefold() does not, and names are compared casefolded (like the
    # blind index that keeps them unique in the database).
    document = copy.deepcopy(alice_backup)
    document["partners"] += [
        {"nickname": "\u03a3\u0391\u03a3", "active": True},
        {"nickname": "\u03c3\u03b1\u03c3", "active": True},
    ]

    response = _upload(_bob_client(bob), document)

    assert "is in the list twice" in _errors(response)
    assert not Entry.objects.filter(user=bob).exists()
    assert not Partner.objects.filter(user=bob).exists()


def test_a_version_1_file_without_the_account_record_still_imports(alice_backup, bob):
    document = {key: value for key, value in alice_backup.items() if key != "account"}
    document["version"] = 1

    response = _upload(_bob_client(bob), document)

    report = response.context["report"]
    assert report.entries.added == 3
    assert not report.account_record_left_out
    assert "account record" not in response.content.decode()


def test_an_account_record_that_is_not_an_object_is_refused(alice_backup, bob):
    document = {**alice_backup, "account": ["not", "an", "object"]}

    response = _upload(_bob_client(bob), document)

    assert "“account” must be an object." in _errors(response)
    assert Entry.objects.filter(user=bob).count() == 0
