"""Every page that takes a period refuses one far outside the journal's dates with a 400
and a message, instead of a 500 or a chart of thousands of empty years."""

import pytest
from django.urls import reverse

from tests.factories import EntryFactory
from tests.security_helpers import reauthenticate

pytestmark = pytest.mark.django_db

FAR_AHEAD = {"start": "2026-01-01", "end": "9999-12-31"}
MESSAGE = "The end date is too far in the future"

PAGES = [
    pytest.param(reverse("insights:dashboard"), id="dashboard"),
    pytest.param(reverse("insights:overview"), id="overview"),
    pytest.param(reverse("insights:report_json"), id="report-json"),
    pytest.param(reverse("insights:chart", args=["trend"]), id="chart"),
    pytest.param(reverse("insights:export"), id="export"),
    pytest.param(reverse("insights:summary"), id="summary-print-page"),
    pytest.param(reverse("insights:summary_pdf"), id="summary-pdf"),
]


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize(
    "query",
    [FAR_AHEAD, {"end": "9000-01-01"}],
    ids=["last-day-there-is", "year-9000"],
)
def test_a_period_ending_far_ahead_is_a_400_with_a_message(alice, alice_client, url, query):
    EntryFactory(user=alice)

    response = alice_client.get(url, query)

    assert response.status_code == 400
    assert MESSAGE in response.content.decode()


def test_a_share_link_for_a_period_ending_far_ahead_is_refused(alice, alice_client):
    reauthenticate(alice_client)

    response = alice_client.post(reverse("sharing:create"), {**FAR_AHEAD, "days": "14"})

    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
