"""Fill the load-test database: USERS accounts with ENTRIES demo entries each.

    DATABASE_URL=... .venv/bin/python benchmarks/loadtest/prepare.py --users 50 --entries 1000

Run by run.py with the server's environment (a database it may wipe). Accounts are
`load01`, `load02`, ... with the password in PASSWORD; each has two partners, the demo's
three factors of their own, and a PHQ-9 and a GAD-7 every four weeks, so every
chart and every insights card has something to draw. Everything is bulk-inserted: the
password is hashed once (with the production hasher) and shared, and 50,000 entries
take seconds rather than the minutes one `save()` each would.
"""

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "load-test-password-7381"  # noqa: S105 (synthetic accounts in a throwaway database)
USERNAME_FORMAT = "load{:02d}"
YEARS = 3
CHECKIN_WEEKS = 4


def _checkin(user, instrument: str, answers: list[int], taken_at: dt.datetime):
    # As checkins.services.checkin_create scores it, without a save and a bump per row.
    from checkins.instruments import instrument_for, score
    from checkins.models import ITEM_FIELDS, CheckIn

    total, band = score(instrument_for(instrument), answers)
    items = dict(zip(ITEM_FIELDS, answers, strict=False))
    return CheckIn(
        user=user, instrument=instrument, taken_at=taken_at, total=total, band=band.key, **items
    )


def _checkins(user, rng: random.Random, now: dt.datetime) -> list:
    rows = []
    for step in range(YEARS * 52 // CHECKIN_WEEKS):
        taken_at = now - dt.timedelta(weeks=CHECKIN_WEEKS * step, hours=rng.randint(0, 48))
        for instrument, items in (("phq9", 9), ("gad7", 7)):
            answers = [rng.choice((0, 0, 1, 1, 2, 3)) for _ in range(items)]
            if instrument == "phq9":
                answers[-1] = 0  # question 9 would lead to the support screen
            rows.append(_checkin(user, instrument, answers, taken_at))
    return rows


def fill(users: int, entries: int) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import Preferences
    from checkins.models import CheckIn
    from entries.demo import DEMO_PARTNERS, DEMO_TAGS, generate_entries
    from entries.models import Entry, Partner, Tag

    User = get_user_model()
    usernames = [USERNAME_FORMAT.format(n) for n in range(1, users + 1)]
    password = make_password(PASSWORD)
    now = timezone.now()
    with transaction.atomic():
        User.objects.filter(username__in=usernames).delete()
        accounts = User.objects.bulk_create(
            User(username=name, password=password) for name in usernames
        )
        if not all(account.pk for account in accounts):  # SQLite before RETURNING
            accounts = list(User.objects.filter(username__in=usernames).order_by("username"))
        Preferences.objects.bulk_create(
            Preferences(user=account, time_zone="Europe/London", data_version=1)
            for account in accounts
        )
    for number, user in enumerate(accounts, start=1):
        rng = random.Random(number)
        generated = generate_entries(
            entries, seed=number, plants={"pain": 3.0}, end=now, days=YEARS * 365
        )
        with transaction.atomic():
            partners = {
                name: Partner.objects.create(user=user, nickname=name) for name in DEMO_PARTNERS
            }
            tags = {name: Tag.objects.create(user=user, name=name) for name in DEMO_TAGS}
            rows = Entry.objects.bulk_create(
                (
                    Entry(
                        user=user,
                        occurred_at=item.occurred_at,
                        partner=partners.get(item.partner),
                        **item.fields,
                    )
                    for item in generated
                ),
                batch_size=500,
            )
            through = Entry.tags.through
            through.objects.bulk_create(
                (
                    through(entry_id=row.pk, tag_id=tags[name].pk)
                    for row, item in zip(rows, generated, strict=True)
                    for name in item.tags
                ),
                batch_size=1000,
            )
            CheckIn.objects.bulk_create(_checkins(user, rng, now))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--entries", type=int, default=1000)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pct_journal.settings")
    os.environ.setdefault("DJANGO_DEBUG", "True")  # development settings, throwaway data
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    started = time.perf_counter()
    fill(args.users, args.entries)
    print(
        f"prepared {args.users} users x {args.entries} entries "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
