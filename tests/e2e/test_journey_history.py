"""A person with six months of history (the seeded demo journal) looks at what it shows,
on a phone and on a desktop: the dashboard's charts, the ranked insight cards, the period
picker and "Show as table". axe-core checks every page in light and dark mode."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from tests.e2e import journey_support
from tests.e2e.journey_support import assert_accessible, assert_touch_targets, log_in_as

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

screen = journey_support.screen
SUMMARY = re.compile(r"(\d+) of your (\d+) entr(?:y|ies)")


@pytest.fixture
def demo_user():
    call_command("seed_demo", user="demo", entries=200, seed=7, password="a-long-demo-password")
    return get_user_model().objects.get(username="demo")


class ChartResponses:
    """Every chart image the browser fetched, with its status and content type."""

    def __init__(self, page):
        self.seen: list[tuple[str, int, str]] = []
        page.on("response", self._record)

    def _record(self, response):
        if "/insights/charts/" in response.url:
            self.seen.append((response.url, response.status, response.headers["content-type"]))


def _assert_charts_loaded(page, charts: ChartResponses, count: int) -> None:
    images = page.locator("img.chart-image")
    expect(images).to_have_count(count)
    for index in range(count):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        expect(image).to_have_js_property("complete", True)
        assert image.evaluate("img => img.naturalWidth") > 0
    served = {url: (status, kind) for url, status, kind in charts.seen}
    for index in range(count):
        src = images.nth(index).evaluate("img => img.src")
        assert served[src] == (200, "image/svg+xml"), src


def _summary_numbers(page) -> tuple[int, int]:
    text = page.locator("#h-summary").locator("xpath=..").inner_text()
    match = SUMMARY.search(text)
    assert match, text
    return int(match[1]), int(match[2])


def _show_as_table(page, chart_title: str) -> None:
    chart = page.locator("section.chart", has_text=chart_title)
    table = chart.get_by_role("table")
    expect(table).to_be_hidden()
    chart.get_by_text("Show as table").click()
    expect(table).to_be_visible()
    assert table.locator("tbody tr").count() > 1
    expect(table.locator("thead")).not_to_be_empty()


def _assert_ranked_as_in_the_report(page, cards, report_url: str) -> None:
    """The cards are the JSON report's categories for the same period, in its order,
    each with the same evidence level and label."""
    report = page.request.get(report_url).json()
    shown = cards.evaluate_all(
        """cards => cards.map(card => ({
          id: card.id,
          evidence: [...card.querySelector('.evidence-badge').classList]
            .find(name => name.startsWith('evidence-') && name !== 'evidence-badge'),
          title: card.querySelector('summary').textContent,
        }))"""
    )
    expected = [
        {"id": f"category-{c['key']}", "evidence": f"evidence-{c['evidence']}"}
        for c in report["categories"]
    ]
    assert [{"id": card["id"], "evidence": card["evidence"]} for card in shown] == expected
    for card, category in zip(shown, report["categories"], strict=True):
        assert category["label"] in card["title"], card["id"]


def test_a_person_with_history_sees_charts_insights_and_tables(live_server, screen, demo_user):
    page, _watch = screen
    charts = ChartResponses(page)
    log_in_as(page, live_server, demo_user)

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="Hello, demo")).to_be_visible()
    expect(page.get_by_role("heading", name="What went together with episodes")).to_be_visible()
    _assert_charts_loaded(page, charts, count=2)
    trend = page.locator("section.chart", has_text="Entries and episodes over time")
    ninety_days = trend.locator("figcaption").inner_text()
    assert_accessible(page)

    page.get_by_role("navigation", name="Period shown").get_by_role("link", name="30 days").click()
    expect(page).to_have_url(re.compile(r"\?range=30d$"))
    expect(trend.locator("figcaption")).not_to_have_text(ninety_days)
    _assert_charts_loaded(page, charts, count=2)
    _show_as_table(page, "Entries and episodes over time")
    assert_accessible(page)  # with the table open

    page.get_by_role("link", name=re.compile(r"^See every insight")).click()
    expect(page).to_have_title("Insights · PCT Journal")
    last_30_days = _summary_numbers(page)
    page.get_by_role("navigation", name="Period shown").get_by_role("link", name="All").click()
    expect(page).to_have_url(re.compile(r"\?range=all$"))
    assert _summary_numbers(page) == (50, 200)
    assert last_30_days[1] < 200

    cards = page.locator("section[aria-labelledby=h-categories] details.insight-card")
    expect(cards).to_have_count(7)
    _assert_ranked_as_in_the_report(
        page, cards, live_server.url + "/insights/report.json?range=all"
    )
    expect(cards.first).to_contain_text("Physical pain")
    expect(cards.first).to_contain_text("Clear pattern")
    expect(cards.first).to_contain_text(re.compile(r"Episodes followed \d+ of \d+ entries"))
    expect(cards.first.locator(".factor-plain").first).to_contain_text(
        re.compile(r"^Of 100 entries like these, about \d+ were followed by an episode")
    )
    how_to_read = page.locator("#how-to-read")
    how_to_read.locator("summary").click()
    expect(how_to_read).to_contain_text("it might be chance; keep logging")
    _assert_charts_loaded(page, charts, count=page.locator("img.chart-image").count())
    _show_as_table(page, "Episode rate with and without each factor")
    assert_accessible(page)  # with "How to read these cards" and the table open

    page.goto(live_server.url + "/entries/?episodes=on")
    assert assert_touch_targets(page.locator("nav[aria-label=Pages]")) == 1  # "Older"
    assert assert_touch_targets(page.locator("form", has_text="Apply")) == 3
    page.go_back()

    page.get_by_role("navigation", name="Period shown").get_by_text("Custom dates").click()
    page.get_by_label("From", exact=True).fill("2000-01-01")
    page.get_by_label("To", exact=True).fill("2000-12-31")
    page.get_by_role("button", name="Show these dates").click()
    expect(page.locator(".empty-state")).to_contain_text("No entries in this period yet")
    assert_accessible(page)
