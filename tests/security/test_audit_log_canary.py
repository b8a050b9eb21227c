"""No journal content and no password reaches a log record, at any level, or the
security log. A canary note travels through every page the owner can open."""

import logging

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from audit.models import SecurityEvent
from entries.models import Entry
from tests.security import test_url_walk as walk
from tests.security.test_url_walk import APP_URLS, _url
from tests.security_helpers import forget_rate_limits, log_in

pytestmark = pytest.mark.django_db
owned = walk.owned  # the walk's fixture: Alice's entry, partner and tag

NOTE_CANARY = "canary-9b7e-my-private-note"
PASSWORD_CANARY = "canary-pw-4411-long-passphrase"


@pytest.fixture
def every_log_record(monkeypatch):
    """Every record any logger handles, with every logger opened up to DEBUG and SQL
    statements (with their parameters) logged as well."""
    records: list[logging.LogRecord] = []
    original_handle = logging.Logger.handle

    def handle(self, record):
        records.append(record)
        return original_handle(self, record)

    monkeypatch.setattr(logging.Logger, "handle", handle)
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.root.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    saved = [(logger, logger.level, logger.disabled) for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        logger.disabled = False
    saved_disable = logging.root.manager.disable
    logging.disable(logging.NOTSET)
    connection.force_debug_cursor = True
    yield records
    connection.force_debug_cursor = False
    logging.disable(saved_disable)
    for logger, level, disabled in saved:
        logger.setLevel(level)
        logger.disabled = disabled


def _record_text(record: logging.LogRecord) -> str:
    parts = [record.getMessage(), logging.Formatter().format(record)]
    parts += [repr(value) for value in vars(record).values()]
    return "\n".join(parts)


def _walk_can_fill(name: str) -> bool:
    return name in walk.OWNED_URL_KWARGS or name in getattr(walk, "SHARED_URL_KWARGS", {})


def _entry_data(entry_post_data, **changes) -> dict:
    return {**entry_post_data, **changes}


def test_no_note_or_password_appears_in_any_log_record(
    every_log_record, alice, owned, entry_post_data
):
    forget_rate_limits()
    alice.set_password(PASSWORD_CANARY)
    alice.save()
    client = Client()
    log_in(client, "alice", PASSWORD_CANARY + "-wrong")
    log_in(client, "alice", PASSWORD_CANARY)

    client.post(reverse("entries:create"), _entry_data(entry_post_data, notes=NOTE_CANARY))
    client.post(
        reverse("entries:create"),
        _entry_data(entry_post_data, notes=NOTE_CANARY, sadness="9"),
    )
    entry = next(e for e in Entry.objects.filter(user=alice) if e.notes == NOTE_CANARY)
    client.post(
        reverse("entries:update", args=[entry.pk]),
        _entry_data(entry_post_data, notes=NOTE_CANARY + " edited"),
    )
    opened = []
    for name, params in APP_URLS:
        if params and not _walk_can_fill(name):
            continue
        response = client.get(_url(name, params, owned))
        opened.append((name, response.status_code))
    client.get(reverse("entries:detail", args=[entry.pk]))
    client.get("/entries/00000000-0000-0000-0000-000000000000/")
    client.post(reverse("account_logout"))

    assert {"entries:list", "entries:detail", "insights:dashboard"} <= {n for n, _ in opened}
    assert Entry.objects.filter(user=alice).count() == 2
    assert len(every_log_record) > 50, "the capture should see SQL and request logging"
    for record in every_log_record:
        text = _record_text(record)
        for secret in (NOTE_CANARY, "canary-note-5d1f", PASSWORD_CANARY):
            assert secret not in text, f"{record.name}: {record.getMessage()[:200]}"


def test_no_note_or_password_appears_in_the_security_log(alice, alice_entry, password):
    forget_rate_limits()
    client = Client()
    log_in(client, "alice", password + "-wrong")
    log_in(client, "alice", password)
    client.get(reverse("entries:detail", args=[alice_entry.pk]))
    client.post(reverse("account_logout"))

    stored = repr(list(SecurityEvent.objects.values()))

    assert SecurityEvent.objects.count() >= 3
    assert "a private note" not in stored
    assert password not in stored
