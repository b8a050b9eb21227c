"""How long the therapist summary takes as a PDF, through Django's whole stack.

    .venv/bin/python benchmarks/bench_summary_pdf.py                 # a year, 600 entries
    .venv/bin/python benchmarks/bench_summary_pdf.py --entries 1200 --repeat 9

A year of demo entries (entries/demo.py, pain planted x3, about one note in ten), two
partners, 10 custom tags and a PHQ-9 and GAD-7 every two weeks are written to a
throwaway SQLite database in a temporary directory (or BENCH_DATABASE_URL, a database
you can wipe). Each figure is a `GET` with the test client (middleware, session,
selectors, analysis, both charts, the template and WeasyPrint), the median of --repeat
runs after one warm-up request:

- the PDF with the usual options (the last year, check-ins and charts);
- the PDF with everything in it (every note of the year and partner nicknames too);
- the print-friendly HTML page, for comparison.

The first PDF in a fresh process also pays for importing WeasyPrint and matplotlib and
loading fonts; it is printed separately. Target: the PDF for a year of about
600 entries under 3 s.
"""

import argparse
import datetime as dt
import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TAGS = 10
TAG_SHARE = 0.10
DAYS = 365


def _fill_account(size: int):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from accounts.services import preferences_for
    from checkins.services import checkin_create
    from entries.demo import generate_entries
    from entries.models import Entry, Partner, Tag

    rng = random.Random(5)
    generated = generate_entries(size, seed=5, plants={"pain": 3.0}, end=timezone.now(), days=DAYS)
    user = get_user_model().objects.create_user(username=f"bench{size}-{os.getpid()}")
    preferences_for(user)
    partners = [Partner.objects.create(user=user, nickname=name) for name in ("Robin", "Alex")]
    tags = [Tag.objects.create(user=user, name=f"factor {n}") for n in range(TAGS)]
    rows = Entry.objects.bulk_create(
        (
            Entry(
                user=user,
                occurred_at=item.occurred_at,
                partner=partners[index % 2] if item.partner else None,
                **item.fields,
            )
            for index, item in enumerate(generated)
        ),
        batch_size=1000,
    )
    through = Entry.tags.through
    through.objects.bulk_create(
        through(entry_id=row.pk, tag_id=tag.pk)
        for row in rows
        for tag in tags
        if rng.random() < TAG_SHARE
    )
    for fortnight in range(DAYS // 14):
        taken_at = timezone.now() - dt.timedelta(days=14 * fortnight)
        for instrument, items in (("phq9", 9), ("gad7", 7)):
            answers = [rng.choice((0, 0, 1, 1, 2, 3)) for _ in range(items)]
            if instrument == "phq9":
                answers[-1] = 0
            checkin_create(user=user, instrument=instrument, answers=answers, taken_at=taken_at)
    return user, sum(1 for item in generated if item.fields["notes"])


def _timed(client, url: str, repeat: int) -> tuple[float, object]:
    timings, response = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), response


def _pages(response) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(response.content)).pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=600)
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
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    call_command("migrate", verbosity=0)
    user, notes = _fill_account(args.entries)
    client = Client()
    client.force_login(user)
    pdf = reverse("insights:summary_pdf")
    cases = [
        ("PDF, usual options", f"{pdf}?range=365d"),
        ("PDF, every note and nickname", f"{pdf}?range=365d&notes=all&partners=on"),
        ("print page (HTML)", f"{reverse('insights:summary')}?range=365d"),
    ]

    print(
        f"{args.entries} entries over {DAYS} days ({notes} with a note), {TAGS} tags, "
        f"2 partners, {DAYS // 14 * 2} check-ins"
    )
    first, _response = _timed(client, cases[0][1], 1)
    print(f"first PDF in a fresh process: {first * 1000:.0f} ms")
    print(f"median of {args.repeat} runs after a warm-up:")
    for label, url in cases:
        _timed(client, url, 1)
        median, response = _timed(client, url, args.repeat)
        size = len(response.content) / 1024
        pages = f", {_pages(response)} pages" if url.startswith(pdf) else ""
        print(f"  {label:<30} {median * 1000:7.0f} ms  ({size:.0f} KB{pages})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
