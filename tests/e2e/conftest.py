"""Browser tests drive Debian's Chromium through Playwright (docs/development.md).

They run whenever Chromium is found, and must run (a missing browser fails instead of
skipping) when E2E_REQUIRED=1, which .ci/run sets.
"""

import os
import shutil
from urllib.parse import urlsplit

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Seconds a browser journey may take; each takes under a minute even on a busy machine.
# Some Playwright calls (evaluate, above all) have no timeout of their own, and once a
# journey waited on one for over an hour.
JOURNEY_TIMEOUT = 300


def pytest_collection_modifyitems(items):
    for item in items:
        if item.get_closest_marker("e2e") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(JOURNEY_TIMEOUT))


def _chromium_path() -> str | None:
    path = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    return path if os.path.exists(path) else shutil.which("chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = _chromium_path()
    if path is None:
        message = "Chromium not found; install it (apt-get install chromium) or set CHROMIUM_PATH."
        if os.environ.get("E2E_REQUIRED") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_ARGS}


class BrowserWatch:
    """Collects what must never happen in a journey: requests leaving this machine,
    console errors and Content-Security-Policy violations."""

    def __init__(self):
        self.external_requests: list[str] = []
        self.console_errors: list[str] = []

    def attach(self, context):
        context.route("**/*", self._route)
        context.on("console", self._console)
        context.on("weberror", lambda error: self.console_errors.append(str(error.error)))

    def _route(self, route):
        url = route.request.url
        host = urlsplit(url).hostname
        if url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            self.external_requests.append(url)
            route.abort()

    def _console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)

    def assert_clean(self):
        assert self.external_requests == [], "requests left 127.0.0.1"
        assert self.console_errors == [], "console errors or CSP violations"


def _open_page(browser, viewport, color_scheme="light"):
    context = browser.new_context(viewport=viewport, color_scheme=color_scheme)
    watch = BrowserWatch()
    watch.attach(context)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page, watch


@pytest.fixture
def phone(browser):
    context, page, watch = _open_page(browser, PHONE)
    yield page, watch
    context.close()
    watch.assert_clean()


@pytest.fixture
def desktop(browser):
    context, page, watch = _open_page(browser, DESKTOP)
    yield page, watch
    context.close()
    watch.assert_clean()
