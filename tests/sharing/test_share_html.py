"""The summary and share-link pages that the site-wide HTML check cannot reach (a live
share link, the page that shows a new link once, errors) pass the Nu HTML Checker too."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from insights.ranges import SelectedRange
from insights.summary.options import SummaryOptions
from pct_journal.date_range import DateRange
from sharing.services import share_link_create, share_link_view_record
from tests.factories import EntryFactory, PartnerFactory
from tests.security_helpers import reauthenticate
from tests.site.nu_checker import nu_checker, nu_errors

pytestmark = pytest.mark.django_db


def _pages(alice, alice_client) -> dict[str, str]:
    sam = PartnerFactory(user=alice, nickname="Sam")
    for day in range(1, 15):
        EntryFactory(
            user=alice,
            occurred_at=dt.datetime(2026, 3, day, 22, tzinfo=dt.UTC),
            partner=sam,
            pain=6 if day % 2 else 0,
            sadness=3 if day % 3 == 0 else 0,
            coping=["talked"] if day % 3 == 0 else [],
            coping_helped=3 if day % 3 == 0 else None,
            notes=f"note {day}\nwith a second line" if day < 4 else "",
        )
    march = SelectedRange("custom", "March", DateRange(dt.date(2026, 3, 1), dt.date(2026, 3, 31)))
    link, token = share_link_create(
        user=alice, options=SummaryOptions(period=march, notes="all", partners=True), days=14
    )
    share_link_view_record(link=link)
    query = "start=2026-03-01&end=2026-03-31&notes=chosen&options=1&checkins=on&charts=on"
    anonymous = Client()
    reauthenticate(alice_client)
    created = alice_client.post(reverse("sharing:create"), {**dict(_pairs(query)), "days": "7"})
    pages = {
        "export with notes": alice_client.get(f"{reverse('insights:export')}?{query}"),
        "export errors": alice_client.get(f"{reverse('insights:export')}?paper=a5&range=2y"),
        "print page": alice_client.get(f"{reverse('insights:summary')}?{query}"),
        "share list": alice_client.get(reverse("sharing:list")),
        "share create": alice_client.get(f"{reverse('sharing:create')}?{query}"),
        "share create errors": alice_client.post(
            reverse("sharing:create"), {**dict(_pairs(query)), "days": "900"}
        ),
        "share created": created,
        "share end": alice_client.get(reverse("sharing:revoke", args=[link.pk])),
        "shared summary": anonymous.get(reverse("sharing:view", args=[token])),
        "shared not found": anonymous.get(reverse("sharing:view", args=["x" * 43])),
    }
    expected = {"export errors": 400, "share create errors": 200, "shared not found": 404}
    for name, response in pages.items():
        assert response.status_code == expected.get(name, 200), name
    return {name: response.content.decode() for name, response in pages.items()}


def _pairs(query: str) -> list[tuple[str, str]]:
    return [tuple(part.split("=", 1)) for part in query.split("&")]


def test_the_summary_and_share_pages_pass_the_nu_html_checker(alice, alice_client, tmp_path):
    checker = nu_checker()
    names = {}
    for index, (name, html) in enumerate(sorted(_pages(alice, alice_client).items())):
        path = tmp_path / f"page{index:02}.html"
        path.write_text(html)
        names[path.name] = name

    errors = nu_errors(checker, tmp_path)

    report = [
        f"{names.get(Path(error.get('url', '')).name)}, line {error.get('lastLine')}: "
        f"{error['message']}"
        for error in errors
    ]
    assert report == [], "\n".join(report)


def test_the_standalone_pages_have_neutral_titles(alice, alice_client):
    pages = _pages(alice, alice_client)

    titles = {
        name: re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1).strip()
        for name, html in pages.items()
    }
    assert titles["print page"] == "Journal summary"
    assert titles["shared summary"] == "Journal summary"
    assert titles["shared not found"] == "Link not available"
