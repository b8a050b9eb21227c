import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from checkins.services import checkin_create
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db

URL = reverse("insights:report_json")
FACTOR_KEYS = {
    "key",
    "label",
    "exposed",
    "unexposed",
    "risk_ratio",
    "ci_low",
    "ci_high",
    "p_value",
    "q_value",
    "evidence",
}


def _log(user, count: int, *, episodes: int = 0, when=None, **fields) -> None:
    when = when or timezone.now() - dt.timedelta(days=1)
    for number in range(count):
        feeling = {"sadness": 3} if number < episodes else {}
        # Pain answered "0" unless given: an entry that did not record it would be left
        # out of the pain table rather than counted as without pain.
        answers = {"pain": 0, **fields}
        EntryFactory(
            user=user, occurred_at=when - dt.timedelta(minutes=number), **answers, **feeling
        )


def _strict_json(response) -> dict:
    def refuse(constant):
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(response.content, parse_constant=refuse)


def _factor(data: dict, key: str) -> dict:
    return next(f for c in data["categories"] for f in c["factors"] if f["key"] == key)


def _category_of(data: dict, key: str) -> str:
    return next(c["key"] for c in data["categories"] for f in c["factors"] if f["key"] == key)


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302


def test_it_has_exactly_the_keys_of_the_design(alice, alice_client, alice_partner, alice_tag):
    _log(alice, 6, episodes=3, pain=6, partner=alice_partner)
    _log(alice, 6, episodes=1)

    response = alice_client.get(URL)
    data = _strict_json(response)

    assert response["Content-Type"] == "application/json"
    assert set(data) == {
        "entries",
        "episodes",
        "threshold",
        "categories",
        "up_to_date",
        "data_version",
    }
    assert (data["entries"], data["episodes"], data["threshold"]) == (12, 4, 2)
    assert data["up_to_date"] is True
    for category in data["categories"]:
        assert set(category) == {"key", "label", "evidence", "factors"}
        for factor in category["factors"]:
            assert set(factor) == FACTOR_KEYS
            assert set(factor["exposed"]) == set(factor["unexposed"]) == {"entries", "episodes"}


def test_its_numbers_are_the_tables_numbers(alice, alice_client):
    _log(alice, 9, episodes=7, pain=6)
    _log(alice, 15, episodes=2)

    data = _strict_json(alice_client.get(URL))
    pain = _factor(data, "pain")

    assert pain["exposed"] == {"entries": 9, "episodes": 7}
    assert pain["unexposed"] == {"entries": 15, "episodes": 2}
    assert pain["risk_ratio"] == pytest.approx(5.8333, rel=1e-4)
    assert pain["ci_low"] == pytest.approx(1.5326, rel=1e-4)
    assert pain["p_value"] == pytest.approx(0.0029950, rel=1e-4)
    assert data["categories"][0]["key"] == "pain"


def test_undefined_numbers_are_null_never_nan_or_infinity(alice, alice_client):
    _log(alice, 10, pain=6)
    _log(alice, 10)
    _log(alice, 2, alcohol_or_drugs=True)

    data = _strict_json(alice_client.get(URL))

    pain = _factor(data, "pain")
    assert pain["risk_ratio"] is None and pain["ci_low"] is None and pain["ci_high"] is None
    assert pain["evidence"] == "none"
    memories = _factor(data, "memories_surfaced")
    assert memories["p_value"] is None and memories["q_value"] is None
    assert memories["evidence"] == "not_enough_data"


def test_a_zero_cell_gives_finite_corrected_numbers(alice, alice_client):
    _log(alice, 5, episodes=5, pain=6)
    _log(alice, 20)

    pain = _factor(_strict_json(alice_client.get(URL)), "pain")

    assert 1 < pain["ci_low"] < pain["risk_ratio"] < pain["ci_high"]


def test_start_and_end_select_calendar_days(alice, alice_client):
    _log(alice, 2, when=timezone.make_aware(dt.datetime(2026, 1, 10, 21)))
    _log(alice, 3, when=timezone.make_aware(dt.datetime(2026, 2, 10, 21)))

    data = _strict_json(alice_client.get(URL, {"start": "2026-02-01", "end": "2026-02-28"}))

    assert data["entries"] == 3


@pytest.mark.parametrize(
    "query",
    [
        {"start": "yesterday"},
        {"end": "2026-02-30"},
        {"start": "2026-03-02", "end": "2026-03-01"},
        {"end": "9999-12-31"},
        {"start": "2026-01-01", "end": "9000-01-01"},
        {"start": "1899-12-31"},
    ],
    ids=["words", "impossible-date", "reversed", "last-day-there-is", "year-9000", "before-1900"],
)
def test_a_bad_date_is_a_400_with_a_message(alice_client, query):
    response = alice_client.get(URL, query)

    assert response.status_code == 400
    assert "date" in _strict_json(response)["error"]


def test_it_reports_only_the_users_own_entries(alice, charlie_client):
    _log(alice, 9, episodes=7, pain=6)

    data = _strict_json(charlie_client.get(URL))

    assert data["entries"] == 0
    assert _factor(data, "pain")["exposed"]["entries"] == 0


def test_the_check_in_factors_are_there_before_any_check_in(alice, alice_client):
    _log(alice, 9, episodes=7, pain=6)

    data = _strict_json(alice_client.get(URL))

    for key, category in (("phq9_recent_high", "distress"), ("gad7_recent_high", "anxiety")):
        item = _factor(data, key)
        assert set(item) == FACTOR_KEYS
        assert _category_of(data, key) == category
        assert item["evidence"] == "not_enough_data"
        assert item["exposed"] == item["unexposed"] == {"entries": 0, "episodes": 0}
        assert item["risk_ratio"] is None and item["p_value"] is None


def test_after_a_phq9_only_the_phq9_factor_has_entries(alice, alice_client):
    checkin_create(
        user=alice,
        instrument="phq9",
        answers=[2] * 9,
        taken_at=timezone.now() - dt.timedelta(days=3),
    )
    _log(alice, 4, episodes=2)

    data = _strict_json(alice_client.get(URL))

    assert _factor(data, "phq9_recent_high")["exposed"] == {"entries": 4, "episodes": 2}
    assert _factor(data, "gad7_recent_high")["exposed"]["entries"] == 0
    assert _factor(data, "gad7_recent_high")["evidence"] == "not_enough_data"


def test_raising_the_threshold_in_settings_changes_the_report(alice, alice_client):
    _log(alice, 6, pain=6, sadness=2)  # moderate: episodes at threshold 2, not at 3
    _log(alice, 2, episodes=2)  # sadness 3: episodes at either threshold
    _log(alice, 4)
    before = _strict_json(alice_client.get(URL))

    settings = {"time_zone": "UTC", "episode_threshold": "3", "checkin_cadence_days": "14"}
    assert alice_client.post(reverse("accounts:settings"), settings).status_code == 302
    after = _strict_json(alice_client.get(URL))

    assert (before["threshold"], before["episodes"]) == (2, 8)
    assert (after["threshold"], after["episodes"]) == (3, 2)
    assert _factor(before, "pain")["exposed"] == {"entries": 6, "episodes": 6}
    assert _factor(after, "pain")["exposed"] == {"entries": 6, "episodes": 0}
