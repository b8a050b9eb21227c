"""On a phone: give a partner the guide (and its PDF), find a day in the calendar and
open its entries, and make a share link to show as a QR code. axe-core checks each new
page in light and dark mode."""

import datetime as dt
import io
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.e2e.journey_support import (
    assert_accessible,
    assert_touch_targets,
    log_in_as,
    open_more_menu,
)
from tests.factories import PASSWORD, EntryFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def alice(db):
    return UserFactory(username="alice")


def _downloaded_pdf_text(page, link_name: str) -> tuple[str, str]:
    with page.expect_download() as download:
        page.get_by_role("link", name=link_name).click()
    reader = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = " ".join(pdf_page.extract_text() for pdf_page in reader.pages)
    return download.value.suggested_filename, text


def test_a_person_prepares_the_guide_for_their_partner(live_server, phone, alice):
    page, _watch = phone
    for helped in (4, 4, 3, 1):
        EntryFactory(user=alice, coping=["time_alone"], coping_helped=helped)
    log_in_as(page, live_server, alice)
    page.goto(f"{live_server.url}/entries/")

    open_more_menu(page)
    page.get_by_role("link", name="Guide for a partner").locator("visible=true").click()
    expect(page.get_by_role("heading", name="A guide for your partner")).to_be_visible()
    expect(page.get_by_text("Time alone")).to_have_count(0)  # nothing from the journal yet
    assert_accessible(page)

    page.get_by_label("Some space").check()
    page.get_by_label("What would you rather a partner avoided?").fill("asking why straight away")
    page.get_by_label("Show what has helped me, from my entries").check()
    page.get_by_role("button", name="Save choices").click()

    expect(page.get_by_text("Your choices are saved.")).to_be_visible()
    expect(page.get_by_text("Time alone: helped a lot, 3 times out of 4.")).to_be_visible()
    expect(page.get_by_text("Some space: a little time on my own")).to_be_visible()
    assert_accessible(page)
    name, text = _downloaded_pdf_text(page, "Download the PDF")
    assert name.startswith("partner-guide-") and name.endswith(".pdf")
    assert "Time alone: helped a lot, 3 times out of 4" in text
    assert "asking why straight away" in text


def test_a_person_taps_a_day_in_the_calendar_and_sees_its_entries(live_server, phone, alice):
    page, watch = phone
    today = timezone.localdate()
    noon = timezone.make_aware(dt.datetime.combine(today, dt.time(12)))
    EntryFactory(user=alice, occurred_at=noon, sadness=3)
    EntryFactory(user=alice, occurred_at=noon + dt.timedelta(minutes=30))
    EntryFactory(user=alice, occurred_at=noon - dt.timedelta(days=40))
    log_in_as(page, live_server, alice)
    # The dashboard's first visit works out its charts and insights: slow on a busy machine.
    page.goto(live_server.url, timeout=30_000)

    page.get_by_role("link", name="Calendar", exact=True).locator("visible=true").first.click()
    table = page.get_by_role("table", name=f"{today:%B %Y}")
    expect(table).to_be_visible()
    assert assert_touch_targets(page.locator("main")) >= 3  # the day, both months around
    assert_accessible(page)
    day = table.get_by_role("link", name=re.compile(r": 2 entries, 1 episode$"))
    expect(day).to_contain_text("◆")
    day.focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Your entries")).to_be_visible()
    expect(page.get_by_text("2 entries match these filters.")).to_be_visible()
    assert page.url.endswith(f"?date={today:%Y-%m-%d}")

    response = page.goto(f"{live_server.url}/calendar/?month=2026-13")
    assert response.status == 400
    expect(page.get_by_role("alert")).to_contain_text("That month cannot be shown.")
    assert_accessible(page)
    # Chromium notes the page's own 400 on the console; nothing else may go wrong.
    assert len(watch.console_errors) == 1 and "400" in watch.console_errors.pop()


def test_a_person_makes_a_share_link_and_shows_its_qr_code(live_server, phone, alice):
    page, _watch = phone
    # A phone with a share sheet: the button hands the link to it.
    page.add_init_script(
        "navigator.share = (data) => { window.sharedData = data; return Promise.resolve(); };"
    )
    EntryFactory(user=alice, sadness=3)
    log_in_as(page, live_server, alice)
    page.goto(f"{live_server.url}/export/")

    page.get_by_role("button", name="Create a share link…").click()
    expect(page).to_have_title(re.compile(r"^(Create a share link|Confirm it is you) ·"))
    if page.title().startswith("Confirm"):
        page.locator("#id_password").fill(PASSWORD)
        page.get_by_role("button", name="Confirm").click()
    page.get_by_role("button", name="Create the link").click()

    expect(page).to_have_title("Share link created · PCT Journal")
    qr = page.get_by_role("img", name="QR code of the share link")
    expect(qr).to_be_visible()
    box = qr.bounding_box()
    assert box["width"] >= 150 and box["height"] >= 150
    assert_accessible(page)
    url = page.locator("#share-url").input_value()
    page.get_by_role("button", name="Share…").click()
    assert page.evaluate("() => window.sharedData.url") == url

    page.goto(url)  # the owner's own look: not counted as an opening
    name, text = _downloaded_pdf_text(page, "Download PDF")
    assert name.endswith(".pdf")
    assert "Feelings after sex: what the journal shows" in text
