"""Walks every URL pattern of the app as an anonymous visitor, as another user and as
the owner."""

import pytest
from django.urls import reverse

from tests.security.url_walk import (
    ANONYMOUS_STATUS,
    APP_URLS,
    CANARIES,
    OWNER_GET_STATUS,
    PUBLIC_NAMES,
    SHARED_URL_KWARGS,
    url_for,
)

pytestmark = pytest.mark.django_db


def test_the_walk_finds_the_journal_pages():
    names = {name for name, _params in APP_URLS}
    assert {"entries:list", "entries:create", "entries:detail", "insights:dashboard"} <= names


@pytest.mark.parametrize(("name", "params"), APP_URLS, ids=[name for name, _ in APP_URLS])
def test_anonymous_visitors_are_sent_to_log_in(client, owned, name, params):
    url = url_for(name, params, owned)

    response = client.get(url)

    if name in PUBLIC_NAMES:
        # The same answer as the owner's: the walk's share link is an ended one.
        assert response.status_code == OWNER_GET_STATUS.get(name, 200)
    elif name in ANONYMOUS_STATUS:
        assert response.status_code == ANONYMOUS_STATUS[name]
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    for canary in CANARIES:
        assert canary not in response.content.decode(errors="replace")


@pytest.mark.parametrize(("name", "params"), APP_URLS, ids=[name for name, _ in APP_URLS])
def test_it_checks_ownership(charlie_client, owned, name, params):
    url = url_for(name, params, owned)

    get = charlie_client.get(url)
    post = charlie_client.post(url, {"sadness": "0", "nickname": "x", "name": "x"})

    if params and name not in SHARED_URL_KWARGS:
        assert get.status_code == 404
        assert post.status_code == 404
    for response in (get, post):
        assert response.status_code < 500
        body = response.content.decode(errors="replace")
        for canary in CANARIES:
            assert canary not in body
    owned.entry.refresh_from_db()
    owned.partner.refresh_from_db()
    owned.tag.refresh_from_db()
    assert owned.entry.notes == "canary-note-5d1f"
    assert owned.partner.nickname == "Canarypartner"
    assert owned.tag.name == "canary factor"


@pytest.mark.parametrize(("name", "params"), APP_URLS, ids=[name for name, _ in APP_URLS])
def test_the_owner_can_open_every_page(alice_client, owned, name, params):
    url = url_for(name, params, owned)

    response = alice_client.get(url)

    assert response.status_code == OWNER_GET_STATUS.get(name, 200)
    # Every page, image and download of the journal: never kept by a browser or proxy.
    assert "no-store" in response["Cache-Control"], name
