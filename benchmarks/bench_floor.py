"""Every page as a multiple of the floor: a bare view behind the same settings and
middleware, timed in the same process, warm and right after one new entry.

    .venv/bin/python benchmarks/bench_floor.py                          # 1,000 and 20,000
    .venv/bin/python benchmarks/bench_floor.py --entries 1000 --rounds 15
    .venv/bin/python benchmarks/bench_floor.py --database-url postgres://postgres@127.0.0.1:5432/bench_floor

Absolute times on a shared machine swing by half from one run to the next, so every
page is measured against the floor: a `login_required` view that answers a few bytes,
served through the project's own settings and middleware (sessions, authentication,
CSP, the security headers, the preferences). It lives only in this script, mounted on
a URL configuration that adds it to the app's own.

For each size, an account is filled by `seed_demo` (the demo generator, pain planted
x3, with check-ins) in a throwaway SQLite database in a temporary directory (or
--database-url, a database the script may migrate and fill; each size is a new
account). Settings are the production ones (DJANGO_DEBUG=False) apart from plain HTTP.
The task worker runs beside it as in production: `manage.py db_worker` in a process of
its own, with the same environment and at the same lower priority (nice 10), looking for
tasks every --worker-interval seconds (0.05 by default, where production's `make serve`
looks every second), stopped at the end.

- warm: after one warm-up, each round requests the floor, then the page, page after
  page; the figure is the median page time over the rounds divided by the median floor.
- after one entry, in the request: each round creates one entry through the app's
  service (`entries.services.entry_create`, which bumps the data version as the log
  form does), then times the first request to the page, with no refresh asked for
  (the receiver that enqueues it is disconnected): the page works the new version out
  itself, as it does when no worker runs.
- after one entry, with the worker: the same, with the refresh enqueued as in
  production. The page is requested at once, before the worker can have finished: it
  shows the version before the entry, marked as updating (insights.journal), unless
  the worker was quicker.

Then the refresh itself: a few entries, one at a time, each waited for until the worker
has finished its task; printed are the median time from the write to the task's end
(what a person waits before a reload shows the entry) and the task's own run time.

Targets: warm pages at most 4x the floor at 1,000 entries; right after one new entry
(with the worker), pages and JSON at most 20x and a chart at most 30x; every page under
300 ms at 20,000 entries.
"""

import argparse
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import types

from throwaway_django import ROOT, production_django_in

PASSWORD = "bench-password-4729"  # noqa: S105 (a throwaway account)
FLOOR_URL = "/bench-floor/"
URLCONF = "bench_floor_urls"
CHARTS = ("trend", "emotions", "factors", "calendar", "checkins")
REFRESHES_TIMED = 5


def _mount_floor(settings) -> None:
    """The app's URLs plus the floor view, as a URL configuration of this script only."""
    from django.contrib.auth.decorators import login_required
    from django.http import HttpResponse
    from django.urls import include, path

    @login_required
    def floor(request):
        return HttpResponse(b"ok", content_type="text/plain")

    module = types.ModuleType(URLCONF)
    module.urlpatterns = [
        path(FLOOR_URL.strip("/") + "/", floor),
        path("", include(settings.ROOT_URLCONF)),
    ]
    sys.modules[URLCONF] = module
    settings.ROOT_URLCONF = URLCONF


def _pages() -> dict[str, str]:
    from django.urls import reverse

    pages = {
        "dashboard": reverse("insights:dashboard"),
        "entries list": reverse("entries:list"),
        "log form": reverse("entries:create"),
        "insights": reverse("insights:overview"),
        "report.json": reverse("insights:report_json"),
    }
    for name in CHARTS:
        pages[f"{name}.svg"] = reverse("insights:chart", args=[name])
    pages.update(
        {
            "export": reverse("insights:export"),
            "calendar": reverse("insights:calendar"),
            "guide": reverse("insights:partner_guide"),
        }
    )
    return pages


def _seed(size: int):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    username = f"floor{size}-{secrets.token_hex(3)}"
    call_command(
        "seed_demo",
        user=username,
        entries=size,
        seed=7,
        checkins=True,
        password=PASSWORD,
        stdout=open(os.devnull, "w"),  # noqa: SIM115 (the command's own lines are not wanted)
    )
    return get_user_model().objects.get(username=username)


def _logged_in_client(user):
    from django.test import Client
    from django.urls import reverse

    client = Client()
    response = client.post(reverse("account_login"), {"login": user.username, "password": PASSWORD})
    assert response.status_code == 302, "could not log in"
    return client


def _timed(client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    return elapsed * 1000


def _one_new_entry(user, round_number: int) -> None:
    from django.utils import timezone

    from entries.demo import generate_entries
    from entries.services import entry_create

    now = timezone.now()
    (item,) = generate_entries(1, seed=10_000 + round_number, end=now, days=1)
    entry_create(user=user, occurred_at=now, **item.fields)


def _after_one_entry(client, user, pages: dict[str, str], rounds: int, counter: list[int]):
    """{page: [ms, ...]} of the first request after one new entry, and the floors."""
    floors, after = [], {page: [] for page in pages}
    for _ in range(rounds):
        for page, url in pages.items():
            floors.append(_timed(client, FLOOR_URL))
            counter[0] += 1
            _one_new_entry(user, counter[0])
            after[page].append(_timed(client, url))
    return floors, after


def _worker_idle(timeout: float = 120) -> None:
    """Waits until the worker has run every task enqueued so far (a refresh that
    worked deletes its row; insights.tasks)."""
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + timeout
    while DBTaskResult.objects.filter(finished_at__isnull=True).exists():
        if time.monotonic() > deadline:
            raise SystemExit("the worker did not finish its tasks; is it running?")
        time.sleep(0.02)


def _refresh_times(user, counter: list[int]) -> tuple[float, float]:
    """Median ms from a write to the end of its refresh, and of the refresh's run."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    waits, runs = [], []
    for _ in range(REFRESHES_TIMED):
        _worker_idle()
        counter[0] += 1
        written = time.perf_counter()
        _one_new_entry(user, counter[0])
        started_at = None
        # Polled until the task's row is gone: its start, then its end.
        while row := DBTaskResult.objects.values("started_at").first():
            started_at = row["started_at"] or started_at
            time.sleep(0.002)
        waits.append((time.perf_counter() - written) * 1000)
        if started_at is not None:
            runs.append((timezone.now() - started_at).total_seconds() * 1000)
    return statistics.median(waits), statistics.median(runs) if runs else float("nan")


def measure(size: int, rounds: int) -> dict[str, tuple[float, ...]]:
    """{page: (warm ms, after one entry in the request ms, after one entry with the worker
    ms)}, plus the floor and the refresh's times."""
    from accounts.services import journal_changed
    from insights.tasks import refresh_after_write

    started = time.perf_counter()
    user = _seed(size)
    print(f"  ({size} entries seeded in {time.perf_counter() - started:.1f} s)", flush=True)
    client = _logged_in_client(user)
    pages = _pages()
    _worker_idle()  # the seed's own refresh
    for url in (FLOOR_URL, *pages.values()):
        _timed(client, url)  # warm-up: imports, fonts, templates, the caches
    floors, warm = [], {page: [] for page in pages}
    for _ in range(rounds):
        for page, url in pages.items():
            floors.append(_timed(client, FLOOR_URL))
            warm[page].append(_timed(client, url))
    counter = [0]
    journal_changed.disconnect(refresh_after_write)
    try:
        more_floors, in_request = _after_one_entry(client, user, pages, rounds, counter)
    finally:
        journal_changed.connect(refresh_after_write)
    floors += more_floors
    # A refresh of the last version first, so the rounds start as after any quiet time.
    counter[0] += 1
    _one_new_entry(user, counter[0])
    _worker_idle()
    more_floors, with_worker = _after_one_entry(client, user, pages, rounds, counter)
    floors += more_floors
    _worker_idle()
    results = {
        "floor": (statistics.median(floors),),
        "refresh": _refresh_times(user, counter),
    }
    for page in pages:
        results[page] = (
            statistics.median(warm[page]),
            statistics.median(in_request[page]),
            statistics.median(with_worker[page]),
        )
    return results


def print_table(sizes: list[int], table: dict[int, dict[str, tuple[float, ...]]]) -> None:
    header = "| page |"
    rule = "|---|"
    for size in sizes:
        header += (
            f" warm, {size:,} (x floor) | after one entry, in the request, {size:,} (x floor)"
            f" | after one entry, with the worker, {size:,} (x floor) |"
        )
        rule += "---:|---:|---:|"
    print(header)
    print(rule)
    floor_row = "| floor |"
    for size in sizes:
        floor_row += f" {table[size]['floor'][0]:.1f} ms | | |"
    print(floor_row)
    for page in table[sizes[0]]:
        if page in ("floor", "refresh"):
            continue
        row = f"| {page} |"
        for size in sizes:
            floor = table[size]["floor"][0]
            row += "".join(f" {ms / floor:.1f} ({ms:.0f} ms) |" for ms in table[size][page])
        print(row)
    print()
    for size in sizes:
        wait, run = table[size]["refresh"]
        print(
            f"Refresh after one entry, {size:,} entries (median of {REFRESHES_TIMED}): "
            f"{wait:.0f} ms from the write to the worker's end, {run:.0f} ms of it the task."
        )


def start_worker(interval: float) -> subprocess.Popen:
    """`manage.py db_worker` with this process's environment (production_django_in set
    it), looking for tasks every `interval` seconds."""
    # At the lower priority `make serve` and the systemd unit give it (nice 10).
    command = [shutil.which("nice") or "nice", "-n", "10"]
    command += [sys.executable, str(ROOT / "manage.py"), "db_worker", "--no-reload"]
    command += ["--no-startup-delay", "--interval", str(interval), "--verbosity", "0"]
    return subprocess.Popen(command, cwd=ROOT, env=os.environ.copy())  # noqa: S603


def stop_worker(worker: subprocess.Popen) -> None:
    worker.terminate()  # it finishes the task it is running, then stops
    try:
        worker.wait(timeout=60)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, nargs="+", default=[1000, 20000])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL"),
        help="A database the script may migrate and fill (default: a throwaway SQLite file).",
    )
    parser.add_argument(
        "--worker-interval",
        type=float,
        default=0.05,
        help="Seconds the worker waits between looks for new tasks (default: %(default)s).",
    )
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="pct-floor-")
    worker = None
    try:
        production_django_in(workdir, database_url=args.database_url, before_migrate=_mount_floor)
        worker = start_worker(args.worker_interval)
        table = {}
        for size in args.entries:
            print(f"{size} entries, {args.rounds} rounds", flush=True)
            table[size] = measure(size, args.rounds)
    finally:
        if worker is not None:
            stop_worker(worker)
        shutil.rmtree(workdir, ignore_errors=True)  # the throwaway database and caches
    print(f"\nMedian of {args.rounds} rounds; floor in ms, pages as multiples of it (ms).\n")
    print_table(args.entries, table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
