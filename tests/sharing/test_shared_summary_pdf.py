"""The PDF a share link offers (sharing:view_pdf): the same frozen summary as the page,
and the same 404 when the link opens nothing."""

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from sharing.models import ShareLink, ShareLinkView
from sharing.services import share_link_create, share_link_revoke
from tests.factories import EntryFactory, PartnerFactory
from tests.sharing.march import march_options

pytestmark = pytest.mark.django_db


@pytest.fixture
def link(alice):
    sam = PartnerFactory(user=alice, nickname="Samwise")
    for day in range(1, 8):
        EntryFactory(
            user=alice,
            occurred_at=dt.datetime(2026, 3, day, 21, tzinfo=dt.UTC),
            sadness=3 if day < 3 else 0,
            partner=sam,
        )
    options = march_options(partners=False)
    return share_link_create(user=alice, options=options, days=14)


def _pdf(client, token):
    return client.get(reverse("sharing:view_pdf", args=[token]))


def _text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(page.extract_text() for page in reader.pages)


def test_it_gives_the_summary_as_a_pdf_for_a_valid_link(client, link):
    _link, token = link

    response = _pdf(client, token)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    text = _text(response)
    assert "1 Mar 2026 – 31 Mar 2026" in text
    assert "Samwise" not in text  # partners were left out when the link was made


def _entries_counted(text: str) -> str:
    match = re.search(r"Episodes followed \d+ of (\d+) logged experiences", text)
    assert match, text
    return match[1]


def test_it_uses_the_frozen_summary_not_entries_added_later(alice, client, link):
    _link, token = link
    EntryFactory(user=alice, occurred_at=dt.datetime(2026, 3, 20, 21, tzinfo=dt.UTC))

    assert _entries_counted(_text(_pdf(client, token))) == "7"


def test_the_shared_page_links_to_its_pdf(client, link):
    _link, token = link

    page = client.get(reverse("sharing:view", args=[token])).content.decode()

    assert f'href="{reverse("sharing:view_pdf", args=[token])}"' in page


def test_a_download_counts_as_an_opening(client, link):
    link_obj, token = link

    _pdf(client, token)

    assert ShareLinkView.objects.filter(link=link_obj).count() == 1


def test_a_revoked_link_gives_404(client, link):
    link_obj, token = link
    share_link_revoke(link=link_obj)

    response = _pdf(client, token)

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_an_expired_link_gives_404(client, link):
    link_obj, token = link
    ShareLink.objects.filter(pk=link_obj.pk).update(expires_at=timezone.now() - dt.timedelta(1))

    assert _pdf(client, token).status_code == 404


def test_an_unknown_token_gives_404(client, link):
    _link, token = link

    assert _pdf(client, token[:-2] + "zz").status_code == 404
    assert ShareLinkView.objects.count() == 0
