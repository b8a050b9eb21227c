"""Helpers for the security tests: real logins and re-authentication through allauth,
and the text of a log record."""

import logging
import time

from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD


def log_in(client: Client, username: str, password: str = PASSWORD):
    """Logs in through allauth's login form, as a person would."""
    return client.post(reverse("account_login"), {"login": username, "password": password})


def reauthenticate(client: Client, password: str = PASSWORD) -> None:
    """Confirms the password again, which sensitive pages ask for."""
    response = client.post(reverse("account_reauthenticate"), {"password": password})
    assert response.status_code == 302, "re-authentication failed"


def forget_rate_limits() -> None:
    # allauth keeps its rate-limit counters in the cache, which outlives a test.
    cache.clear()


def record_text(record: logging.LogRecord) -> str:
    """Everything a log handler could write of the record: message, formatted line and
    every attribute."""
    parts = [record.getMessage(), logging.Formatter().format(record)]
    parts += [repr(value) for value in vars(record).values()]
    return "\n".join(parts)


_REAL_TIME = time.time


class Clock:
    """The real time plus however far the test has moved it on."""

    def __init__(self) -> None:
        self.offset = 0.0

    def advance(self, seconds: float) -> None:
        self.offset += seconds

    def now(self) -> float:
        return _REAL_TIME() + self.offset


def patched_clock(monkeypatch, target: str) -> Clock:
    """A Clock in place of the time function at `target` (a dotted path), so a test can
    move past a time limit without waiting."""
    clock = Clock()
    monkeypatch.setattr(target, clock.now)
    return clock
