"""Every chart image on the dashboard and the insights page says its size (the SVG's
own proportions), and the charts below the first one load lazily. The page does not
draw a chart to learn its size: it reads the drawn SVG from the cache, or the size of
the last one drawn for those dates."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from checkins.services import checkin_create
from entries import services
from insights import chart_sections
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


def _visit(client, page: str) -> list[dict[str, str | None]]:
    """The page's chart images, after the browser fetched them (which draws them)."""
    url = reverse(page) + "?range=all"
    for image in _chart_images(client.get(url)):
        client.get(image["src"])
    return _chart_images(client.get(url))


def _assert_sized_as_drawn(client, images) -> None:
    assert len(images) >= 2
    for image in images:
        width, height = int(image["width"]), int(image["height"])
        box_width, box_height = _view_box(client, image["src"])
        assert width == round(box_width * 4 / 3)
        assert abs(width / height - box_width / box_height) < 0.01


@pytest.mark.parametrize("page", ["insights:dashboard", "insights:overview"])
def test_every_chart_image_has_the_width_and_height_of_its_svg(alice_client, journal, page):
    _assert_sized_as_drawn(alice_client, _visit(alice_client, page))


@pytest.mark.parametrize("page", ["insights:dashboard", "insights:overview"])
def test_right_after_a_new_entry_the_images_have_the_last_size_drawn(
    alice_client, alice, journal, page
):
    _visit(alice_client, page)
    services.entry_create(user=alice, occurred_at=timezone.now(), sadness=2, pain=6)

    images = _chart_images(alice_client.get(reverse(page) + "?range=all"))

    assert len(images) >= 2
    assert all(image.get("width") and image.get("height") for image in images)
    # Once the new images are drawn, the sizes are theirs (the shape may have changed).
    _assert_sized_as_drawn(alice_client, _visit(alice_client, page))


def test_the_dashboard_loads_its_first_chart_at_once_and_the_others_lazily(alice_client, journal):
    images = _visit(alice_client, "insights:dashboard")

    assert "loading" not in images[0]
    assert [image.get("loading") for image in images[1:]] == ["lazy"] * (len(images) - 1)


def test_the_insights_page_loads_its_charts_lazily(alice_client, journal):
    images = _visit(alice_client, "insights:overview")

    assert {image.get("loading") for image in images} == {"lazy"}


def test_a_section_whose_image_was_never_fetched_is_not_rendered_again(
    alice_client, journal, monkeypatch
):
    url = reverse("insights:dashboard") + "?range=all"
    alice_client.get(url)  # no image fetched: a lazy chart that was never scrolled to
    rendered = []
    original = chart_sections.render_to_string

    def counting(*args, **kwargs):
        rendered.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(chart_sections, "render_to_string", counting)

    alice_client.get(url)

    assert rendered == []
