"""Every URL pattern of the app, enumerated from the resolver so that a new page is
covered the moment it exists, and how to fill in each one's parameters with something
Alice owns (the `owned` fixture in conftest)."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from checkins.services import checkin_create
from entries.services import entry_delete
from insights.ranges import SelectedRange
from insights.summary.options import SummaryOptions
from pct_journal.date_range import DateRange
from sharing.services import share_link_create, share_link_revoke
from tests.factories import EntryFactory

# URL names served by django-allauth; its own test suite covers them.
THIRD_PARTY_PREFIXES = ("account_", "mfa_", "usersessions_", "admin:")
# Pages meant for people who are not logged in (e.g. a therapist's share link).
# The offline log form, the service worker and the page about what the phone keeps hold
# nobody's data and must load for the service worker before any login.
PUBLIC_NAMES: set[str] = {
    "sharing:view",
    "sharing:view_pdf",
    "entries:offline_form",
    "entries:privacy",
    "entries:service_worker",
}
# Endpoints a script calls: they answer in JSON rather than redirecting to a page.
# The language switch before signing in takes a POST from anyone: there is nothing to GET.
ANONYMOUS_STATUS: dict[str, int] = {"entries:sync": 401, "accounts:language": 405}
# Status the owner gets for a plain GET, where it is not 200.
OWNER_GET_STATUS: dict[str, int] = {
    # Asks to confirm the password first (re-authentication), then shows the form.
    "accounts:delete": 302,
    "entries:backup_json": 302,
    # Undoing a deletion is a button (POST) in the list that follows it.
    "entries:undo_delete": 405,
    # Confirming or cancelling an import is a button on its preview.
    "entries:import_confirm": 405,
    "entries:import_cancel": 405,
    "entries:export_csv": 302,
    "sharing:create": 302,
    # The answer to the time-zone offer is a button; there is nothing to GET.
    "accounts:time_zone_answer": 405,
    "accounts:language": 405,
    # The walk's share link is an ended one: everybody, the owner too, gets the same 404
    # (links that work are tested in tests/sharing/test_share_view.py).
    "sharing:view": 404,
    "sharing:view_pdf": 404,
}
# URL parameters that name a kind of page rather than something Alice owns: another user
# gets their own version of it (never a 404, never Alice's content). The factors chart
# names Alice's partners and tags, so the canaries would show if it leaked.
SHARED_URL_KWARGS = {"insights:chart": {"name": "factors"}}
# Text of Alice's that must never appear in a page served to someone else.
CANARIES = ("canary-note-5d1f", "Canarypartner", "canary factor")


@dataclass
class Owned:
    entry: object
    partner: object
    tag: object


# How to fill in each URL's parameters with something Alice owns.
OWNED_URL_KWARGS = {
    "entries:detail": lambda owned: {"pk": owned.entry.pk},
    "entries:update": lambda owned: {"pk": owned.entry.pk},
    "entries:delete": lambda owned: {"pk": owned.entry.pk},
    "entries:undo_delete": lambda owned: {"pk": _deleted_entry_of(owned.entry.user).pk},
    "entries:partner_update": lambda owned: {"pk": owned.partner.pk},
    "entries:partner_delete": lambda owned: {"pk": owned.partner.pk},
    "entries:tag_update": lambda owned: {"pk": owned.tag.pk},
    "entries:tag_delete": lambda owned: {"pk": owned.tag.pk},
    "checkins:detail": lambda owned: {"pk": _checkin_of(owned.entry.user).pk},
    "checkins:delete": lambda owned: {"pk": _checkin_of(owned.entry.user).pk},
    "sharing:revoke": lambda owned: {"pk": _share_link_of(owned.entry.user)[0].pk},
    "sharing:view": lambda owned: {"token": _share_link_of(owned.entry.user, ended=True)[1]},
    "sharing:view_pdf": lambda owned: {"token": _share_link_of(owned.entry.user, ended=True)[1]},
}


def _deleted_entry_of(user):
    # Another entry of Alice's, deleted a moment ago: the walk's own entry must stay.
    return entry_delete(entry=EntryFactory(user=user, notes="canary-note-5d1f"))


def _checkin_of(user):
    # Made on demand: only the check-in URLs need one.
    return checkin_create(user=user, instrument="phq9", answers=[0] * 9)


def _share_link_of(user, *, ended: bool = False):
    # Made on demand, with every option on (notes, partners): only sharing URLs need one.
    link, token = share_link_create(
        user=user,
        options=SummaryOptions(
            period=SelectedRange("all", "All time", DateRange()), notes="all", partners=True
        ),
        days=14,
    )
    if ended:
        share_link_revoke(link=link)
    return link, token


def walk_patterns(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk_patterns(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", set(pattern.pattern.converters)


def _app_url_names() -> list[tuple[str, set[str]]]:
    found = {}
    for name, params in walk_patterns(get_resolver().url_patterns):
        if not name.startswith(THIRD_PARTY_PREFIXES):
            found[name] = params
    return sorted(found.items())


APP_URLS = _app_url_names()


def url_for(name: str, params: set[str], owned: Owned) -> str:
    if not params:
        return reverse(name)
    if name in SHARED_URL_KWARGS:
        return reverse(name, kwargs=SHARED_URL_KWARGS[name])
    assert name in OWNED_URL_KWARGS, f"Add {name} to OWNED_URL_KWARGS so the walk covers it."
    return reverse(name, kwargs=OWNED_URL_KWARGS[name](owned))
