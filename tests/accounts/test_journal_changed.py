"""Every write to a journal says whose journal changed (accounts.services.journal_changed),
and the insights ask for a refresh only once the write has committed."""

from unittest import mock

import pytest
from django.db import transaction

from accounts.services import data_version_bump, journal_changed, journal_write

pytestmark = pytest.mark.django_db


def test_a_write_says_whose_journal_changed(alice):
    heard = mock.Mock()
    journal_changed.connect(heard)
    try:
        with journal_write(user_id=alice.pk):
            pass
    finally:
        journal_changed.disconnect(heard)

    heard.assert_called_once()
    assert heard.call_args.kwargs["user_id"] == alice.pk


def test_a_committed_write_enqueues_one_refresh(alice, django_capture_on_commit_callbacks):
    with (
        mock.patch("insights.tasks.refresh_insights") as task,
        django_capture_on_commit_callbacks(execute=True),
    ):
        data_version_bump(user_id=alice.pk)

    task.enqueue.assert_called_once_with(user_id=alice.pk, language="en")


def test_a_write_rolled_back_after_its_bump_enqueues_nothing(
    alice, django_capture_on_commit_callbacks
):
    with (
        mock.patch("insights.tasks.refresh_insights") as task,
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValueError),
        transaction.atomic(),
    ):
        with journal_write(user_id=alice.pk):
            pass  # bumped the version, inside the transaction around it
        raise ValueError("the rest of the import failed")

    task.enqueue.assert_not_called()
    alice.preferences.refresh_from_db()
    assert alice.preferences.data_version == 0
