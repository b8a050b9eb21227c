"""The layout's parts drawn once and kept (pct_journal.memo_fragment): nothing of one
person's page reaches another's, and the CSRF token is always the request's own."""

import re

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import reverse

from tests.factories import PreferencesFactory

pytestmark = pytest.mark.django_db


def _csrf_client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def _logout_token(html: str) -> str:
    menu = html[html.index('<ul class="dropdown-menu') :]
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', menu)[1]


def _brand(html: str) -> str:
    header = html[html.index("<header") : html.index("</header>")]
    return re.search(r"<span>(.*?)</span>", header)[1]


def test_each_persons_log_out_button_carries_their_own_token(alice, bob):
    alice_client, bob_client = _csrf_client(alice), _csrf_client(bob)
    alice_page = alice_client.get(reverse("entries:list")).content.decode()
    bob_page = bob_client.get(reverse("entries:list")).content.decode()

    alice_token, bob_token = _logout_token(alice_page), _logout_token(bob_page)
    assert "memo-fragment" not in alice_page + bob_page
    assert alice_token != bob_token
    response = bob_client.post(reverse("account_logout"), {"csrfmiddlewaretoken": bob_token})
    assert response.status_code == 302
    assert bob_client.get(reverse("entries:list")).status_code == 302  # logged out


def test_one_persons_discreet_mode_does_not_reach_anothers_navigation(alice, bob):
    PreferencesFactory(user=alice, discreet_mode=True)
    alice_client, bob_client = _csrf_client(alice), _csrf_client(bob)

    assert _brand(alice_client.get(reverse("entries:list")).content.decode()) == "Journal"
    assert _brand(bob_client.get(reverse("entries:list")).content.decode()) == "PCT Journal"
    assert _brand(alice_client.get(reverse("entries:list")).content.decode()) == "Journal"


def test_the_current_page_is_marked_whichever_page_was_drawn_before(alice_client):
    alice_client.get(reverse("entries:list"))
    html = alice_client.get(reverse("insights:calendar")).content.decode()

    current = re.findall(r'<a[^>]*aria-current="page"[^>]*>([^<]*)</a>', html)
    assert current == ["Calendar", "Calendar"]  # under "More" in both bars


def test_the_navigation_follows_the_language_of_each_page(alice, bob):
    PreferencesFactory(user=bob, language="de")
    alice_client, bob_client = _csrf_client(alice), _csrf_client(bob)

    assert ">Entries</a>" in alice_client.get(reverse("entries:list")).content.decode()
    assert ">Einträge</a>" in bob_client.get(reverse("entries:list")).content.decode()
    assert ">Entries</a>" in alice_client.get(reverse("entries:list")).content.decode()


def test_outside_a_request_a_fragment_is_drawn_as_written():
    template = Template(
        "{% load memo_fragment %}{% memo_fragment kind %}<p>{{ kind }}</p>"
        "{% csrf_token %}{% endmemo_fragment %}"
    )

    assert template.render(Context({"kind": "a"})) == "<p>a</p>"
    assert template.render(Context({"kind": "b"})) == "<p>b</p>"
