"""How long the charts and the dashboard take, through Django's whole stack.

    .venv/bin/python benchmarks/bench_charts.py                  # 2,000 entries
    .venv/bin/python benchmarks/bench_charts.py --entries 5000 --repeat 9

The demo journal (entries/demo_journal.py, pain planted x3) spread over four years,
with two partners, 20 custom tags and a PHQ-9 and GAD-7 about once a week, is written to
a throwaway SQLite database in a temporary directory (or BENCH_DATABASE_URL, which must
be a database you can wipe).
Every figure is a `GET` with the test client (middleware, session, selectors, charts,
template), the median of --repeat runs after one warm-up request:

- a chart *uncached*: the cache is cleared before each run, so it is drawn afresh;
- a chart *cached*: the same request again, answered from Django's cache;
- the dashboard *warm*: its charts' text and the insight are cached, as after a first
  visit; *cold* is shown for reference.

Targets: every chart under 400 ms uncached and under 20 ms cached, the warm
dashboard under 150 ms.
"""

import argparse
import os
import statistics
import time
from collections.abc import Callable

from throwaway_django import django_on_a_throwaway_database

CHARTS = ("trend", "emotions", "factors", "calendar", "checkins")
RANGES = ("90d", "all")
TAGS = [f"factor {n}" for n in range(1, 21)]
YEARS = 4


def _median_ms(action: Callable[[], object], repeat: int, before: Callable[[], object]) -> float:
    timings = []
    for _ in range(repeat):
        before()
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def _fill_account(size: int):
    from django.contrib.auth import get_user_model

    from accounts.services import preferences_for
    from entries.demo_journal import demo_journal_fill

    user = get_user_model().objects.create_user(username=f"bench{size}-{os.getpid()}")
    preferences_for(user)
    demo_journal_fill(user=user, count=size, seed=4, days=YEARS * 365, tags=TAGS)
    return user


def _get(client, url: str) -> Callable[[], object]:
    def run():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    django_on_a_throwaway_database()
    from django.core.cache import caches
    from django.test import Client
    from django.urls import reverse

    client = Client()
    user = _fill_account(args.entries)
    client.force_login(user)
    nothing = lambda: None  # noqa: E731

    started = time.perf_counter()
    _get(client, reverse("insights:chart", args=["trend"]))()
    print(
        f"{args.entries} entries over {YEARS} years, {len(TAGS)} tags, 2 partners, "
        f"{user.checkins.count()} check-ins"
    )
    print(f"first chart in a fresh process: {(time.perf_counter() - started) * 1000:.0f} ms")
    print(f"median of {args.repeat} runs, ms   uncached   cached")
    for name in CHARTS:
        for period in RANGES:
            run = _get(client, f"{reverse('insights:chart', args=[name])}?range={period}")
            run()
            uncached = _median_ms(run, args.repeat, before=caches["derived"].clear)
            cached = _median_ms(run, args.repeat, before=nothing)
            print(f"{name:>9} {period:>4}            {uncached:8.1f} {cached:8.1f}")

    dashboard = _get(client, reverse("insights:dashboard"))
    dashboard()
    cold = _median_ms(dashboard, args.repeat, before=caches["derived"].clear)
    warm = _median_ms(dashboard, args.repeat, before=nothing)
    print(f"dashboard (90 days)  cold {cold:.1f} ms, warm {warm:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
