"""Save PNG screenshots of every main page for the demo account (and the sign-in pages and
a new account's empty pages), on a phone and a desktop screen, in light and dark mode,
and print the folder they are in.

    make screenshots            # or: .venv/bin/python scripts/screenshots.py [--out DIR]

The app runs from a throwaway data folder (its own SQLite database and keys) on a free
port of 127.0.0.1, with the demo journal (`seed_demo`), a few check-ins and share links,
and a second account with nothing in it (the empty states), so nothing in var/ is
touched. Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
"""

import argparse
import datetime as dt
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
USERNAME = "demo"
PASSWORD = "a-calm-demo-password-7"  # noqa: S105  (a throwaway demo account)
NEWCOMER = "newcomer"  # a second account with nothing in it yet, for the empty states
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
SCHEMES = ("light", "dark")
# (file name, path); "{entry}" is the newest entry. Pages that do not exist yet are skipped.
# A name ending in "-open" is shot with every folded part (<details>) opened.
PAGES = [
    ("dashboard", "/"),
    ("log-form", "/entries/new/"),
    ("log-form-open", "/entries/new/"),
    ("entries", "/entries/"),
    ("entries-filter-open", "/entries/"),
    ("entry-detail", "/entries/{entry}/"),
    ("entry-edit-open", "/entries/{entry}/edit/"),
    ("insights", "/insights/"),
    ("export", "/export/"),
    ("share-links", "/share/"),
    ("checkins", "/checkins/"),
    ("settings", "/settings/"),
    ("security-log", "/settings/security-log/"),
    ("partners", "/partners/"),
    ("factors", "/tags/"),
    ("calendar", "/calendar/"),
    ("partner-guide", "/guide/"),
    ("support", "/checkins/support/"),
    ("passkeys", "/accounts/2fa/webauthn/"),
]
# Before logging in.
ENTRANCE_PAGES = [
    ("login", "/accounts/login/"),
    ("signup", "/accounts/signup/"),
    ("privacy", "/privacy/"),
    ("offline-log-form", "/offline/log/"),
]
# A new account's first look: every page says what to do next.
EMPTY_PAGES = [
    ("empty-dashboard", "/"),
    ("empty-entries", "/entries/"),
    ("empty-insights", "/insights/"),
    ("empty-export", "/export/"),
]
OPEN_EVERY_DETAILS = "document.querySelectorAll('details').forEach((d) => { d.open = true; })"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Run by `manage.py shell` after seed_demo: check-ins, share links (one opened, one
# expired, one ended) and the empty account; prints the newest entry's id.
EXTRAS_SCRIPT = f"""
import datetime as dt
from django.contrib.auth import get_user_model
from django.utils import timezone
from accounts.services import preferences_for
from checkins.services import checkin_create
from entries.models import Entry
from insights.ranges import selected_range
from insights.summary.options import SummaryOptions
from sharing.services import share_link_create, share_link_view_record

User = get_user_model()
user = User.objects.get(username={USERNAME!r})
preferences = preferences_for(user)
preferences.checkins_enabled = True
preferences.save()
now = timezone.now()
for weeks, level in ((16, 2), (12, 2), (8, 1), (4, 1), (1, 0)):
    when = now - dt.timedelta(weeks=weeks)
    checkin_create(user=user, instrument="phq9", answers=[level] * 8 + [0], taken_at=when)
    checkin_create(user=user, instrument="gad7", answers=[level] * 7, taken_at=when)
options = SummaryOptions(period=selected_range({{"range": "90d"}}, today=now.date()))
opened, _ = share_link_create(user=user, options=options, days=14, label="For Dr. Rivera")
for hours in (50, 3):
    share_link_view_record(link=opened, now=now - dt.timedelta(hours=hours))
share_link_create(user=user, options=options, days=1, now=now - dt.timedelta(days=20))
ended, _ = share_link_create(user=user, options=options, days=14, now=now - dt.timedelta(days=9))
ended.revoked_at = now - dt.timedelta(days=2)
ended.save()
newcomer = User.objects.create_user({NEWCOMER!r}, password={PASSWORD!r})
preferences_for(newcomer)
print(Entry.objects.filter(user=user).order_by("-occurred_at").first().pk)
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _seed(env: dict[str, str]) -> str:
    """Migrate the throwaway database, fill the demo journal and return its newest entry id."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    # Our own interpreter and manage.py with fixed arguments.
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        [*manage, "seed_demo", "--user", USERNAME, "--password", PASSWORD],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    done = subprocess.run(  # noqa: S603
        [*manage, "shell", "-c", EXTRAS_SCRIPT], env=env, check=True, capture_output=True, text=True
    )
    return done.stdout.strip().splitlines()[-1]


def _wait_until_up(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("The app did not start; see the messages above.")
        try:
            # Our own server on 127.0.0.1 (an http: URL built above).
            urllib.request.urlopen(url, timeout=1)  # noqa: S310  # nosec B310
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"The app did not answer at {url} within 30 seconds.")


def _log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.locator("#id_login").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    page.wait_for_url(f"{base}/")


def _screenshot_whole_page(page, viewport: dict, path: Path) -> None:
    # A "full page" screenshot leaves fixed elements (the phone tab bar) where the first
    # screen ends; a window as tall as the page shows them where a person sees them.
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": viewport["width"], "height": max(height, viewport["height"])})
    page.screenshot(path=path)
    page.set_viewport_size(viewport)


def _shoot_pages(page, base, pages, entry, suffix, out, saved, missing) -> None:
    viewport = page.viewport_size
    for name, path in pages:
        response = page.goto(base + path.format(entry=entry))
        if response is None or response.status == 404:
            missing.add(name)
            continue
        page.wait_for_load_state("networkidle")
        if name.endswith("-open"):
            page.evaluate(OPEN_EVERY_DETAILS)
        file_name = f"{name}-{suffix}.png"
        _screenshot_whole_page(page, viewport, out / file_name)
        saved.append(file_name)


def _shoot(browser, base: str, entry: str, out: Path) -> list[str]:
    saved, missing = [], set()
    for viewport_name, viewport in VIEWPORTS.items():
        for scheme in SCHEMES:
            suffix = f"{viewport_name}-{scheme}"
            for username, pages in ((USERNAME, PAGES), (NEWCOMER, EMPTY_PAGES)):
                context = browser.new_context(viewport=viewport, color_scheme=scheme)
                page = context.new_page()
                if username == USERNAME:
                    _shoot_pages(page, base, ENTRANCE_PAGES, entry, suffix, out, saved, missing)
                _log_in(page, base, username)
                _shoot_pages(page, base, pages, entry, suffix, out, saved, missing)
                context.close()
    for name in sorted(missing):
        print(f"Skipped {name}: the page does not exist (404).")
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "screenshots")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not os.path.exists(chromium):
        raise SystemExit(f"Chromium not found at {chromium}; set CHROMIUM_PATH.")
    out = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="pct-screenshots-") as var_dir:
        env = {
            **os.environ,
            "DJANGO_VAR_DIR": var_dir,
            "DJANGO_DEBUG": "True",
            "DATABASE_URL": f"sqlite:///{var_dir}/db.sqlite3",
        }
        started = dt.datetime.now()
        entry = _seed(env)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        runserver = ["runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"]
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, str(ROOT / "manage.py"), *runserver],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_until_up(f"{base}/accounts/login/", server)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
                saved = _shoot(browser, base, entry, out)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    seconds = (dt.datetime.now() - started).total_seconds()
    print(f"Saved {len(saved)} screenshots in {seconds:.0f} s to:")
    print(out)


if __name__ == "__main__":
    main()
