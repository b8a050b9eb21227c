"""After a write, the insights are worked out again by the task worker (insights.tasks);
until it is done, the pages show the version before it, and say so
(insights.journal.read_for_page)."""

import contextlib
import datetime as dt
import io
import signal
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from entries.demo import generate_entries
from entries.services import entry_create
from insights import journal
from insights.tasks import refresh_insights

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("insights:dashboard")
OVERVIEW = reverse("insights:overview")
REPORT = reverse("insights:report_json")
NOTICE = "Your latest change is still being added to these insights."
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
NEVER_RUN = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _chart(name: str, version: int | None = None) -> str:
    url = f"{reverse('insights:chart', args=[name])}?range=90d"
    return url if version is None else f"{url}&v={version}"


def _write(user, capture=None, count: int = 1, *, seed: int = 1) -> None:
    """`count` entries through the app's service, each committed (with `capture`, the
    test's commit callbacks: each enqueues a refresh, as a write in production does)."""
    now = timezone.now()
    for number, item in enumerate(generate_entries(count, seed=seed, end=now, days=30)):
        with capture(execute=True) if capture else contextlib.nullcontext():
            entry_create(user=user, occurred_at=now - dt.timedelta(hours=number), **item.fields)


def _version(user) -> int:
    user.preferences.refresh_from_db()
    return user.preferences.data_version


def _entries_in_report(client) -> tuple[int, bool, int]:
    data = client.get(REPORT).json()
    return data["entries"], data["up_to_date"], data["data_version"]


@pytest.fixture
def refreshed(alice, settings, django_capture_on_commit_callbacks):
    """Alice with 12 entries whose refresh has run, then one more entry whose refresh
    was enqueued but has not run yet (a queue without a worker)."""
    settings.TASKS = IMMEDIATE
    _write(alice, django_capture_on_commit_callbacks, 12)
    finished = _version(alice)
    settings.TASKS = NEVER_RUN
    _write(alice, django_capture_on_commit_callbacks, seed=2)
    return finished


def test_after_the_refresh_the_pages_read_nothing_of_the_journal(
    alice, alice_client, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    _write(alice, django_capture_on_commit_callbacks, 12)
    # Where saving an entry leads; it also purges expired deletions, which the home page
    # then does not do again for a minute.
    alice_client.get(reverse("entries:list"))

    for url in (DASHBOARD, OVERVIEW, REPORT, _chart("trend"), _chart("checkins")):
        with CaptureQueriesContext(connection) as first:
            response = alice_client.get(url)
        with CaptureQueriesContext(connection) as again:
            alice_client.get(url)
        assert response.status_code == 200
        # The first visit after the write costs what a revisit costs: the worker had
        # already put every part the page shows into the cache.
        assert len(first) == len(again), url
        assert NOTICE not in response.content.decode()


def test_the_refresh_is_in_the_language_the_person_reads(
    alice, alice_client, settings, django_capture_on_commit_callbacks
):
    alice.preferences.language = "de"
    alice.preferences.save(update_fields=["language"])
    settings.TASKS = IMMEDIATE
    _write(alice, django_capture_on_commit_callbacks, 12)  # written from an English page
    alice_client.get(reverse("accounts:settings"))

    with CaptureQueriesContext(connection) as first:
        response = alice_client.get(OVERVIEW)
    with CaptureQueriesContext(connection) as again:
        alice_client.get(OVERVIEW)

    assert response["Content-Language"] == "de"
    assert len(first) == len(again)


def test_without_a_refresh_the_first_visit_works_the_journal_out(alice, alice_client):
    _write(alice, count=12)  # the commit callbacks never run: no refresh is enqueued
    alice_client.get(reverse("accounts:settings"))
    with CaptureQueriesContext(connection) as first:
        alice_client.get(OVERVIEW)
    with CaptureQueriesContext(connection) as again:
        alice_client.get(OVERVIEW)

    assert len(first) > len(again)


def test_while_refreshing_the_pages_show_the_previous_figures_and_say_so(
    alice, alice_client, refreshed
):
    response = alice_client.get(DASHBOARD)
    dashboard = response.content.decode()
    overview = alice_client.get(OVERVIEW).content.decode()

    assert f'role="status">{NOTICE}' in dashboard
    assert NOTICE in overview
    assert "12 entries, " in dashboard  # the trend chart's summary, before the 13th
    # What shows the entries themselves is live: the month cards count the 13th.
    assert response.context["counts"].total_entries == 13
    assert _entries_in_report(alice_client) == (12, False, refreshed)


def test_the_images_of_a_page_are_of_the_pages_version(alice, alice_client, refreshed):
    dashboard = alice_client.get(DASHBOARD).content.decode()

    assert f"?range=90d&amp;v={refreshed}" in dashboard
    stale = alice_client.get(_chart("trend", refreshed))
    assert stale.status_code == 200
    assert "no-store" in stale["Cache-Control"]
    assert alice_client.get(_chart("trend")).content == stale.content
    current = alice_client.get(_chart("trend", _version(alice)))
    assert current.content != stale.content


def test_the_summary_and_its_pdf_are_always_current(alice, alice_client, refreshed):
    # The export page's preview follows the pages' rule: tests/summary/test_export_preview.py
    summary = alice_client.get(reverse("insights:summary"), {"range": "90d"})

    pdf = alice_client.get(reverse("insights:summary_pdf"), {"range": "90d"})

    assert summary.status_code == pdf.status_code == 200
    assert "13 entries" in summary.content.decode()
    assert NOTICE not in summary.content.decode()
    pdf_text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "13 entries" in " ".join(pdf_text.split())


def test_a_refresh_that_does_not_come_is_waited_for_30_seconds_at_most(
    alice, alice_client, refreshed
):
    later = journal.time.time() + journal.REFRESH_PATIENCE_SECONDS + 1
    with mock.patch.object(journal.time, "time", return_value=later):
        dashboard = alice_client.get(DASHBOARD).content.decode()
        report = _entries_in_report(alice_client)

    assert NOTICE not in dashboard
    assert "13 entries, " in dashboard
    assert report == (13, True, _version(alice))


def test_once_the_refresh_has_run_the_pages_are_current(alice, alice_client, refreshed, settings):
    settings.TASKS = IMMEDIATE
    refresh_insights.enqueue(user_id=alice.pk, language="en")

    assert NOTICE not in alice_client.get(DASHBOARD).content.decode()
    assert _entries_in_report(alice_client) == (13, True, _version(alice))


def test_an_earlier_version_gone_from_the_cache_is_worked_out_anew(alice, alice_client, refreshed):
    from django.core.cache import caches

    caches["derived"].clear()  # evicted; only the current version can be rebuilt
    journal.refresh_requested(alice)

    assert NOTICE not in alice_client.get(DASHBOARD).content.decode()
    assert _entries_in_report(alice_client)[:2] == (13, True)


def test_it_checks_ownership(alice, bob, alice_client, refreshed, settings):
    """Bob's pending refresh never shows Alice's finished one, even for the same period,
    day and version number."""
    from django.test import Client

    settings.TASKS = NEVER_RUN
    entry = generate_entries(1, seed=9, end=timezone.now(), days=1)[0]
    entry_create(user=bob, occurred_at=timezone.now(), **entry.fields)
    journal.refresh_requested(bob)
    bob_client = Client()
    bob_client.force_login(bob)

    assert _entries_in_report(bob_client)[:2] == (1, True)
    assert NOTICE not in bob_client.get(DASHBOARD).content.decode()
    # Asking for Alice's version number draws Bob's own chart, not hers.
    own = bob_client.get(_chart("trend"))
    assert bob_client.get(_chart("trend", refreshed)).content == own.content
    assert own.content != alice_client.get(_chart("trend", refreshed)).content


def test_the_worker_command_runs_a_queued_refresh(
    alice, alice_client, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    _write(alice, django_capture_on_commit_callbacks, 12)
    settings.TASKS = DATABASE
    _write(alice, django_capture_on_commit_callbacks, seed=2)
    assert NOTICE in alice_client.get(DASHBOARD).content.decode()
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        # The worker closes connections between tasks, which would close the test's
        # transaction on PostgreSQL (Django's test client keeps them open the same way).
        with mock.patch(f"{db_worker.__name__}.close_old_connections"):
            call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)
    finally:
        for sig, handler in handlers.items():  # the worker installs its own
            signal.signal(sig, handler)

    # It ran, and left no row naming Alice and when she wrote.
    assert not DBTaskResult.objects.exists()
    assert NOTICE not in alice_client.get(DASHBOARD).content.decode()
    assert _entries_in_report(alice_client) == (13, True, _version(alice))


def test_a_failed_enqueue_never_fails_the_write(
    alice, alice_client, entry_post_data, django_capture_on_commit_callbacks
):
    with mock.patch("insights.tasks.refresh_insights") as task:
        task.enqueue.side_effect = RuntimeError("the queue is down")
        with django_capture_on_commit_callbacks(execute=True):
            response = alice_client.post(reverse("entries:create"), entry_post_data)

    assert response.status_code == 302
    assert _entries_in_report(alice_client)[:2] == (1, True)


@pytest.mark.parametrize("version", ["abc", "²", "-1", "9" * 30, ""])
def test_a_version_that_is_not_one_follows_the_rule_of_a_page(alice_client, refreshed, version):
    response = alice_client.get(f"{_chart('trend')}&v={version}")

    assert response.status_code == 200
    assert response.content == alice_client.get(_chart("trend", refreshed)).content
