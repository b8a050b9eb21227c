"""Helpers for the import tests: upload a file, then confirm or cancel its preview."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from entries.models import Entry, Partner, Tag

IMPORT_URL = reverse("entries:import")
CONFIRM_URL = reverse("entries:import_confirm")
CANCEL_URL = reverse("entries:import_cancel")


def preview(client: Client, raw: bytes, name: str = "journal.csv", **data):
    """Uploads `raw`; the response is the preview, or the form with its errors."""
    upload = SimpleUploadedFile(name, raw, content_type="text/csv")
    return client.post(IMPORT_URL, {"backup": upload, **data})


def import_file(client: Client, raw: bytes, name: str = "journal.csv"):
    """Uploads `raw` and confirms its preview; returns the report page."""
    response = preview(client, raw, name)
    assert response.status_code == 200
    assert "token" in response.context, form_errors(response)
    return client.post(CONFIRM_URL, {"token": response.context["token"]})


def form_errors(response) -> str:
    form = response.context.get("form")
    return " ".join(form.errors.get("backup", [])) if form else ""


def csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def csv_dicts(raw: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def dicts_as_csv(rows: list[dict]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def row_counts() -> tuple[int, int, int, int]:
    through = Entry.tags.through.objects.count()
    return (Entry.objects.count(), Partner.objects.count(), Tag.objects.count(), through)
