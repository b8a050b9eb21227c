import pytest
from django.core.cache import caches
from django.test import Client
from django.utils import translation

from tests.factories import PASSWORD, EntryFactory, PartnerFactory, TagFactory, UserFactory

# The on-disk SQLite journal (sqlite_journal) and the migrated copy it starts from.
from tests.sqlite_subprocess import _migrated_template, sqlite_journal  # noqa: F401


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The real hasher is slow on purpose; tests only need it to be a hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _private_empty_cache(settings):
    """Each test starts with an empty in-process cache: rate-limit counters and cached
    charts of one test (whose user ids the next test may reuse) never leak into the next,
    and parallel test processes never share a cache directory."""
    settings.CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
        for alias in ("default", "derived")
    }
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Tasks run where they are enqueued, so a page opened after a write shows it at
    once. (Inside a test's transaction a write's refresh is only enqueued on commit:
    tests of the refresh itself capture the commit callbacks.)"""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _no_purge_on_visit_yet(monkeypatch):
    """Each test starts as a fresh server process does: the first page visit purges
    expired deletions (entries.services.deleted_entries_purge_on_visit), whichever test
    the process ran before, so query counts do not depend on the order of tests."""
    from entries import services

    monkeypatch.setattr(services._PurgeOnVisit, "last", None)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language. Logging in (force_login too)
    and every request of someone with a language of their own activate it for the
    thread and leave it active after the response, which would otherwise carry German
    or Spanish into whichever test the same process runs next."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def alice(db):
    return UserFactory(username="alice")


@pytest.fixture
def bob(db):
    return UserFactory(username="bob")


@pytest.fixture
def charlie(db):
    """The outsider: owns nothing the tests look at."""
    return UserFactory(username="charlie")


def _client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def alice_client(alice):
    return _client_for(alice)


@pytest.fixture
def charlie_client(charlie):
    return _client_for(charlie)


@pytest.fixture
def alice_partner(alice):
    return PartnerFactory(user=alice, nickname="Sam")


@pytest.fixture
def alice_tag(alice):
    return TagFactory(user=alice, name="after an argument")


@pytest.fixture
def alice_entry(alice, alice_partner, alice_tag):
    entry = EntryFactory(user=alice, partner=alice_partner, sadness=3, notes="a private note")
    entry.tags.add(alice_tag)
    return entry


@pytest.fixture
def entry_post_data():
    """A complete, valid quick-log submission: a calm partnered experience."""
    return {
        "sadness": "0",
        "irritation": "0",
        "agitation": "0",
        "anxiety_after": "0",
        "occurred_at": "2026-11-20T22:15",
        "activity": "partnered",
        "stress": "0",
        "low_mood": "0",
        "performance_anxiety": "0",
        "felt_vulnerable": "0",
        "relationship_tension": "0",
        "pain": "0",
    }
