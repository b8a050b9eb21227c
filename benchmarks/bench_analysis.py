"""How long the insights take: the pure analysis, and the report.json request end to end.

    .venv/bin/python benchmarks/bench_analysis.py            # 1,000 and 10,000 entries
    .venv/bin/python benchmarks/bench_analysis.py --sizes 1000 10000 30000 --repeat 7

Journals come from the demo generator (entries/demo.py) with 20 custom tags and two
partners. The request is timed through Django's whole stack (middleware, login,
selector, analysis, JSON) with the test client against a throwaway SQLite database in a
temporary directory (or BENCH_DATABASE_URL, which must be a database you can wipe).
Targets: analysis of 10,000 entries under 0.5 s, the request under 1 s, and
growth from 1,000 to 10,000 entries no worse than linear.
"""

import argparse
import os
import statistics
import time
from collections.abc import Callable

from throwaway_django import django_on_a_throwaway_database

TAGS = [f"factor {n}" for n in range(1, 21)]


def _median_seconds(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def _generated(count: int, seed: int = 1):
    from django.utils import timezone

    from entries.demo import generate_entries

    return generate_entries(count, seed=seed, plants={"pain": 3.0}, end=timezone.now(), tags=TAGS)


def bench_analysis(sizes: list[int], repeat: int) -> dict[int, float]:
    from insights.analysis import analyse_journal
    from insights.demo_frame import demo_journal

    results = {}
    for size in sizes:
        journal = demo_journal(_generated(size))

        def run(journal=journal):
            return analyse_journal(
                journal.entries,
                threshold=journal.threshold,
                tag_names=journal.tag_names,
                partner_names=journal.partner_names,
            )

        run()  # warm-up: imports and scipy's first calls
        results[size] = _median_seconds(run, repeat)
    return results


def _fill_account(username: str, generated) -> object:
    from django.contrib.auth import get_user_model

    from accounts.services import preferences_for
    from entries.demo_journal import demo_journal_write

    user = get_user_model().objects.create_user(username=username)
    preferences_for(user)
    demo_journal_write(user=user, entries=generated, tags=TAGS)
    return user


def bench_request(sizes: list[int], repeat: int) -> dict[int, tuple[float, float, float]]:
    """(first request, median uncached, median cached) per size. Uncached clears the
    derived cache first, so the selectors and the analysis run each time, as on the
    first visit after a new entry; cached is a revisit."""
    from django.core.cache import caches
    from django.test import Client
    from django.urls import reverse

    results = {}
    for size in sizes:
        user = _fill_account(f"bench{size}-{os.getpid()}", _generated(size))
        client = Client()
        client.force_login(user)
        url = reverse("insights:report_json")

        def run(client=client, url=url):
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            return response

        def uncached(run=run):
            caches["derived"].clear()
            return run()

        started = time.perf_counter()
        run()
        first = time.perf_counter() - started
        results[size] = (first, _median_seconds(uncached, repeat), _median_seconds(run, repeat))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    django_on_a_throwaway_database()

    print(f"{len(TAGS)} tags, 2 partners; median of {args.repeat} runs")
    analysis = bench_analysis(args.sizes, args.repeat)
    for size, seconds in analysis.items():
        print(f"analysis   {size:>6} entries: {seconds * 1000:8.1f} ms")
    request = bench_request(args.sizes, args.repeat)
    for size, (first, seconds, revisit) in request.items():
        print(
            f"report.json {size:>5} entries: {seconds * 1000:8.1f} ms uncached (first request "
            f"{first * 1000:.1f} ms, cached {revisit * 1000:.1f} ms)"
        )
    smallest, largest = min(args.sizes), max(args.sizes)
    if smallest != largest:
        entries_growth = largest / smallest
        print(
            f"growth {smallest} -> {largest} entries (x{entries_growth:g}): analysis "
            f"x{analysis[largest] / analysis[smallest]:.1f}, request "
            f"x{request[largest][1] / request[smallest][1]:.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
