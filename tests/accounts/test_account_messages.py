"""The notes allauth shows after logging in and out, in the app's words: no username on
screen (someone may be looking over a shoulder, and discreet mode hides it elsewhere)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.security_helpers import log_in

pytestmark = pytest.mark.django_db


def test_logging_in_says_so_without_the_username(alice):
    client = Client()
    log_in(client, "alice")

    page = client.get(reverse("insights:dashboard")).content.decode()

    assert "You are logged in." in page
    assert "Successfully signed in" not in page
    assert "as alice" not in page


def test_logging_out_says_the_journal_is_kept(alice_client):
    response = alice_client.post(reverse("account_logout"), follow=True)

    assert "You are logged out. Your journal stays as it is." in response.content.decode()
