"""Activity is recorded often enough that a busy session never reaches the idle limit,
while an idle one still ends soon after it."""

import time

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
MINUTE = 60


@pytest.fixture
def frozen_clock(monkeypatch):
    """The session limits' clock, moved only by the test (real time does not pass)."""

    class Clock:
        now = time.time()

        def advance(self, seconds: float) -> None:
            self.now += seconds

    clock = Clock()
    monkeypatch.setattr("accounts.session_limits._now", lambda: clock.now)
    return clock


def _logged_out(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_a_session_busy_every_half_minute_survives_a_one_minute_idle_limit(
    settings, frozen_clock, alice_client
):
    settings.SESSION_IDLE_TIMEOUT = 1 * MINUTE

    for _ in range(10):
        frozen_clock.advance(30.5)  # a request every half minute, give or take
        response = alice_client.get(reverse("entries:list"))
        assert response.status_code == 200


def test_a_session_busy_just_under_the_idle_limit_survives(settings, frozen_clock, alice_client):
    settings.SESSION_IDLE_TIMEOUT = 30 * MINUTE

    for _ in range(6):
        frozen_clock.advance(30 * MINUTE - 1)
        assert alice_client.get(reverse("entries:list")).status_code == 200


def test_an_idle_session_still_ends_soon_after_a_one_minute_limit(
    settings, frozen_clock, alice_client
):
    settings.SESSION_IDLE_TIMEOUT = 1 * MINUTE
    frozen_clock.advance(30.5)
    assert alice_client.get(reverse("entries:list")).status_code == 200

    frozen_clock.advance(1 * MINUTE + 7)  # a tenth of the limit is the most it may lag

    assert _logged_out(alice_client.get(reverse("entries:list")))
