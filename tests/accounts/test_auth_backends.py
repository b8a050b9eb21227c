"""The logged-in person comes with their preferences in one query on every request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Preferences

pytestmark = pytest.mark.django_db


def test_a_page_reads_the_preferences_with_the_user(alice, alice_client):
    alice_client.get(reverse("entries:list"))  # the first request makes the row

    with CaptureQueriesContext(connection) as queries:
        alice_client.get(reverse("entries:list"))

    preference_reads = [q["sql"] for q in queries if "accounts_preferences" in q["sql"]]
    assert len(preference_reads) == 1
    assert "auth_user" in preference_reads[0]  # joined to the user's own row


def test_a_person_without_preferences_gets_them_made(alice, alice_client):
    Preferences.objects.filter(user=alice).delete()

    response = alice_client.get(reverse("entries:list"))

    assert response.status_code == 200
    assert Preferences.objects.filter(user=alice).exists()
