"""Simulated people using their journals, for `run.py` (locust, headless).

Each simulated person logs in as their own account (`load01`, `load02`, ... from
prepare.py) through the real login form, then, with a think time of LOADTEST_WAIT_MIN to
LOADTEST_WAIT_MAX seconds between page visits, opens (weights in brackets):

- the dashboard [20], with its two chart images;
- the entries list [12], now and then a later page;
- the insights page [8], with its chart images;
- report.json [4];
- one chart for another period [2] (what the period picker does);
- the log form [1]: GET it, POST an entry (a calm one, or now and then an episode), and
  follow the redirect to the list, as a browser would.

So one visit in 47 logs an entry: about one entry a second from 50 people, 3,600 an
hour, the traffic of a service with many thousands of people in a busy hour, where
page views far outnumber entries. Every entry still makes that person's charts and
insights be worked out again on their next visits (each write bumps the data version),
which is the most expensive thing the server does. LOADTEST_MIX changes the weights,
e.g. `log=2` for twice the writes.

The measurement window opens only once every person has logged in (password hashing
on purpose costs about half a second of CPU per login) and opened the dashboard and the
insights page once (a returning visitor, whose charts were drawn on an earlier visit),
then lasts LOADTEST_SECONDS; statistics from before it are reset. Every entry logged in
the window makes that person's charts and insights be drawn again, as in real use.

FastHttpUser (geventhttpclient) keeps the load generator's own CPU use low on this
2-core machine; run.py reports how much it used.
"""

import html
import itertools
import os
import random
import re
import sys
import urllib.parse
from pathlib import Path

import gevent
from locust import FastHttpUser, between, events, task

sys.path.insert(0, str(Path(__file__).resolve().parent))
from prepare import PASSWORD, USERNAME_FORMAT

USERS = int(os.environ.get("LOADTEST_USERS", "50"))
MEASURE_SECONDS = float(os.environ.get("LOADTEST_SECONDS", "60"))
WAIT_MIN = float(os.environ.get("LOADTEST_WAIT_MIN", "0.5"))
WAIT_MAX = float(os.environ.get("LOADTEST_WAIT_MAX", "1.5"))
# How often each visit is picked, as "name=weight,..." (LOADTEST_MIX overrides any).
DEFAULT_MIX = {"dashboard": 20, "entries": 12, "insights": 8, "report": 4, "period": 2, "log": 1}
MIX = DEFAULT_MIX | {
    name: int(weight)
    for name, _, weight in (
        part.partition("=") for part in os.environ.get("LOADTEST_MIX", "").split(",") if part
    )
}
# run.py watches for this file to start counting the server's CPU time.
WINDOW_FILE = os.environ.get("LOADTEST_WINDOW_FILE")
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
OCCURRED_AT = re.compile(r'<input[^>]*name="occurred_at"[^>]*value="([^"]+)"')
CHART_SRC = re.compile(r'src="(/insights/charts/[^"]+)"')
CHART_NAMES = ("trend", "emotions", "factors", "calendar", "checkins")
PERIODS = ("30d", "90d", "365d", "all")

_numbers = itertools.count(1)
_ready = 0


def _all_logged_in(environment) -> None:
    """Opens the measurement window: forget the logins, stop after MEASURE_SECONDS."""
    environment.runner.stats.reset_all()
    if WINDOW_FILE:
        Path(WINDOW_FILE).write_text("open")
    print(f"all {USERS} users logged in; measuring for {MEASURE_SECONDS:g} s", flush=True)
    gevent.spawn_later(MEASURE_SECONDS, environment.runner.quit)


@events.init.add_listener
def _check_options(environment, **kwargs) -> None:
    users = environment.parsed_options.num_users if environment.parsed_options else USERS
    if users != USERS:
        raise SystemExit(f"-u {users} differs from LOADTEST_USERS={USERS}")


def _entry_form_data(token: str, rng: random.Random) -> str:
    episode = rng.random() < 0.2
    feeling = str(rng.choice((2, 3))) if episode else "0"
    fields = {
        "csrfmiddlewaretoken": token,
        "sadness": feeling,
        "irritation": "0",
        "agitation": "0",
        "anxiety_after": str(rng.choice((0, 1))),
        "activity": "partnered",
        "stress": str(rng.choice((0, 0, 1, 2))),
        "low_mood": "0",
        "performance_anxiety": "0",
        "felt_vulnerable": "0",
        "relationship_tension": "0",
        "pain": str(rng.choice((0, 0, 0, 5))),
    }
    return fields


class JournalUser(FastHttpUser):
    wait_time = between(WAIT_MIN, WAIT_MAX)
    # Each person's own connection; a few at once, as a browser fetching images does.
    concurrency = 4

    def on_start(self) -> None:
        global _ready
        number = next(_numbers)
        self.rng = random.Random(number)
        # Every person comes from an address of their own, as they would through the
        # reverse proxy (the server trusts 127.0.0.1 as one: DJANGO_TRUSTED_PROXIES),
        # so the per-address login rate limit sees 50 people, not one. Only a header:
        # every connection goes to 127.0.0.1.
        self.headers = {"X-Forwarded-For": f"127.1.{number // 250}.{number % 250 + 1}"}
        self._log_in(USERNAME_FORMAT.format(number))
        # Someone who has used the app before: their charts and insights are in the cache
        # (drawn on an earlier visit). The first drawing of everything after a cold start
        # is what bench_charts.py and bench_large_user.py time.
        self.dashboard()
        self.insights()
        _ready += 1
        if _ready == USERS:
            _all_logged_in(self.environment)

    def _get(self, url: str, name: str, *, expect=(200,), headers=None):
        with self.client.get(
            url,
            name=name,
            headers={**self.headers, **(headers or {})},
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code not in expect:
                response.failure(f"{url} answered {response.status_code}")
            return response

    def _post(self, url: str, name: str, data: dict, *, expect=302):
        body = urllib.parse.urlencode(data, doseq=True)
        headers = {**self.headers, "Content-Type": "application/x-www-form-urlencoded"}
        with self.client.post(
            url, data=body, name=name, headers=headers, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != expect:
                response.failure(f"POST {url} answered {response.status_code}")
            return response

    def _token(self, response) -> str:
        match = CSRF_TOKEN.search(response.text or "")
        if not match:
            raise RuntimeError("no CSRF token in the form")
        return match.group(1)

    def _log_in(self, username: str) -> None:
        form = self._get("/accounts/login/", "login form")
        data = {"csrfmiddlewaretoken": self._token(form), "login": username, "password": PASSWORD}
        response = self._post("/accounts/login/", "login", data)
        if response.status_code != 302:
            raise RuntimeError(f"{username} could not log in ({response.status_code})")

    def _images(self, page) -> None:
        """The chart images a page shows. They are no-store, like every page, so a
        browser fetches them again each time (the server answers from its cache)."""
        for src in CHART_SRC.findall(page.text or ""):
            self._get(html.unescape(src), "chart image on a page")

    @task(MIX["dashboard"])
    def dashboard(self) -> None:
        self._images(self._get("/", "dashboard"))

    @task(MIX["entries"])
    def entries_list(self) -> None:
        page = self.rng.choice((1, 1, 1, 2, 5))
        self._get(f"/entries/?page={page}" if page > 1 else "/entries/", "entries list")

    @task(MIX["log"])
    def log_an_entry(self) -> None:
        form = self._get("/entries/new/", "log form")
        data = _entry_form_data(self._token(form), self.rng)
        # The form's own default: now, in the person's time zone (Europe/London).
        match = OCCURRED_AT.search(form.text or "")
        data["occurred_at"] = match.group(1) if match else ""
        self._post("/entries/new/", "log form POST", data)
        self._get("/entries/", "entries list after saving")

    @task(MIX["insights"])
    def insights(self) -> None:
        self._images(self._get("/insights/", "insights overview"))

    @task(MIX["period"])
    def chart_for_another_period(self) -> None:
        name, period = self.rng.choice(CHART_NAMES), self.rng.choice(PERIODS)
        self._get(f"/insights/charts/{name}.svg?range={period}", "chart, picked period")

    @task(MIX["report"])
    def report_json(self) -> None:
        self._get("/insights/report.json", "report.json")
