"""Handing the journal over to a therapist, on a phone and on a desktop: choose what goes
into the summary, download the PDF (and read it), create a share link, open it in a
fresh browser without logging in, end the link and see it gone. axe-core checks every
page in light and dark mode, the share page included."""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.e2e import journey_support
from tests.e2e.conftest import BrowserWatch
from tests.e2e.journey_support import assert_accessible, assert_touch_targets, follow_main_link

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

screen = journey_support.screen
PASSWORD = "a-long-demo-password"


@pytest.fixture
def demo_user():
    call_command("seed_demo", user="demo", entries=200, seed=7, password=PASSWORD, verbosity=0)


def _log_in(page, base_url: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.locator("#id_login").fill("demo")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("heading", name="Hello, demo")).to_be_visible()


def _open_export_page(page) -> None:
    follow_main_link(page, "Export")
    expect(page).to_have_title("Summary for a therapist · PCT Journal")
    expect(page.get_by_role("heading", name="Preview")).to_be_visible()
    assert_accessible(page)


def _pdf_text(page) -> str:
    with page.expect_download() as download:
        page.get_by_role("button", name="Download PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
    reader = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    assert 1 <= len(reader.pages) <= 3  # one to three pages, as a therapist expects
    return " ".join(page.extract_text() for page in reader.pages)


def _create_share_link(page) -> str:
    page.get_by_role("button", name="Create a share link…").click()
    # Creating a link asks to confirm the password when the last login is not recent.
    expect(page).to_have_title(re.compile(r"^(Create a share link|Confirm it is you) ·"))
    if page.title().startswith("Confirm"):
        assert_accessible(page)
        page.locator("#id_password").fill(PASSWORD)
        page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_title("Create a share link · PCT Journal")
    assert_accessible(page)
    page.get_by_role("button", name="Create the link").click()
    expect(page).to_have_title("Share link created · PCT Journal")
    assert_accessible(page)
    return page.locator("#share-url").input_value()


def _open_as_a_therapist(browser, url: str, *, expect_status: int) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    watch = BrowserWatch()
    watch.attach(context)
    failed = []
    context.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    therapist = context.new_page()
    response = therapist.goto(url)
    assert response.status == expect_status
    if expect_status == 200:
        expect(therapist.get_by_role("heading", level=1)).to_have_text(
            "Feelings after sex: what the journal shows"
        )
        expect(therapist.get_by_text("Shared with you, read-only")).to_be_visible()
        expect(therapist.get_by_role("link", name="Back to the options")).to_have_count(0)
    else:
        expect(therapist.get_by_role("heading", name="This link is not available")).to_be_visible()
    assert_accessible(therapist)
    context.close()
    if expect_status == 404:
        # Chromium reports the page's own 404 on the console; nothing else may fail.
        assert failed == [url]
        assert len(watch.console_errors) == 1
        assert "status of 404" in watch.console_errors.pop()
    assert failed == [] or expect_status == 404
    watch.assert_clean()


def test_a_person_hands_a_summary_to_their_therapist(live_server, screen, demo_user, browser):
    page, _watch = screen
    _log_in(page, live_server.url)

    _open_export_page(page)
    page.get_by_role("navigation", name="Period shown").get_by_role("link", name="All").click()
    expect(page.get_by_role("heading", name="Preview")).to_be_visible()
    text = _pdf_text(page)
    assert "Feelings after sex: what the journal shows" in text
    assert re.search(r"200\s+entries", text)
    assert "Alex" not in text  # partner nicknames stay out unless chosen

    url = _create_share_link(page)
    assert url.startswith(live_server.url + "/s/")
    _open_as_a_therapist(browser, url, expect_status=200)

    page.get_by_role("link", name="Done").click()
    expect(page).to_have_title("Share links · PCT Journal")
    expect(page.locator("main")).to_contain_text("Opened 1 time")
    assert_accessible(page)
    assert assert_touch_targets(page.locator("main ul.list-unstyled")) == 1  # End this link
    page.get_by_role("link", name=re.compile("^End this link")).click()
    expect(page).to_have_title("End share link · PCT Journal")
    assert_accessible(page)
    page.get_by_role("button", name="End the link").click()
    expect(page.get_by_role("status")).to_contain_text("The link is ended")
    expect(page.locator("main")).to_contain_text("Ended")

    _open_as_a_therapist(browser, url, expect_status=404)
