"""X-Forwarded-For names the client only when a trusted proxy sent the request.

Anyone who can reach gunicorn directly could otherwise send a new X-Forwarded-For
with every request: a fresh address for each try at the per-address rate limits, and
made-up addresses in the security log.
"""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory
from django.urls import reverse

from audit.models import EventKind, SecurityEvent
from pct_journal.client_address import client_address, trusted_networks
from tests.production_env import production_env
from tests.security_helpers import forget_rate_limits

BASE_DIR = Path(__file__).resolve().parents[2]
PROXY = "10.0.0.5"
VISITOR = "203.0.113.7"
FORGED = "198.51.100.66"


@pytest.fixture(autouse=True)
def _one_trusted_proxy(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    forget_rate_limits()


def _request(remote_addr: str, forwarded_for: str | None = None):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **extra)


def test_a_client_that_is_not_a_trusted_proxy_is_its_own_address():
    assert client_address(_request(VISITOR, FORGED)) == VISITOR


def test_behind_a_trusted_proxy_the_client_is_the_hop_the_proxy_added():
    # nginx's $proxy_add_x_forwarded_for keeps what the visitor sent and adds the
    # address it saw: only that last hop is the proxy's word.
    assert client_address(_request(PROXY, f"{FORGED}, {VISITOR}")) == VISITOR


def test_trusted_proxies_in_a_chain_are_skipped(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24", "fd00::/8"]

    assert client_address(_request("10.0.0.9", f"{FORGED}, {VISITOR}, fd00::1")) == VISITOR


def test_a_garbled_hop_ends_the_walk_at_the_last_address_that_can_be_believed():
    assert client_address(_request(PROXY, f"{VISITOR}, not-an-address")) == PROXY


def test_by_default_no_proxy_is_trusted(settings):
    settings.TRUSTED_PROXIES = []

    assert client_address(_request("127.0.0.1", FORGED)) == "127.0.0.1"


@pytest.mark.django_db
def test_a_forged_header_does_not_reach_the_security_log(alice, password):
    client = Client(REMOTE_ADDR=VISITOR, HTTP_X_FORWARDED_FOR=FORGED)

    client.post(reverse("account_login"), {"login": "alice", "password": password})

    event = SecurityEvent.objects.get(user=alice, kind=EventKind.LOGIN)
    assert event.ip == VISITOR


@pytest.mark.django_db
def test_a_proxied_login_is_logged_with_the_visitors_address(alice, password):
    client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=VISITOR)

    client.post(reverse("account_login"), {"login": "alice", "password": password})

    assert SecurityEvent.objects.get(user=alice, kind=EventKind.LOGIN).ip == VISITOR


@pytest.mark.django_db
def test_a_new_header_per_request_does_not_escape_the_per_address_limit(alice, password):
    responses = [
        Client(REMOTE_ADDR=VISITOR, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").post(
            reverse("account_login"), {"login": "alice", "password": password}
        )
        for n in range(31)
    ]

    assert responses[-1].status_code == 429


def test_a_proxy_list_that_is_not_addresses_stops_the_app():
    with pytest.raises(ImproperlyConfigured, match="DJANGO_TRUSTED_PROXIES"):
        trusted_networks(["10.0.0.5", "nginx.internal"])


def _production_settings(tmp_path, **env) -> subprocess.CompletedProcess:
    show = (
        "import pct_journal.settings as s; print(s.TRUSTED_PROXIES, s.ALLAUTH_TRUSTED_PROXY_COUNT)"
    )
    return subprocess.run(  # noqa: S603  (our own interpreter and settings)
        [sys.executable, "-c", show],
        env=production_env(tmp_path, **env),
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_trusts_no_proxy_unless_told(tmp_path):
    result = _production_settings(tmp_path)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["[]", "0"]


def test_production_reads_the_trusted_proxies_from_the_environment(tmp_path):
    result = _production_settings(tmp_path, DJANGO_TRUSTED_PROXIES="127.0.0.1, 10.0.0.0/24")

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("['127.0.0.1', '10.0.0.0/24'] 0")


def test_the_old_proxy_count_setting_is_refused_with_a_pointer(tmp_path):
    result = _production_settings(tmp_path, DJANGO_TRUSTED_PROXY_COUNT="1")

    assert result.returncode != 0
    assert "DJANGO_TRUSTED_PROXIES" in result.stderr
