import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from entries.services import partner_create, tag_create
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

LOG_FORM = reverse("entries:create")


def _when(page: str) -> dt.datetime:
    (value,) = re.findall(r'name="occurred_at" value="([^"]*)"', page)
    return dt.datetime.strptime(value, "%Y-%m-%dT%H:%M")


def test_a_partner_and_factor_added_since_show_at_once(alice, alice_client):
    alice_client.get(LOG_FORM)

    partner_create(user=alice, nickname="Robin")
    tag_create(user=alice, name="very tired")
    page = alice_client.get(LOG_FORM).content.decode()

    assert ">Robin</option>" in page
    assert ">very tired</label>" in page


def test_when_starts_at_the_time_of_each_visit(alice_client, monkeypatch):
    first = _when(alice_client.get(LOG_FORM).content.decode())

    later = timezone.now() + dt.timedelta(minutes=90)
    monkeypatch.setattr(timezone, "now", lambda: later)
    second = _when(alice_client.get(LOG_FORM).content.decode())

    assert second - first >= dt.timedelta(minutes=89)
    assert second == timezone.localtime(later).replace(tzinfo=None, second=0, microsecond=0)


def test_it_shows_nobody_elses_partners(alice_client, alice_partner, charlie_client):
    assert ">Sam</option>" in alice_client.get(LOG_FORM).content.decode()

    page = charlie_client.get(LOG_FORM).content.decode()

    assert "Sam" not in page


def test_a_partner_named_like_the_time_placeholder_keeps_the_name(alice, alice_client):
    PartnerFactory(user=alice, nickname="log-form-now")

    alice_client.get(LOG_FORM)
    page = alice_client.get(LOG_FORM).content.decode()

    assert ">log-form-now</option>" in page
    assert _when(page)


def test_a_form_sent_back_shows_what_was_sent(alice_client, entry_post_data):
    alice_client.get(LOG_FORM)
    entry_post_data.update(occurred_at="not a time", notes="kept while fixing")

    response = alice_client.post(LOG_FORM, entry_post_data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "kept while fixing" in page
    assert 'name="occurred_at" value="not a time"' in page


def test_after_a_write_the_worker_has_the_next_form_ready(
    alice, alice_client, alice_partner, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    alice_client.get(reverse("accounts:settings"))  # the session's first request
    with django_capture_on_commit_callbacks(execute=True):
        tag_create(user=alice, name="very tired")

    with CaptureQueriesContext(connection) as queries:
        page = alice_client.get(LOG_FORM).content.decode()

    # Drawn by the worker: the page reads neither the partners nor the factors.
    assert ">very tired</label>" in page
    assert ">Sam</option>" in page
    assert not [q for q in queries if "entries_partner" in q["sql"] or "entries_tag" in q["sql"]]
