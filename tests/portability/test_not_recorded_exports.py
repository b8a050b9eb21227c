"""Not recorded survives leaving the journal: an empty cell in the CSV, null in the
backup, and null again after importing that backup into another account."""

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from entries.models import CONTEXT_FIELDS, RECORDABLE_FACTORS, Entry
from entries.portability.backup import backup_json_bytes
from tests.factories import EntryFactory
from tests.security_helpers import reauthenticate

pytestmark = pytest.mark.django_db

ANSWERED = {
    "stress": 0,
    "low_mood": 1,
    "performance_anxiety": 2,
    "felt_vulnerable": 3,
    "relationship_tension": 4,
    "pain": 0,
    "memories_surfaced": False,
    "alcohol_or_drugs": True,
}


@pytest.fixture
def alice_client(alice_client):
    reauthenticate(alice_client)
    return alice_client


@pytest.fixture
def two_entries(alice):
    # The second a day later, so the files list them in this order.
    answered = EntryFactory(user=alice, **ANSWERED)
    unrecorded = EntryFactory(
        user=alice,
        occurred_at=answered.occurred_at.replace(year=answered.occurred_at.year - 1),
        **dict.fromkeys(RECORDABLE_FACTORS),
    )
    return unrecorded, answered


def test_the_csv_leaves_a_not_recorded_cell_empty(alice_client, two_entries):
    text = alice_client.get(reverse("entries:export_csv")).content.decode("utf-8-sig")

    unrecorded, answered = list(csv.DictReader(io.StringIO(text)))
    # A scale's code column holds the number; its words column says "None" for a 0.
    columns = [name + "_code" if name in CONTEXT_FIELDS else name for name in RECORDABLE_FACTORS]
    assert {name: unrecorded[name] for name in columns} == dict.fromkeys(columns, "")
    assert {name: answered[name] for name in columns} == {
        **{
            name + "_code" if name in CONTEXT_FIELDS else name: str(value)
            for name, value in ANSWERED.items()
            if type(value) is int
        },
        "memories_surfaced": "no",
        "alcohol_or_drugs": "yes",
    }


def test_the_backup_writes_null_for_not_recorded(alice_client, two_entries):
    document = json.loads(alice_client.get(reverse("entries:backup_json")).content)

    unrecorded, answered = document["entries"]
    assert {name: unrecorded[name] for name in RECORDABLE_FACTORS} == dict.fromkeys(
        RECORDABLE_FACTORS
    )
    assert {name: answered[name] for name in RECORDABLE_FACTORS} == ANSWERED
    assert document["version"] == 3


def test_null_round_trips_through_an_import_into_another_account(alice_client, two_entries, bob):
    document = json.loads(alice_client.get(reverse("entries:backup_json")).content)
    bob_client = Client()
    bob_client.force_login(bob)

    upload = SimpleUploadedFile("backup.json", backup_json_bytes(document))
    token = bob_client.post(reverse("entries:import"), {"backup": upload}).context["token"]
    response = bob_client.post(reverse("entries:import_confirm"), {"token": token})

    assert response.status_code == 200
    unrecorded, answered = Entry.objects.filter(user=bob).order_by("occurred_at")
    assert {name: getattr(unrecorded, name) for name in RECORDABLE_FACTORS} == dict.fromkeys(
        RECORDABLE_FACTORS
    )
    assert {name: getattr(answered, name) for name in RECORDABLE_FACTORS} == ANSWERED


def test_a_version_2_file_with_zeros_keeps_its_zeros(alice_client, two_entries, bob):
    document = json.loads(alice_client.get(reverse("entries:backup_json")).content)
    document["version"] = 2
    document["entries"] = [document["entries"][1]]
    bob_client = Client()
    bob_client.force_login(bob)

    upload = SimpleUploadedFile("backup.json", backup_json_bytes(document))
    token = bob_client.post(reverse("entries:import"), {"backup": upload}).context["token"]
    bob_client.post(reverse("entries:import_confirm"), {"token": token})

    entry = Entry.objects.get(user=bob)
    assert (entry.stress, entry.pain, entry.memories_surfaced) == (0, 0, False)
