"""The journal in the Django admin: off unless DJANGO_ADMIN_ENABLED is set, and when it
is on, lists that show an operator what exists and never what it says."""

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import include, path

from entries.models import Entry, Partner, Tag
from tests.factories import EntryFactory, UserFactory

pytestmark = pytest.mark.django_db

CANARY_NOTE = "canary-note-7f3a: we argued about the holiday"
CANARY_NICKNAME = "Canarynick"
CANARY_FACTOR = "canary-factor-after-wine"

# The admin is only mounted when DJANGO_ADMIN_ENABLED is set; these tests mount it, as
# tests/accounts/test_security_mfa.py does.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("pct_journal.urls")),
]
admin_urls = pytest.mark.urls(__name__)


@pytest.fixture
def operator_client(monkeypatch):
    # The two-factor login the admin insists on has its tests in test_security_mfa.py.
    monkeypatch.setattr("pct_journal.admin_site.session_used_mfa", lambda request: True)
    client = Client()
    client.force_login(UserFactory(username="operator", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def canary_entry(alice):
    partner = Partner.objects.create(user=alice, nickname=CANARY_NICKNAME)
    tag = Tag.objects.create(user=alice, name=CANARY_FACTOR)
    entry = EntryFactory(user=alice, partner=partner, sadness=3, notes=CANARY_NOTE)
    entry.tags.add(tag)
    return entry


def _page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("url", ["/admin/", "/admin/login/", "/admin/entries/entry/"])
def test_the_admin_is_not_there_unless_enabled(alice_client, client, url, settings):
    assert settings.ADMIN_ENABLED is False

    assert client.get(url).status_code == 404
    assert alice_client.get(url).status_code == 404


@admin_urls
def test_the_entry_list_shows_metadata_and_never_the_notes(operator_client, canary_entry):
    content = _page(operator_client, "/admin/entries/entry/")

    assert str(canary_entry.pk) in content
    assert "alice" in content
    assert 'alt="True"' in content  # an episode: sadness 3 reaches the threshold of 2
    assert "canary" not in content.lower()
    assert CANARY_NICKNAME not in content
    # The search box would let someone probe the notes; there is none.
    assert 'name="q"' not in content


@admin_urls
def test_partner_and_factor_lists_leave_out_the_names(operator_client, canary_entry):
    for url in ("/admin/entries/partner/", "/admin/entries/tag/", "/admin/"):
        content = _page(operator_client, url)
        assert "canary" not in content.lower(), url


@admin_urls
def test_no_row_has_a_page_of_its_own(operator_client, canary_entry):
    partner, tag = canary_entry.partner, canary_entry.tags.get()
    for model, pk in (("entry", canary_entry.pk), ("partner", partner.pk), ("tag", tag.pk)):
        response = operator_client.get(f"/admin/entries/{model}/{pk}/change/")
        assert response.status_code == 403, model
        assert "canary" not in response.content.decode().lower()


@admin_urls
def test_nothing_can_be_added_changed_or_deleted(operator_client, canary_entry):
    assert operator_client.get("/admin/entries/entry/add/").status_code == 403
    url = f"/admin/entries/entry/{canary_entry.pk}/"
    assert operator_client.post(url + "change/", {"notes": "rewritten"}).status_code == 403
    assert operator_client.post(url + "delete/", {"post": "yes"}).status_code == 403
    canary_entry.refresh_from_db()
    assert canary_entry.notes == CANARY_NOTE
    assert Entry.objects.count() == 1
