"""Share-link tokens never reach a log line, whichever logger writes the path."""

import logging

import pytest
from django.test import Client
from django.urls import reverse

from sharing.log_redaction import REDACTED, redact_share_tokens_in_logs

pytestmark = pytest.mark.django_db

TOKEN = "Qm9yZWRUb2tlbl9vZl9mb3J0eV90aHJlZV9jaGFyYWN0ZXJz"


def test_a_refused_post_to_a_share_link_logs_no_token(caplog):
    caplog.set_level(logging.INFO)
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("sharing:view", args=[TOKEN]), {"x": "1"})

    assert response.status_code == 403
    # Django's CSRF check logs the refused path under django.security.csrf.
    assert any(record.name == "django.security.csrf" for record in caplog.records)
    assert f"{REDACTED}/" in caplog.text
    assert TOKEN not in caplog.text


@pytest.mark.parametrize(
    "logger_name",
    ["django.request", "gunicorn.access", "some.library.nobody.listed"],
    ids=["django", "gunicorn", "any-logger"],
)
def test_any_logger_gets_the_path_redacted(caplog, logger_name):
    caplog.set_level(logging.INFO)

    logging.getLogger(logger_name).warning("GET %s 404", f"/s/{TOKEN}/")

    assert f"GET {REDACTED}/ 404" in caplog.text
    assert TOKEN not in caplog.text


def test_installing_twice_redacts_once_and_keeps_other_messages(caplog):
    redact_share_tokens_in_logs()
    redact_share_tokens_in_logs()
    caplog.set_level(logging.INFO)

    logging.getLogger("x").info("%s entries, %d%%", "3", 50)

    assert "3 entries, 50%" in caplog.text
