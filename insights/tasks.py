"""A person's insights, worked out again by a worker right after they write.

Every write to a journal bumps its data version (accounts.services.journal_changed).
Once the write has committed, `refresh_after_write` notes that a refresh is under way and
enqueues `refresh_insights` on the task queue (django-tasks; the database backend, whose
`manage.py db_worker` runs it in a process of its own). The task draws the log form for
the next entry (entries.log_form_sections), then works out everything the dashboard, the
insights page, report.json and every chart show for the person's default period, in the
language and time zone they see it in, and then marks that version finished; then the
export page's preview with its usual options. Until each part is done the pages show
the version before, said to be updating (insights.journal.read_for_page; the preview:
insights.summary.preview). Without a worker nothing is lost: after
REFRESH_PATIENCE_SECONDS the pages work the new version out in the request, as they
always did.
"""

import zoneinfo

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.dispatch import receiver
from django.http import QueryDict
from django.utils import timezone, translation
from django_tasks import TaskResult, TaskResultStatus, task
from django_tasks.signals import task_finished

from accounts.services import journal_changed
from entries.log_form_sections import new_entry_sections_prepare
from insights import chart_sections
from insights.chart_data import CHART_NAMES, chart_summary
from insights.dashboard_data import month_counts, recent_entries
from insights.journal import JournalReader, refresh_requested
from insights.page_context import dashboard_context, overview_context
from insights.ranges import SelectedRange, selected_range
from insights.summary.content import screen_summary
from insights.summary.options import summary_options


def _owner(user_id: int) -> User | None:
    # The account may have been deleted between the write and the refresh.
    return User.objects.select_related("preferences").filter(pk=user_id).first()


@receiver(journal_changed)
def refresh_after_write(sender: object, *, user_id: int, **kwargs: object) -> None:
    # In the language the person wrote in: the cached pages hold words in it. Enqueued
    # only after the commit, so the worker reads what was written; a failure to enqueue
    # is logged and never undoes or fails the write (the pages then work it out).
    language = translation.get_language() or settings.LANGUAGE_CODE
    transaction.on_commit(
        lambda: insights_refresh_enqueue(user_id=user_id, language=language), robust=True
    )


def insights_refresh_enqueue(*, user_id: int, language: str) -> None:
    user = _owner(user_id)
    if user is None:
        return
    refresh_requested(user)
    refresh_insights.enqueue(user_id=user_id, language=language)


@task()
def refresh_insights(*, user_id: int, language: str) -> None:
    """Works out the person's current insights for their default period, unless a
    refresh has done so already (several writes in a row enqueue several)."""
    user = _owner(user_id)
    if user is None:
        return
    preferences = user.preferences
    try:
        zone = zoneinfo.ZoneInfo(preferences.time_zone)
    except zoneinfo.ZoneInfoNotFoundError:
        zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    with timezone.override(zone), translation.override(preferences.language or language):
        # First the log form for a next entry, the page people open most.
        new_entry_sections_prepare(user)
        today = timezone.localdate()
        # Then the home page's counts and latest entries, which it always shows current.
        threshold = preferences.episode_threshold
        month_counts(user, threshold=threshold, today=today)
        recent_entries(user, threshold=threshold)
        period = selected_range(QueryDict(), today=today, default=preferences.default_period)
        reader = JournalReader(user, period.dates, today=today)
        if reader.finished_version() == reader.data_version:
            return
        insights_work_out(reader, period)
        reader.mark_finished()
        # Then the export page's preview with its usual options, kept under this same
        # version: until the next write's refresh gets here, the page may show it.
        _form, options = summary_options(
            QueryDict(), user=user, today=today, default_range=preferences.default_period
        )
        if options is not None:
            screen_summary(user, options, now=timezone.now())


@receiver(task_finished)
def forget_finished_refresh(sender: object, *, task_result: TaskResult, **kwargs: object) -> None:
    # The database backend keeps a row per task, naming the person and when they wrote:
    # a refresh that worked leaves nothing behind. (A failed one stays for the operator,
    # until `manage.py prune_db_task_results` removes it.)
    row = getattr(task_result, "db_result", None)
    if (
        row is not None
        and task_result.status == TaskResultStatus.SUCCESSFUL
        and task_result.task.module_path == refresh_insights.module_path
    ):
        row.delete()


def insights_work_out(reader: JournalReader, period: SelectedRange) -> None:
    """Everything the insights pages read of `reader`, into the cache: each chart's
    picture first, so that the pages' sections are rendered with its exact size."""
    for name in CHART_NAMES:
        chart_sections.chart_svg(reader, name)
        chart_summary(reader, name)
    dashboard_context(reader, period)
    overview_context(reader, period)
