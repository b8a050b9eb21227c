"""Content-Security-Policy, Cache-Control and Permissions-Policy on the app's pages."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from pct_journal.middleware import SecurityHeadersMiddleware

pytestmark = pytest.mark.django_db

TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"
JOURNAL_PAGES = [
    "insights:dashboard",
    "entries:list",
    "entries:create",
    "entries:partners",
    "entries:tags",
    "accounts:settings",
    "audit:log",
]


def _csp(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("name", JOURNAL_PAGES)
def test_journal_pages_carry_a_strict_content_security_policy(alice_client, name):
    response = alice_client.get(reverse(name))

    csp = _csp(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    header = response["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header
    assert "*" not in header


def test_the_login_page_carries_the_policy_too(client):
    response = client.get(reverse("account_login"))

    assert _csp(response)["default-src"] == ["'self'"]


def test_no_template_has_inline_scripts_styles_or_event_handlers():
    # The policy forbids them, so a page that relied on one would silently break.
    offending = []
    patterns = {
        "inline script": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
        "style attribute": re.compile(r"\sstyle\s*=", re.IGNORECASE),
        "style element": re.compile(r"<style[\s>]", re.IGNORECASE),
        "event handler": re.compile(r"\son[a-z]+\s*=\s*[\"']", re.IGNORECASE),
        "javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
    }
    for path in TEMPLATES_DIR.rglob("*.html"):
        text = path.read_text()
        for what, pattern in patterns.items():
            if pattern.search(text):
                offending.append(f"{path.relative_to(TEMPLATES_DIR)}: {what}")
    assert offending == []


@pytest.mark.parametrize("name", JOURNAL_PAGES)
def test_journal_pages_are_never_stored_in_a_cache(alice_client, name):
    response = alice_client.get(reverse(name))

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_an_entry_page_is_never_stored_in_a_cache(alice_client, alice_entry):
    response = alice_client.get(reverse("entries:detail", args=[alice_entry.pk]))

    assert "no-store" in response["Cache-Control"]


def test_a_view_that_chose_its_own_caching_keeps_it(rf: RequestFactory):
    def chart_view(request):
        response = HttpResponse("<svg/>", content_type="image/svg+xml")
        response["Cache-Control"] = "private, max-age=300"
        return response

    response = SecurityHeadersMiddleware(chart_view)(rf.get("/insights/charts/x.svg"))

    assert response["Cache-Control"] == "private, max-age=300"


def test_a_view_without_caching_headers_gets_no_store(rf: RequestFactory):
    response = SecurityHeadersMiddleware(lambda request: HttpResponse("x"))(rf.get("/"))

    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("feature", ["camera", "microphone", "geolocation", "payment", "usb"])
def test_pages_deny_device_features_the_app_does_not_use(alice_client, feature):
    response = alice_client.get(reverse("entries:list"))

    policy = [item.strip() for item in response["Permissions-Policy"].split(",")]
    assert f"{feature}=()" in policy


def test_the_classic_security_headers_are_set(alice_client):
    response = alice_client.get(reverse("entries:list"))

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
