"""Fill the load-test database: USERS accounts with ENTRIES demo entries each.

    DATABASE_URL=... .venv/bin/python benchmarks/loadtest/prepare.py --users 50 --entries 1000

Run by run.py with the server's environment (a database it may wipe). Accounts are
`load01`, `load02`, ... with the password in PASSWORD; each has the demo journal
(entries/demo_journal.py): two partners, the demo's three factors of their own, and a
PHQ-9 and a GAD-7 about once a week, so every chart and every insights card has
something to draw. Everything is bulk-inserted: the
password is hashed once (with the production hasher) and shared, and 50,000 entries
take seconds rather than the minutes one `save()` each would.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "load-test-password-7381"  # noqa: S105 (synthetic accounts in a throwaway database)
USERNAME_FORMAT = "load{:02d}"
YEARS = 3


def fill(users: int, entries: int) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import Preferences
    from entries.demo_journal import demo_journal_fill

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
        demo_journal_fill(
            user=user, count=entries, seed=number, days=YEARS * 365, end=now, batch_size=500
        )


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
