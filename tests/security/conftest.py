import logging

import pytest
from django.db import connection

from tests.factories import entry_with_partner_and_tag
from tests.security.url_walk import Owned


@pytest.fixture
def owned(alice) -> Owned:
    """Alice's entry, partner and factor, named with the walk's canaries."""
    entry, partner, tag = entry_with_partner_and_tag(
        alice, nickname="Canarypartner", tag_name="canary factor", notes="canary-note-5d1f"
    )
    return Owned(entry=entry, partner=partner, tag=tag)


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
