"""How long the charts and the dashboard take, through Django's whole stack.

    .venv/bin/python benchmarks/bench_charts.py                  # 2,000 entries
    .venv/bin/python benchmarks/bench_charts.py --entries 5000 --repeat 9

A journal of demo entries (entries/demo.py, pain planted x3) spread over four years,
with two partners, 20 custom tags and a PHQ-9 and GAD-7 every two weeks, is written to
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
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHARTS = ("trend", "emotions", "factors", "calendar", "checkins")
RANGES = ("90d", "all")
TAG_COUNT = 20
TAG_SHARE = 0.10
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
    from django.utils import timezone

    from accounts.services import preferences_for
    from checkins.services import checkin_create
    from entries.demo import generate_entries
    from entries.models import Entry, Partner, Tag

    rng = random.Random(4)
    generated = generate_entries(
        size, seed=4, plants={"pain": 3.0}, end=timezone.now(), days=YEARS * 365
    )
    user = get_user_model().objects.create_user(username=f"bench{size}-{os.getpid()}")
    preferences_for(user)
    partners = [Partner.objects.create(user=user, nickname=name) for name in ("A", "B")]
    tags = [Tag.objects.create(user=user, name=f"factor {n}") for n in range(TAG_COUNT)]
    rows = Entry.objects.bulk_create(
        (
            Entry(
                user=user,
                occurred_at=item.occurred_at,
                partner=partners[index % 2] if item.partner else None,
                **{**item.fields, "notes": ""},
            )
            for index, item in enumerate(generated)
        ),
        batch_size=1000,
    )
    for fortnight in range(YEARS * 26):  # both questionnaires every two weeks
        taken_at = timezone.now() - dt.timedelta(days=14 * fortnight)
        for instrument, items in (("phq9", 9), ("gad7", 7)):
            answers = [rng.choice((0, 0, 1, 1, 2, 3)) for _ in range(items)]
            if instrument == "phq9":
                answers[-1] = 0  # item 9 (thoughts of self-harm): keep the demo gentle
            checkin_create(user=user, instrument=instrument, answers=answers, taken_at=taken_at)
    through = Entry.tags.through
    through.objects.bulk_create(
        (
            through(entry_id=row.pk, tag_id=tag.pk)
            for row in rows
            for tag in tags
            if rng.random() < TAG_SHARE
        ),
        batch_size=2000,
    )
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

    workdir = tempfile.mkdtemp(prefix="pct-bench-")
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3"
    )
    os.environ.setdefault("DJANGO_VAR_DIR", workdir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pct_journal.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.cache import caches
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    call_command("migrate", verbosity=0)
    client = Client()
    client.force_login(_fill_account(args.entries))
    nothing = lambda: None  # noqa: E731

    started = time.perf_counter()
    _get(client, reverse("insights:chart", args=["trend"]))()
    print(
        f"{args.entries} entries over {YEARS} years, {TAG_COUNT} tags, 2 partners, "
        f"{YEARS * 26 * 2} check-ins"
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
