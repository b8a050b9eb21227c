"""Right after a write, the export page's preview may be the one the worker finished
before it, and says so (insights.summary.preview); what is handed on never is."""

import datetime as dt
import io
import zoneinfo
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from accounts.models import Preferences
from accounts.services import preferences_update
from checkins.services import checkin_create
from entries.demo import generate_entries
from entries.services import entry_create
from insights import journal
from insights.summary.length import summary_length
from sharing.services import share_link_create

pytestmark = pytest.mark.django_db

EXPORT = reverse("insights:export")
NOTICE = "This preview may not include your latest change yet"
NEVER_RUN = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
NEW_NOTE = "Written just before opening the export page"
CHECKINS_LEFT_OUT = {"options": "1", "range": "90d", "notes": "none", "charts": "on"}


def _write(user, capture, count: int = 1, *, seed: int = 1, notes: str | None = None) -> None:
    """`count` entries, each committed with its refresh enqueued as in production."""
    now = timezone.now()
    for number, item in enumerate(generate_entries(count, seed=seed, end=now, days=30)):
        fields = item.fields if notes is None else item.fields | {"notes": notes}
        with capture(execute=True):
            entry_create(user=user, occurred_at=now - dt.timedelta(hours=number), **fields)


def _version(user) -> int:
    user.preferences.refresh_from_db()
    return user.preferences.data_version


def _pending(user, capture, settings, write) -> None:
    """`write()` committed with a refresh asked for that never runs (no worker)."""
    settings.TASKS = NEVER_RUN
    with capture(execute=True):
        write()
    assert journal.refresh_pending(user, version=_version(user))


@pytest.fixture
def refreshing(alice, settings, django_capture_on_commit_callbacks):
    """Alice with 12 entries whose refresh ran (the usual preview included), then a
    13th with a note whose refresh has not run yet."""
    _write(alice, django_capture_on_commit_callbacks, 12)
    settings.TASKS = NEVER_RUN
    _write(alice, django_capture_on_commit_callbacks, seed=2, notes=NEW_NOTE)


def _entries_in_preview(response) -> int:
    return response.context["summary"].numbers.entries


def test_while_refreshing_the_preview_is_the_finished_one_and_says_so(alice_client, refreshing):
    response = alice_client.get(EXPORT)

    body = response.content.decode()
    assert response.status_code == 200
    assert f'role="status">{NOTICE}' in body
    assert _entries_in_preview(response) == 12
    # The length estimate is the preview's, as shown.
    assert response.context["length"] == summary_length(response.context["summary"])
    # The note picker is current: the new entry's note can be picked already.
    assert NEW_NOTE in body


def test_after_30_seconds_without_the_worker_the_preview_is_current(alice_client, refreshing):
    later = journal.time.time() + journal.REFRESH_PATIENCE_SECONDS + 1
    with mock.patch.object(journal.time, "time", return_value=later):
        response = alice_client.get(EXPORT)

    assert response.status_code == 200
    assert NOTICE not in response.content.decode()
    assert _entries_in_preview(response) == 13


def test_options_never_previewed_before_the_write_are_current(alice_client, refreshing):
    response = alice_client.get(EXPORT, CHECKINS_LEFT_OUT)

    assert response.status_code == 200
    assert NOTICE not in response.content.decode()
    assert _entries_in_preview(response) == 13


def test_an_earlier_preview_of_the_same_options_is_shown_with_current_counts(
    alice, alice_client, settings, django_capture_on_commit_callbacks
):
    _write(alice, django_capture_on_commit_callbacks, 12)
    assert _entries_in_preview(alice_client.get(EXPORT, CHECKINS_LEFT_OUT)) == 12

    _pending(
        alice,
        django_capture_on_commit_callbacks,
        settings,
        lambda: checkin_create(user=alice, instrument="phq9", answers=[1] * 8 + [2]),
    )
    response = alice_client.get(EXPORT, CHECKINS_LEFT_OUT)

    assert response.status_code == 200
    assert NOTICE in response.content.decode()
    # The warning about the left-out safety answer counts the check-in just taken.
    assert response.context["left_out_safety_answers"] == 1


def test_the_preview_is_current_once_the_refresh_has_run(alice, alice_client, refreshing, settings):
    from insights.tasks import refresh_insights

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    refresh_insights.enqueue(user_id=alice.pk, language="en")
    response = alice_client.get(EXPORT)

    assert NOTICE not in response.content.decode()
    assert _entries_in_preview(response) == 13


def test_turning_discreet_mode_on_is_never_shown_late(
    alice, alice_client, settings, django_capture_on_commit_callbacks
):
    _write(alice, django_capture_on_commit_callbacks, 12)
    assert alice_client.get(EXPORT).context["summary"].who == alice.username
    preferences = Preferences.objects.get(user=alice)
    preferences.discreet_mode = True

    _pending(
        alice,
        django_capture_on_commit_callbacks,
        settings,
        lambda: preferences_update(preferences=preferences),
    )
    response = alice_client.get(EXPORT)

    # The preview from before names the account; it is not the one shown.
    assert response.context["summary"].who is None
    assert NOTICE not in response.content.decode()


def test_the_print_page_the_pdf_and_share_links_are_always_current(alice, alice_client, refreshing):
    assert NOTICE in alice_client.get(EXPORT).content.decode()  # the preview is not
    options = alice_client.get(EXPORT).context["options"]
    _link, token = share_link_create(user=alice, options=options, days=7)

    printed = alice_client.get(reverse("insights:summary"))
    pdf = alice_client.get(reverse("insights:summary_pdf"))
    shared = Client().get(reverse("sharing:view", args=[token]))

    assert printed.status_code == pdf.status_code == shared.status_code == 200
    for response in (printed, shared):
        body = response.content.decode()
        assert "13 entries" in body
        assert NOTICE not in body
    pdf_text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "13 entries" in " ".join(pdf_text.split())


def test_it_checks_ownership(alice, bob, alice_client, refreshing):
    """Bob, waiting for a refresh with a finished version of the very number Alice's
    preview is kept under, is never shown hers."""
    dates = alice_client.get(EXPORT).context["options"].dates
    today = timezone.localdate(timezone=zoneinfo.ZoneInfo(alice.preferences.time_zone))
    finished = journal.JournalReader(alice, dates, today=today).finished_version()
    assert finished is not None
    entry = generate_entries(1, seed=9, end=timezone.now(), days=1)[0]
    entry_create(user=bob, occurred_at=timezone.now(), **entry.fields)
    Preferences.objects.filter(user=bob).update(data_version=finished + 1)
    bob.refresh_from_db()
    journal.JournalReader(bob, dates, today=today, data_version=finished).mark_finished()
    journal.refresh_requested(bob)
    bob_client = Client()
    bob_client.force_login(bob)

    response = bob_client.get(EXPORT)

    assert response.status_code == 200
    assert NOTICE not in response.content.decode()
    assert _entries_in_preview(response) == 1
