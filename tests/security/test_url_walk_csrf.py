"""Every URL pattern refuses POST, PUT, PATCH and DELETE without a CSRF token, even
from the logged-in owner, and nothing in the database changes.

Reuses the URL walk of tests/security/url_walk.py, and adds the third-party pages (allauth:
login, logout, password, two-factor, sessions) that the ownership walk leaves out.
"""

import pytest
from django.apps import apps
from django.test import Client
from django.urls import NoReverseMatch, get_resolver, reverse

from tests.security.url_walk import APP_URLS, THIRD_PARTY_PREFIXES, url_for, walk_patterns

pytestmark = pytest.mark.django_db

UNSAFE_METHODS = ("post", "put", "patch", "delete")
# Stand-ins for third-party URL parameters (email confirmation keys and the like).
PLACEHOLDER = {"uidb36": "1", "key": "set-password", "pk": "1", "id": "1"}


def _third_party_urls() -> list[tuple[str, str]]:
    found = {}
    for name, params in walk_patterns(get_resolver().url_patterns):
        if not name.startswith(THIRD_PARTY_PREFIXES) or name in found:
            continue
        try:
            found[name] = reverse(name, kwargs={p: PLACEHOLDER.get(p, "x") for p in params})
        except NoReverseMatch:
            continue
    return sorted(found.items())


THIRD_PARTY_URLS = _third_party_urls()


def _snapshot() -> dict[str, list]:
    """Every row of every table, so any change at all shows up."""
    return {
        model._meta.label: sorted(repr(row) for row in model._default_manager.values())
        for model in apps.get_models()
    }


def _owner_client(alice) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    return client


def _assert_refused_without_token(client: Client, url: str) -> None:
    # A first GET gives the browser its CSRF cookie, as a real visit would; the
    # forged requests below carry the cookie but no token.
    client.get(url)
    before = _snapshot()
    for method in UNSAFE_METHODS:
        send = getattr(client, method)
        form = send(url, {"sadness": "4", "nickname": "forged", "name": "forged"})
        json = send(url, '{"confirm": true}', content_type="application/json")
        for response in (form, json):
            assert _refused(response, method), f"{method.upper()} {url}: {response.status_code}"
    assert _snapshot() == before


def _refused(response, method: str) -> bool:
    # 403 is the CSRF check. A view that checks CSRF itself (the import, which must
    # limit the upload size before anything reads the body) may refuse a method it
    # does not take with 405 first; that request never reaches any code either.
    if response.status_code == 403:
        return True
    allowed = response.get("Allow", "")
    return response.status_code == 405 and method.upper() not in allowed and method != "post"


def test_the_walks_cover_the_app_and_the_account_pages():
    names = {name for name, _params in APP_URLS} | {name for name, _url in THIRD_PARTY_URLS}
    assert {"entries:create", "accounts:delete", "audit:log"} <= names
    assert {"account_logout", "account_change_password", "usersessions_list"} <= names


@pytest.mark.parametrize(("name", "params"), APP_URLS, ids=[name for name, _ in APP_URLS])
def test_app_pages_refuse_forged_requests_from_the_owner(alice, owned, name, params):
    _assert_refused_without_token(_owner_client(alice), url_for(name, params, owned))


@pytest.mark.parametrize(
    ("name", "url"), THIRD_PARTY_URLS, ids=[name for name, _ in THIRD_PARTY_URLS]
)
def test_account_pages_refuse_forged_requests(alice, name, url):
    _assert_refused_without_token(_owner_client(alice), url)


def test_forged_requests_are_refused_for_visitors_too(client, db):
    client = Client(enforce_csrf_checks=True)
    for url in (reverse("account_login"), reverse("account_signup")):
        _assert_refused_without_token(client, url)


def test_with_the_token_the_same_request_goes_through(alice, entry_post_data):
    # Shows the 403s above come from the missing token, not from something else.
    client = _owner_client(alice)
    client.get(reverse("entries:create"))
    token = client.cookies["csrftoken"].value

    response = client.post(
        reverse("entries:create"), {**entry_post_data, "csrfmiddlewaretoken": token}
    )

    assert response.status_code == 302
    assert alice.entries.count() == 1
