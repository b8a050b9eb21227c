"""Every HTML page of the app passes the Nu HTML Checker (vnu.jar, run with the
machine's Java) without errors: each app page for a person with months of entries and
for a new person, the account pages, and the forms showing their errors.

vnu.jar comes from the npm registry's vnu-jar package, which `make test` fetches into
.venv/vnu (or set VNU_JAR). Without Java or vnu.jar the test is skipped, unless
E2E_REQUIRED=1 (as in .ci/run), where it fails instead. Titles are checked too: every
page has its own, and discreet mode turns each one into a plain "Journal".
"""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from checkins.services import checkin_create
from entries.models import Entry, Partner, Tag
from tests.factories import PASSWORD, PreferencesFactory, UserFactory
from tests.security.url_walk import APP_URLS
from tests.site.nu_checker import nu_checker, nu_errors

pytestmark = pytest.mark.django_db

# Files that are not HTML pages (charts, CSV, JSON, PDF).
DOWNLOADS = (".svg", ".csv", ".json", ".pdf")
# Views that only take a POST (a button's answer): no page to check.
POST_ONLY = {
    "accounts:time_zone_answer",
    "accounts:language",
    "entries:import_confirm",
    "entries:import_cancel",
}
# Account pages (django-allauth) in this app's templates, for someone logged in.
ACCOUNT_PAGES = [
    "account_email",
    "account_change_password",
    "account_reauthenticate",
    "account_logout",
    "mfa_index",
    "mfa_list_webauthn",
    "usersessions_list",
]
# ...and for someone who is not.
ENTRANCE_PAGES = ["account_login", "account_signup", "account_reset_password"]
# How to fill in URL parameters with something the person owns.
OWNED_KWARGS = {
    "entries:detail": lambda user: {"pk": Entry.objects.filter(user=user).first().pk},
    "entries:update": lambda user: {"pk": Entry.objects.filter(user=user).first().pk},
    "entries:delete": lambda user: {"pk": Entry.objects.filter(user=user).first().pk},
    "entries:partner_update": lambda user: {"pk": Partner.objects.filter(user=user).first().pk},
    "entries:partner_delete": lambda user: {"pk": Partner.objects.filter(user=user).first().pk},
    "entries:tag_update": lambda user: {"pk": Tag.objects.filter(user=user).first().pk},
    "entries:tag_delete": lambda user: {"pk": Tag.objects.filter(user=user).first().pk},
    "checkins:detail": lambda user: {"pk": user.checkins.first().pk},
    "checkins:delete": lambda user: {"pk": user.checkins.first().pk},
}


class Pages:
    """Collects HTML pages (name -> markup) as a person would be served them."""

    def __init__(self):
        self.html: dict[str, str] = {}

    def get(self, client: Client, name: str, url: str, *, status: int = 200, **extra) -> None:
        self._keep(name, client.get(url, follow=True, **extra), status)

    def post(self, client: Client, name: str, url: str, data: dict) -> None:
        self._keep(name, client.post(url, data, follow=True), 200)

    def _keep(self, name: str, response, status: int) -> None:
        if response.get("Content-Type", "").startswith("text/html"):
            assert response.status_code == status, (name, response.status_code)
            self.html[name] = response.content.decode()


def _person_with_history():
    call_command("seed_demo", user="demo", entries=200, seed=7, password=PASSWORD, verbosity=0)
    user = UserFactory(username="demo")
    for instrument, answers in (("phq9", [1] * 8 + [1]), ("gad7", [2] * 7)):
        checkin_create(user=user, instrument=instrument, answers=answers)
    return user


def _app_pages(pages: Pages, client: Client, user, label: str, *, owned: bool) -> None:
    for name, params in APP_URLS:
        if not params:
            url = reverse(name)
        elif owned and name in OWNED_KWARGS:
            url = reverse(name, kwargs=OWNED_KWARGS[name](user))
        else:
            continue  # e.g. a share link, which this walk does not make
        if not url.endswith(DOWNLOADS) and name not in POST_ONLY:
            pages.get(client, f"{label} {name}", url)


def _forms_with_errors(pages: Pages, client: Client) -> None:
    # Errors a browser lets a person make (a date input never sends "soon").
    future = {"occurred_at": "2099-01-01T22:00", "sadness": "9"}
    pages.post(client, "entry form errors", reverse("entries:create"), future)
    reversed_dates = "?start=2026-03-01&end=2026-02-01"
    pages.get(client, "entry filter errors", reverse("entries:list") + reversed_dates)
    pages.post(client, "partner form errors", reverse("entries:partners"), {"nickname": ""})
    pages.post(client, "tag form errors", reverse("entries:tags"), {"name": ""})
    pages.post(client, "settings errors", reverse("accounts:settings"), {"time_zone": "Mars"})
    pages.post(client, "check-in errors", reverse("checkins:create") + "?instrument=phq9", {})
    dashboard, overview = reverse("insights:dashboard"), reverse("insights:overview")
    pages.get(client, "dashboard bad range", dashboard + reversed_dates, status=400)
    pages.get(client, "insights bad range", overview + "?range=forever", status=400)
    pages.get(client, "page not found", "/no-such-page/", status=404)


def _every_page(discreet: bool = False) -> dict[str, str]:
    pages = Pages()
    person = _person_with_history()
    newcomer = UserFactory(username="newcomer")
    for user in (person, newcomer):
        PreferencesFactory(user=user, discreet_mode=discreet)
    client = Client()
    client.force_login(person)
    _app_pages(pages, client, person, "with history:", owned=True)
    _forms_with_errors(pages, client)
    for name in ACCOUNT_PAGES:
        pages.get(client, name, reverse(name))
    # Adding a passkey shows its form once the password has been confirmed.
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    pages.get(client, "mfa_add_webauthn", reverse("mfa_add_webauthn"))
    client.force_login(newcomer)
    _app_pages(pages, client, newcomer, "new person:", owned=False)
    anonymous = Client()
    for name in ENTRANCE_PAGES:
        pages.get(anonymous, name, reverse(name))
    wrong_password = {"login": "demo", "password": "not-it"}
    pages.post(anonymous, "login errors", reverse("account_login"), wrong_password)
    pages.post(anonymous, "signup errors", reverse("account_signup"), {"username": "x"})
    return pages.html


def test_every_page_passes_the_nu_html_checker(tmp_path):
    checker = nu_checker()
    pages = {}
    for index, (name, html) in enumerate(sorted(_every_page().items())):
        path = tmp_path / f"page{index:03}.html"
        path.write_text(html)
        pages[path.name] = name

    errors = nu_errors(checker, tmp_path)

    assert len(pages) > 40
    report = [
        f"{pages.get(Path(error.get('url', '')).name, error.get('url'))}, "
        f"line {error.get('lastLine')}: {error['message']}\n    {error.get('extract', '').strip()}"
        for error in errors
    ]
    assert report == [], "\n".join(report)


def _title(html: str) -> str:
    # As a browser shows it: runs of white space become one space.
    match = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
    return " ".join(match[1].split()) if match else ""


# Pages served to someone who is not logged in, who has no discreet mode to apply.
NOT_LOGGED_IN = {*ENTRANCE_PAGES, "login errors", "signup errors"}
# Stand-alone documents (the printable summary) that do not use base.html.
# The offline log form is kept on phones for whoever uses them: always a neutral title.
OWN_TITLES = {"insights:summary": "Journal summary", "entries:offline_form": "Journal"}


def test_every_page_has_a_title_of_its_own():
    titles = {name: _title(html) for name, html in _every_page().items()}

    for name, title in titles.items():
        if name.split()[-1] not in OWN_TITLES:
            assert title.endswith(" · PCT Journal"), name
    assert titles["with history: entries:list"] == "Entries · PCT Journal"
    assert titles["with history: entries:create"] == "Log an experience · PCT Journal"
    assert titles["with history: entries:detail"] == "Entry · PCT Journal"
    assert titles["login errors"] == "Log in · PCT Journal"
    assert titles["page not found"] == "Page not found · PCT Journal"


def test_in_discreet_mode_every_page_is_just_called_journal():
    pages = _every_page(discreet=True)

    for name, html in pages.items():
        if name in NOT_LOGGED_IN:
            continue
        assert _title(html) == OWN_TITLES.get(name.split()[-1], "Journal"), name
        assert "<header" in html, name
        header = html[html.find("<header") : html.find("</header>")]
        # Attribute values left out: a random CSRF token may well contain "PCT".
        assert "PCT" not in re.sub(r'="[^"]*"', '=""', header), name
