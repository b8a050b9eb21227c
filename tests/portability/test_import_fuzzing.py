"""Hypothesis throws broken and hostile backup files and spreadsheets at the import page:
never a server error, and a file that is refused changes nothing at all (SECURITY.md,
"Attack tests"). A file whose preview comes back is confirmed too."""

import copy
import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import Preferences
from entries.models import Entry, Partner, Tag
from entries.portability.backup import backup_for_user
from entries.portability.csv_export import entries_csv_lines
from tests.factories import EntryFactory, PartnerFactory, TagFactory, UserFactory

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
URL = reverse("entries:import")
CONFIRM_URL = reverse("entries:import_confirm")

JSON_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
    st.sampled_from(["", "=cmd|' /C calc'!A0", "9999-12-31T23:59:59+00:00", "\x00", "x" * 6000]),
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)


def _paths(node, prefix=()):
    """Every place in a JSON document that holds a value."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*prefix, index)
            yield from _paths(value, (*prefix, index))


def _replace(document, path, value):
    changed = copy.deepcopy(document)
    node = changed
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return changed


@pytest.fixture
def source_document(db):
    owner = UserFactory(username="source")
    partner = PartnerFactory(user=owner, nickname="Sam")
    tag = TagFactory(user=owner, name="tired")
    entry = EntryFactory(user=owner, partner=partner, sadness=3, cried=True, notes="hi")
    entry.tags.add(tag)
    EntryFactory(user=owner, activity="solo", pain=6, coping=["journaling"], coping_helped=2)
    return backup_for_user(owner)


def _rows() -> tuple:
    preferences = tuple(Preferences.objects.values_list("time_zone", "episode_threshold"))
    return (
        Entry.objects.count(),
        Partner.objects.count(),
        Tag.objects.count(),
        Entry.tags.through.objects.count(),
        preferences,
    )


def _post(client: Client, raw: bytes):
    upload = SimpleUploadedFile("backup.json", raw, content_type="application/json")
    return client.post(URL, {"backup": upload, "restore_preferences": "on"})


def _check(client: Client, raw: bytes) -> None:
    before = _rows()
    response = _post(client, raw)
    assert response.status_code < 500
    if response.status_code == 200 and response.context.get("token"):
        assert _rows() == before, "a preview changed something"
        response = client.post(CONFIRM_URL, {"token": response.context["token"]})
        assert response.status_code < 500
    imported = response.status_code == 200 and response.context.get("report") is not None
    if not imported:
        assert _rows() == before, "a refused file changed something"


@FUZZ
@given(data=st.data())
def test_a_mutated_backup_imports_whole_or_changes_nothing(alice, source_document, data):
    path = data.draw(st.sampled_from(list(_paths(source_document))), label="path")
    value = data.draw(JSON_VALUES, label="value")
    raw = json.dumps(_replace(source_document, path, value)).encode()
    client = Client()
    client.force_login(alice)

    _check(client, raw)


@FUZZ
@given(raw=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)))
def test_arbitrary_bytes_are_refused_without_a_server_error(alice, raw):
    client = Client()
    client.force_login(alice)

    _check(client, raw)


@pytest.fixture
def source_csv(source_document) -> list[list[str]]:
    owner = UserFactory._meta.model.objects.get(username="source")
    text = "".join(entries_csv_lines(owner)).removeprefix("\ufeff")
    return list(csv.reader(io.StringIO(text, newline="")))


@FUZZ
@given(data=st.data())
def test_a_mutated_spreadsheet_imports_whole_or_changes_nothing(alice, source_csv, data):
    rows = copy.deepcopy(source_csv)
    row = data.draw(st.integers(0, len(rows) - 1), label="row")
    column = data.draw(st.integers(0, len(rows[0]) - 1), label="column")
    rows[row][column] = data.draw(
        st.one_of(st.text(max_size=60), JSON_LEAVES.map(json.dumps)), label="cell"
    )
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    client = Client()
    client.force_login(alice)

    _check(client, buffer.getvalue().encode("utf-8", errors="surrogatepass"))
