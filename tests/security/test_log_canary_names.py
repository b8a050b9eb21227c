"""Partner nicknames and the names of a person's own factors reach no log record either:
not when they are created, renamed, clash with another, or travel through an import."""

import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from entries.models import Partner, Tag
from entries.portability.backup import backup_for_user, backup_json_bytes
from tests.security_helpers import forget_rate_limits, log_in, reauthenticate, record_text

pytestmark = pytest.mark.django_db

NICKNAME = "Canarynick-3c1"
FACTOR = "canary-factor-8e2"
# The capture opens every logger up to DEBUG. Two kinds of record cannot happen in
# production and are left out here: SQL statements (logged only with settings.DEBUG)
# and the template engine's DEBUG notes (LOGGING keeps "django.template" at INFO).
SQL_LOGGER = "django.db.backends"


def _possible_in_production(record) -> bool:
    if record.name == SQL_LOGGER:
        return False
    return not (record.name == "django.template" and record.levelno < logging.INFO)


def test_the_template_engine_never_logs_below_info(settings):
    assert settings.LOGGING["loggers"]["django.template"]["level"] == "INFO"


def test_no_nickname_or_factor_name_appears_in_any_log_record(every_log_record, alice, bob):
    forget_rate_limits()
    client = Client()
    log_in(client, "alice")
    for _twice in range(2):  # the second is refused as a duplicate
        client.post(reverse("entries:partners"), {"nickname": NICKNAME, "active": "on"})
        client.post(reverse("entries:tags"), {"name": FACTOR})
    partner = Partner.objects.get(user=alice)
    tag = Tag.objects.get(user=alice)
    client.post(
        reverse("entries:partner_update", args=[partner.pk]),
        {"nickname": NICKNAME + "-renamed", "active": "on"},
    )
    client.post(reverse("entries:tag_update", args=[tag.pk]), {"name": FACTOR + "-renamed"})
    for name in ("entries:partners", "entries:tags", "entries:create", "insights:overview"):
        client.get(reverse(name))
    reauthenticate(client)
    client.get(reverse("entries:backup_json"))
    bobs = Client()
    bobs.force_login(bob)
    raw = backup_json_bytes(backup_for_user(alice))
    for _twice in range(2):
        upload = SimpleUploadedFile("b.json", raw)
        token = bobs.post(reverse("entries:import"), {"backup": upload}).context["token"]
        bobs.post(reverse("entries:import_confirm"), {"token": token})

    assert NICKNAME + "-renamed" in [p.nickname for p in Partner.objects.filter(user=bob)]
    assert Tag.objects.filter(user=alice).count() == 1
    records = [record for record in every_log_record if _possible_in_production(record)]
    assert len(records) > 10, "the capture should see request and security logging"
    for record in records:
        text = record_text(record)
        for secret in (NICKNAME, FACTOR):
            assert secret not in text, f"{record.name}: {record.getMessage()[:200]}"
