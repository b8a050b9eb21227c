"""The import's 10 MB limit holds for the whole request, not for each file in it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import SkipFile
from django.test import Client
from django.urls import reverse

from entries.models import Entry
from entries.portability.backup import backup_for_user, backup_json_bytes
from entries.portability.spec import MAX_IMPORT_BYTES
from entries.portability.upload import UploadSizeLimit
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db

URL = reverse("entries:import")
MB = 1024 * 1024


@pytest.fixture
def bob_client(bob) -> Client:
    client = Client()
    client.force_login(bob)
    return client


@pytest.fixture
def alice_backup(alice) -> bytes:
    EntryFactory(user=alice, sadness=2, notes="")
    return backup_json_bytes(backup_for_user(alice))


def _many_files(total_mb: int, each_mb: int) -> dict:
    return {
        f"extra{number}": SimpleUploadedFile(f"part{number}.json", b" " * (each_mb * MB))
        for number in range(total_mb // each_mb)
    }


def test_many_files_under_the_limit_each_are_refused_together(bob_client, alice_backup):
    backup = SimpleUploadedFile("backup.json", alice_backup, content_type="application/json")

    response = bob_client.post(URL, {"backup": backup, **_many_files(total_mb=54, each_mb=9)})

    assert response.status_code == 413
    assert "larger than 10 MB" in response.content.decode()
    assert not Entry.objects.filter(user__username="bob").exists()


def test_a_request_too_large_is_refused_before_its_body_is_read(
    bob_client, alice_backup, monkeypatch
):
    backup = SimpleUploadedFile("backup.json", alice_backup, content_type="application/json")
    parsed = []
    monkeypatch.setattr(
        UploadSizeLimit, "handle_raw_input", lambda *args, **kwargs: parsed.append(True)
    )

    response = bob_client.post(URL, {"backup": backup, **_many_files(total_mb=12, each_mb=6)})

    assert response.status_code == 413
    assert parsed == []
    assert not Entry.objects.filter(user__username="bob").exists()


def test_the_upload_handler_counts_every_file_of_a_request():
    limit = UploadSizeLimit(max_bytes=10 * MB)
    chunk = b" " * MB

    for name in ("first", "second"):
        limit.new_file("backup", name, "application/json", 6 * MB)
        if name == "second":
            with pytest.raises(SkipFile):
                for start in range(6):
                    limit.receive_data_chunk(chunk, start * MB)
        else:
            for start in range(6):
                limit.receive_data_chunk(chunk, start * MB)

    assert limit.exceeded


def test_one_backup_just_under_the_limit_is_still_read(bob_client):
    raw = b" " * (MAX_IMPORT_BYTES - 2) + b"[]"

    response = bob_client.post(
        URL, {"backup": SimpleUploadedFile("backup.json", raw, content_type="application/json")}
    )

    assert response.status_code == 200
    assert "not a PCT Journal backup" in response.content.decode()
