"""Every page for one person with a very long journal, and how the insights and charts
grow with the number of entries.

    .venv/bin/python benchmarks/bench_large_user.py                       # 20,000 entries
    .venv/bin/python benchmarks/bench_large_user.py --scaling 2000 5000 10000 20000
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_large .venv/bin/python \\
        benchmarks/bench_large_user.py

The demo journal (entries/demo_journal.py, pain planted x3) spread over five years,
with two partners, 20 custom tags (each on ~15% of entries) and a PHQ-9 and a GAD-7
about once a week, is bulk-inserted into a throwaway SQLite database in a temporary
directory (or BENCH_DATABASE_URL, a database the script may fill; each size is a new
account). Settings are the production ones (DJANGO_DEBUG=False) apart from plain HTTP.

Every figure is a GET (or the log form's POST) through Django's whole stack with the
test client, the median of --repeat runs after a warm-up, with Django's cache cleared
before each run: the worst case, the first visit after a change, when every chart and
report is built afresh. Target: every page under 1 s at 20,000 entries, and the
insights and charts growing no faster than linearly (x10 entries: at most x10 time).
"""

import argparse
import os
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable

from throwaway_django import production_django_in

PASSWORD = "bench-password-4729"  # noqa: S105 (a throwaway account)
TAGS = [f"factor {n}" for n in range(1, 21)]
YEARS = 5
CHARTS = ("trend", "emotions", "factors", "calendar", "checkins")
# The figures the scaling table follows: the insights (analysis) and the charts.
SCALING_PAGES = (
    "insights overview",
    "report.json",
    *(f"chart {name} (all time)" for name in CHARTS),
    "dashboard",
)


def fill_account(size: int):
    """A new account with `size` entries over YEARS years, bulk-inserted."""
    from django.contrib.auth import get_user_model

    from accounts.services import preferences_for
    from entries.demo_journal import demo_journal_fill

    user = get_user_model().objects.create_user(
        username=f"large{size}-{os.getpid()}-{secrets.token_hex(2)}", password=PASSWORD
    )
    preferences_for(user)
    rows = demo_journal_fill(
        user=user, count=size, seed=size, days=YEARS * 365, tags=TAGS, batch_size=1000
    )
    return user, rows[len(rows) // 2], user.partners.first(), user.tags.first()


def _median_ms(action: Callable[[], object], repeat: int) -> float:
    from django.core.cache import caches

    action()  # warm-up: imports, fonts, database pages
    timings = []
    for _ in range(repeat):
        caches["derived"].clear()
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def _pages(user, entry, partner, tag) -> dict[str, str]:
    from django.urls import reverse

    pages = {
        "dashboard": reverse("insights:dashboard"),
        "entries list": reverse("entries:list"),
        "entries list, last page": reverse("entries:list") + "?page=last",
        "entry detail": reverse("entries:detail", args=[entry.pk]),
        "entry edit": reverse("entries:update", args=[entry.pk]),
        "log form": reverse("entries:create"),
        "partners": reverse("entries:partners"),
        "partner edit": reverse("entries:partner_update", args=[partner.pk]),
        "tags": reverse("entries:tags"),
        "tag edit": reverse("entries:tag_update", args=[tag.pk]),
        "insights overview": reverse("insights:overview"),
        "insights overview, 90 days": reverse("insights:overview") + "?range=90d",
        "report.json": reverse("insights:report_json"),
        "settings": reverse("accounts:settings"),
        "security log": reverse("audit:log"),
        "check-ins": reverse("checkins:list"),
        "export csv": reverse("entries:export_csv"),
        "full backup": reverse("entries:backup_json"),
    }
    for name in CHARTS:
        url = reverse("insights:chart", args=[name])
        pages[f"chart {name} (all time)"] = f"{url}?range=all"
        pages[f"chart {name} (90 days)"] = f"{url}?range=90d"
    # The therapist summary and share links, where this checkout has them.
    for label, name in (
        ("summary options", "insights:export"),
        ("summary", "insights:summary"),
        ("summary pdf", "insights:summary_pdf"),
    ):
        try:
            pages[label] = reverse(name)
        except Exception:  # noqa: S112 (a page that does not exist yet is skipped)
            continue
    return pages


def time_pages(size: int, repeat: int, only: tuple[str, ...] | None = None) -> dict[str, float]:
    from django.test import Client
    from django.urls import reverse

    started = time.perf_counter()
    user, entry, partner, tag = fill_account(size)
    print(f"  ({size} entries written in {time.perf_counter() - started:.1f} s)", flush=True)
    client = Client()
    response = client.post(reverse("account_login"), {"login": user.username, "password": PASSWORD})
    assert response.status_code == 302, "could not log in"
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    results = {}
    for label, url in _pages(user, entry, partner, tag).items():
        if only and label not in only:
            continue

        def get(url=url):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        results[label] = _median_ms(get, repeat)
    if not only:
        results["log form POST"] = _median_ms(lambda: _log_an_entry(client), repeat)
    return results


def _log_an_entry(client) -> None:
    from django.urls import reverse
    from django.utils import timezone

    from entries.models import CONTEXT_FIELDS, EMOTION_FIELDS

    data = {
        "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "activity": "solo",
        "pain": "0",
        **dict.fromkeys((*EMOTION_FIELDS, *CONTEXT_FIELDS), "0"),
    }
    response = client.post(reverse("entries:create"), data)
    assert response.status_code == 302, response.status_code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20000)
    parser.add_argument("--scaling", type=int, nargs="*", default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    production_django_in(
        tempfile.mkdtemp(prefix="pct-bench-"), database_url=os.environ.get("BENCH_DATABASE_URL")
    )

    if args.scaling:
        table = {}
        for size in args.scaling:
            print(f"{size} entries", flush=True)
            table[size] = time_pages(size, args.repeat, only=SCALING_PAGES)
        smallest = min(args.scaling)
        header = "".join(f"{size:>9}" for size in args.scaling)
        print(
            f"\nms, median of {args.repeat}, cache cleared  {header}   "
            f"growth (x{max(args.scaling) / smallest:g} entries)"
        )
        for label in SCALING_PAGES:
            cells = "".join(f"{table[size][label]:9.0f}" for size in args.scaling)
            growth = table[max(args.scaling)][label] / table[smallest][label]
            print(f"{label:<38}{cells}   x{growth:.1f}")
        return 0

    print(f"{args.entries} entries over {YEARS} years, {len(TAGS)} tags, 2 partners")
    results = time_pages(args.entries, args.repeat)
    print(f"ms, median of {args.repeat} runs, cache cleared before each")
    for label, ms in sorted(results.items(), key=lambda item: -item[1]):
        print(f"{label:<36}{ms:8.0f}{'' if ms < 1000 else '   OVER 1 s'}")
    print(f"slowest: {max(results, key=results.get)} ({max(results.values()):.0f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
