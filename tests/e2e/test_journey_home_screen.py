"""Adding the journal to a phone's home screen: the page links a web-app manifest that is
valid JSON, names the app neutrally and lists icons that load at the sizes it claims."""

import io
import json

import pytest
from PIL import Image
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_web_app_manifest_is_served_with_icons_that_load(live_server, phone):
    page, _watch = phone
    page.goto(f"{live_server.url}/accounts/login/")
    link = page.locator("link[rel=manifest]")
    expect(link).to_have_count(1)

    response = page.request.get(link.evaluate("link => link.href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/manifest+json"
    manifest = json.loads(response.text())

    assert manifest["name"] == manifest["short_name"] == "Journal"  # neutral on a home screen
    assert (manifest["start_url"], manifest["display"]) == ("/", "standalone")
    sizes = set()
    for icon in manifest["icons"]:
        image = page.request.get(live_server.url + icon["src"])
        assert image.status == 200, icon["src"]
        assert image.headers["content-type"] == icon["type"], icon["src"]
        if icon["type"] == "image/png":
            width, height = Image.open(io.BytesIO(image.body())).size
            assert f"{width}x{height}" == icon["sizes"], icon["src"]
            sizes.add(icon["sizes"])
    assert {"192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    for selector in ("link[rel=icon]", "link[rel=apple-touch-icon]"):
        href = page.locator(selector).evaluate("link => link.href")
        assert page.request.get(href).status == 200, selector
