import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db


def test_the_empty_dashboard_welcomes_and_offers_the_log_button(alice_client):
    content = alice_client.get(reverse("insights:dashboard")).content.decode()

    assert "Welcome" in content
    assert reverse("entries:create") in content


def test_it_counts_recent_entries_and_episodes(alice, alice_client, bob):
    EntryFactory(user=alice, sadness=3)
    EntryFactory(user=alice)
    EntryFactory(user=alice, cried=True, occurred_at=timezone.now() - dt.timedelta(days=45))
    EntryFactory(user=bob, sadness=4)

    response = alice_client.get(reverse("insights:dashboard"))

    assert response.context["counts"] == {"total": 3, "recent": 2, "recent_episodes": 1}
    assert len(response.context["recent_entries"]) == 3
