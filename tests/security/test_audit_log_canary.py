"""No journal content and no password reaches a log record, at any level, or the
security log. A canary note travels through every page the owner can open."""

import pytest
from django.test import Client
from django.urls import reverse

from audit.models import SecurityEvent
from entries.models import Entry
from tests.security.url_walk import APP_URLS, OWNED_URL_KWARGS, SHARED_URL_KWARGS, url_for
from tests.security_helpers import forget_rate_limits, log_in, record_text

pytestmark = pytest.mark.django_db

NOTE_CANARY = "canary-9b7e-my-private-note"
PASSWORD_CANARY = "canary-pw-4411-long-passphrase"


def _walk_can_fill(name: str) -> bool:
    return name in OWNED_URL_KWARGS or name in SHARED_URL_KWARGS


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
        response = client.get(url_for(name, params, owned))
        opened.append((name, response.status_code))
    client.get(reverse("entries:detail", args=[entry.pk]))
    client.get("/entries/00000000-0000-0000-0000-000000000000/")
    client.post(reverse("account_logout"))

    assert {"entries:list", "entries:detail", "insights:dashboard"} <= {n for n, _ in opened}
    assert Entry.objects.filter(user=alice).count() == 2
    assert len(every_log_record) > 50, "the capture should see SQL and request logging"
    for record in every_log_record:
        text = record_text(record)
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
