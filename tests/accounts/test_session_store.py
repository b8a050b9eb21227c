"""Sessions are read through the cache under a hash of their key, and end everywhere."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from pct_journal.session_store import SessionStore, cache_name

pytestmark = pytest.mark.django_db


def _cached_names() -> list[str]:
    # The in-memory test cache keeps its keys as ":<version>:<key>".
    return [made.split(":", 2)[2] for made in caches[settings.SESSION_CACHE_ALIAS]._cache]


def test_the_cache_never_names_a_session_by_its_key(alice):
    client = Client()
    client.force_login(alice)
    client.get(reverse("entries:list"))
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value

    names = _cached_names()

    assert cache_name(session_key) in names
    assert not any(session_key in name for name in names)


def test_a_session_still_loads_when_its_cached_copy_is_gone(alice):
    client = Client()
    client.force_login(alice)
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    caches[settings.SESSION_CACHE_ALIAS].delete(cache_name(session_key))

    assert client.get(reverse("entries:list")).status_code == 200


def test_ending_a_session_removes_the_row_and_the_cached_copy(alice):
    client = Client()
    client.force_login(alice)
    client.get(reverse("entries:list"))
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value

    SessionStore().delete(session_key)

    assert cache_name(session_key) not in _cached_names()
    assert not SessionStore().exists(session_key)
    assert client.get(reverse("entries:list")).status_code == 302
