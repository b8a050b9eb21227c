"""How long the therapist summary takes as a PDF, through Django's whole stack.

    .venv/bin/python benchmarks/bench_summary_pdf.py                 # a year, 600 entries
    .venv/bin/python benchmarks/bench_summary_pdf.py --entries 1200 --repeat 9

A year of the demo journal (entries/demo_journal.py, pain planted x3, about one note in
ten), two partners, 10 custom tags and a PHQ-9 and GAD-7 about once a week are written to a
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
import io
import os
import statistics
import time

from throwaway_django import django_on_a_throwaway_database

TAGS = [f"factor {n}" for n in range(1, 11)]
DAYS = 365


def _fill_account(size: int):
    from django.contrib.auth import get_user_model

    from accounts.services import preferences_for
    from entries.demo_journal import demo_journal_fill

    user = get_user_model().objects.create_user(username=f"bench{size}-{os.getpid()}")
    preferences_for(user)
    rows = demo_journal_fill(user=user, count=size, seed=5, days=DAYS, tags=TAGS)
    return user, sum(1 for row in rows if row.notes)


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

    django_on_a_throwaway_database()
    from django.test import Client
    from django.urls import reverse

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
        f"{args.entries} entries over {DAYS} days ({notes} with a note), {len(TAGS)} tags, "
        f"2 partners, {user.checkins.count()} check-ins"
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
