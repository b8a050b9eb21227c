"""The service worker, what it keeps on the phone, and the offline log form."""

import json
import re

import pytest
from django.conf import settings
from django.urls import reverse

from accounts.offline_owner import offline_owner
from tests.factories import entry_with_partner_and_tag

pytestmark = pytest.mark.django_db


def _precache(response) -> list[str]:
    match = re.search(r"^var PRECACHE = (\[.*\]);$", response.content.decode(), re.MULTILINE)
    return json.loads(match.group(1))


def test_the_service_worker_is_served_from_the_root_to_anyone(client):
    response = client.get("/sw.js")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Service-Worker-Allowed"] == "/"
    # Fetched afresh on every update check, never kept stale.
    assert "no-store" in response["Cache-Control"]
    assert "worker-src 'self'" in response["Content-Security-Policy"]


def test_the_service_worker_keeps_static_files_and_the_offline_form_only(client):
    precache = _precache(client.get("/sw.js"))

    offline_form = reverse("entries:offline_form")
    assert offline_form in precache
    others = [url for url in precache if url != offline_form]
    assert others and all(url.startswith(settings.STATIC_URL) for url in others)


@pytest.mark.parametrize(
    "name",
    ["insights:dashboard", "entries:list", "entries:create", "entries:partners", "entries:tags"],
)
def test_no_journal_page_is_in_the_service_workers_list(client, name):
    assert reverse(name) not in _precache(client.get("/sw.js"))


def test_the_service_worker_never_stores_what_it_did_not_list(client):
    source = client.get("/sw.js").content.decode()

    # The only write to its cache is the install step's addAll of PRECACHE.
    assert source.count("cache.addAll(") == 1
    assert ".put(" not in source


@pytest.mark.parametrize(
    "url",
    [
        reverse("insights:dashboard"),
        reverse("entries:list"),
        reverse("entries:create"),
        reverse("entries:partners"),
        reverse("entries:sync"),
    ],
)
def test_journal_pages_are_never_stored(alice_client, url):
    response = alice_client.get(url)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_an_entrys_page_is_never_stored(alice_client, alice_entry):
    response = alice_client.get(reverse("entries:detail", args=[alice_entry.pk]))

    assert "no-store" in response["Cache-Control"]


def test_the_offline_form_holds_nobodys_data_whoever_asks(alice, alice_client):
    entry_with_partner_and_tag(alice, nickname="Sammy", tag_name="new medication", notes="Hush")

    response = alice_client.get(reverse("entries:offline_form"))

    page = response.content.decode()
    assert response.status_code == 200
    for personal in ("Sammy", "new medication", "Hush", "alice", offline_owner(alice)):
        assert personal not in page
    assert "csrfmiddlewaretoken" not in page
    # Nothing of a logged-in page: no menu, no log-out form, a neutral title.
    assert reverse("account_logout") not in page.replace('data-logout-url="/accounts/logout/"', "")
    assert "<title>Journal</title>" in page


def test_the_offline_form_is_the_log_form(client):
    page = client.get(reverse("entries:offline_form")).content.decode()

    assert 'id="entry-form"' in page
    assert 'name="sadness"' in page
    assert 'name="new_partner"' in page
    assert "Save on this phone" in page


def test_the_privacy_page_is_public_and_linked_from_settings_and_the_menu(client, alice_client):
    url = reverse("entries:privacy")

    public = client.get(url)
    settings_page = alice_client.get(reverse("accounts:settings")).content.decode()

    assert public.status_code == 200
    assert "What your phone keeps" in public.content.decode()
    assert f'href="{url}"' in settings_page
    assert settings_page.count(f'href="{url}"') >= 2  # settings and the More menu
