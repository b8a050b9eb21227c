import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from accounts.services import preferences_for
from entries.demo import DEMO_PLANTS, generate_checkins, generate_entries, parse_plants
from entries.demo_journal import demo_journal_write
from entries.models import Entry, Partner, Tag

# Accounts this command made carry this first name (which no page of the app lets a
# person set), so running it again refills them and never touches anyone else's journal.
DEMO_MARK = "seed_demo"


class Command(BaseCommand):
    help = (
        "Create (or refill) an account with a synthetic journal. By default entries with "
        "moderate or worse pain are about three times as likely to be followed by an "
        "episode (see entries/demo.py). The account is marked as a demo account (its first "
        f"name is {DEMO_MARK!r}); refilling deletes its entries, partners and factors and "
        "sets a new password. An existing account without that mark is refused unless "
        "--force is given. --checkins adds a PHQ-9 and a GAD-7 about once a week."
    )

    def add_arguments(self, parser):
        parser.add_argument("--user", default="demo", help="Username to create or refill.")
        parser.add_argument("--entries", type=int, default=200)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument(
            "--plant",
            action="append",
            default=None,
            metavar="FACTOR=MULTIPLIER",
            help="Make episodes MULTIPLIER times as likely with FACTOR, e.g. pain=4.0. "
            "Repeat for several; --plant none plants nothing.",
        )
        parser.add_argument(
            "--checkins",
            action="store_true",
            help="Also add a PHQ-9 and a GAD-7 about once a week over the same months, so "
            "the check-in factors can be judged (plant them as phq9_recent_high=3).",
        )
        parser.add_argument("--password", help="Password to set (default: a random one).")
        parser.add_argument("--time-zone", default="Europe/London")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Also replace the journal of an account that seed_demo did not make.",
        )

    def handle(self, *args, **options):
        if options["entries"] < 0:
            raise CommandError("--entries cannot be negative.")
        specs = options["plant"]
        if specs is None:
            plants = dict(DEMO_PLANTS)
        elif specs == ["none"]:
            plants = {}
        else:
            try:
                plants = parse_plants(specs)
            except ValueError as error:
                raise CommandError(str(error)) from error
        password = options["password"] or secrets.token_urlsafe(12)
        end = timezone.now()
        checkins = generate_checkins(seed=options["seed"], end=end) if options["checkins"] else []
        wanted = {name for name in plants if name.endswith("_recent_high")}
        if wanted and not checkins:
            raise CommandError(f"Planting {', '.join(sorted(wanted))} needs --checkins.")
        generated = generate_entries(
            options["entries"], seed=options["seed"], plants=plants, end=end, checkins=checkins
        )
        with transaction.atomic():
            user = self._fresh_user(
                options["user"], password, options["time_zone"], force=options["force"]
            )
            demo_journal_write(user=user, entries=generated, checkins=checkins)
        with_checkins = f" and {len(checkins)} check-ins" if checkins else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"Account {user.username!r} now has {len(generated)} entries{with_checkins} "
                f"(planted: {plants or 'nothing'})."
            )
        )
        self.stdout.write(f"Log in at http://127.0.0.1:8000/ as {user.username} / {password}")

    def _fresh_user(self, username: str, password: str, time_zone: str, *, force: bool):
        user, created = get_user_model().objects.get_or_create(username=username)
        if not created and user.first_name != DEMO_MARK and not force:
            raise CommandError(
                f"An account called {username!r} already exists and was not made by "
                "seed_demo. Filling it would delete its journal and change its password, "
                "so nothing was changed. Choose another name with --user, or add --force "
                "if you really mean to replace it."
            )
        user.first_name = DEMO_MARK
        user.set_password(password)
        user.save()
        Entry.objects.filter(user=user).delete()
        Partner.objects.filter(user=user).delete()
        Tag.objects.filter(user=user).delete()
        # A refill starts the check-ins afresh too (the check-ins app's reverse relation,
        # so this app does not import the one above it).
        user.checkins.all().delete()
        preferences = preferences_for(user)
        preferences.time_zone = time_zone
        # Only the zone: a whole save would write back a data version read earlier.
        preferences.save(update_fields=["time_zone"])
        return user
