"""The main navigation (pct_journal/navigation.py): on a desktop the top bar holds
Dashboard, Entries, Insights, Export and Settings, with the rest under "More"; on a phone
the tab bar keeps four tabs and the Log button, and its "More" holds Export and Settings
as well."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

TOP_BAR_PAGES = ["Dashboard", "Entries", "Insights", "Export", "Settings"]


def _part(html: str, start: str, end: str) -> str:
    begin = html.index(start)
    return html[begin : html.index(end, begin)]


def _top_bar(html: str) -> str:
    return _part(html, "<header", "</header>")


def _tab_bar(html: str) -> str:
    return _part(html, '<nav class="tabbar', "</nav>")


def _links(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", text).strip()
        for text in re.findall(r"<a[^>]*>(.*?)</a>", html, re.DOTALL)
    ]


def _menu(html: str) -> list[str]:
    return _links(_part(html, '<ul class="dropdown-menu', "</ul>"))


def test_the_desktop_bar_shows_every_main_page_and_keeps_the_rest_under_more(alice_client):
    bar = _top_bar(alice_client.get(reverse("entries:list")).content.decode())

    shown = _links(bar)
    assert shown[1 : 1 + len(TOP_BAR_PAGES)] == TOP_BAR_PAGES  # after the brand
    assert _menu(bar) == ["Partners", "Your factors", "Check-ins", "Share links"]
    assert "Log" in shown


def test_the_phone_tab_bar_stays_at_four_tabs_and_log(alice_client):
    tabs = _tab_bar(alice_client.get(reverse("entries:list")).content.decode())

    menu = _menu(tabs)
    tab_links = [link for link in _links(tabs) if link not in menu]
    assert tab_links == ["Home", "Entries", "Log", "Insights"]
    assert menu[:2] == ["Export", "Settings"]
    assert "Share links" in menu


def test_export_is_the_current_page_in_the_top_bar_and_under_more_on_phones(alice_client):
    html = alice_client.get(reverse("insights:export")).content.decode()

    bar, tabs = _top_bar(html), _tab_bar(html)
    assert re.search(r'class="nav-link active" href="/export/" aria-current="page"', bar)
    assert 'dropdown-toggle active"' not in bar  # desktop "More" is not where Export is
    assert re.search(r'<button class="tab active"[^>]*>More</button>', tabs)


def test_more_is_highlighted_on_a_page_it_holds(alice_client):
    html = alice_client.get(reverse("entries:partners")).content.decode()

    assert 'dropdown-toggle active"' in _top_bar(html)
    assert re.search(r'<button class="tab active"[^>]*>More</button>', _tab_bar(html))


def test_nobody_logged_out_sees_the_navigation(client):
    html = client.get(reverse("account_login")).content.decode()

    assert 'aria-label="Main"' not in html
