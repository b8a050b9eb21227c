"""Every chart image on the dashboard and the insights page says its size (the SVG's
own proportions), and the charts below the first one load lazily."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from checkins.services import checkin_create
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db

VIEW_BOX = re.compile(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"')


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.charts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "img" and "chart-image" in (attributes.get("class") or ""):
            self.charts.append(attributes)


def _chart_images(response) -> list[dict[str, str | None]]:
    parser = _Images()
    parser.feed(response.content.decode())
    return parser.charts


def _view_box(client, src: str) -> tuple[float, float]:
    svg = client.get(src).content.decode()
    width, height = VIEW_BOX.search(svg).groups()
    return float(width), float(height)


@pytest.fixture
def journal(alice):
    EntryFactory.create_batch(30, user=alice, sadness=3, pain=5)
    EntryFactory.create_batch(30, user=alice, sadness=0, pain=0)
    checkin_create(user=alice, instrument="gad7", answers=[1] * 7)


@pytest.mark.parametrize("page", ["insights:dashboard", "insights:overview"])
def test_every_chart_image_has_the_width_and_height_of_its_svg(alice_client, journal, page):
    images = _chart_images(alice_client.get(reverse(page) + "?range=all"))

    assert len(images) >= 2
    for image in images:
        width, height = int(image["width"]), int(image["height"])
        box_width, box_height = _view_box(alice_client, image["src"])
        assert width == round(box_width * 4 / 3)
        assert abs(width / height - box_width / box_height) < 0.01


def test_the_dashboard_loads_its_first_chart_at_once_and_the_others_lazily(alice_client, journal):
    images = _chart_images(alice_client.get(reverse("insights:dashboard") + "?range=all"))

    assert "loading" not in images[0]
    assert [image.get("loading") for image in images[1:]] == ["lazy"] * (len(images) - 1)


def test_the_insights_page_loads_its_charts_lazily(alice_client, journal):
    images = _chart_images(alice_client.get(reverse("insights:overview") + "?range=all"))

    assert {image.get("loading") for image in images} == {"lazy"}
