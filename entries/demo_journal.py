"""Writes a generated journal (entries.demo) to one person's account, in bulk: the demo
account (`manage.py seed_demo`), the benchmarks and the load test all fill theirs here,
so they measure the journal the demo shows."""

from collections.abc import Sequence
from datetime import datetime

from django.contrib.auth.models import User
from django.utils import timezone

from accounts.services import journal_write
from entries.demo import (
    DEMO_PARTNERS,
    DEMO_PLANTS,
    DEMO_TAGS,
    DemoCheckIn,
    DemoEntry,
    generate_checkins,
    generate_entries,
)
from entries.models import Entry, Partner, Tag
from entries.portability.sections import registered_sections


def demo_journal_write(
    *,
    user: User,
    entries: Sequence[DemoEntry],
    checkins: Sequence[DemoCheckIn] = (),
    tags: Sequence[str] = DEMO_TAGS,
    batch_size: int = 1000,
) -> list[Entry]:
    """The demo partners, the factors in `tags` (those the entries were generated with),
    the entries and the check-ins, for an account that has none of them yet."""
    with journal_write(user_id=user.pk):
        partners = {
            name: Partner.objects.create(user=user, nickname=name) for name in DEMO_PARTNERS
        }
        made_tags = {name: Tag.objects.create(user=user, name=name) for name in tags}
        rows = Entry.objects.bulk_create(
            (
                Entry(
                    user=user,
                    occurred_at=item.occurred_at,
                    partner=partners[item.partner] if item.partner else None,
                    **item.fields,
                )
                for item in entries
            ),
            batch_size=batch_size,
        )
        Through = Entry.tags.through
        Through.objects.bulk_create(
            (
                Through(entry_id=row.pk, tag_id=made_tags[name].pk)
                for row, item in zip(rows, entries, strict=True)
                for name in item.tags
            ),
            batch_size=batch_size * 5,
        )
        if checkins:
            # Through the check-ins app's own restore, registered for backups (so this app
            # does not import the one above it): it validates and scores every
            # questionnaire as a restored backup would.
            section = next(s for s in registered_sections() if s.key == "checkins")
            section.restore(user=user, items=[checkin.as_backup_record() for checkin in checkins])
    return rows


def demo_journal_fill(
    *,
    user: User,
    count: int,
    seed: int,
    days: int = 182,
    tags: Sequence[str] = DEMO_TAGS,
    with_checkins: bool = True,
    end: datetime | None = None,
    batch_size: int = 1000,
) -> list[Entry]:
    """`count` entries over `days` with the demo's plants (pain x3) and, with
    `with_checkins`, a PHQ-9 and a GAD-7 about once a week: what `seed_demo --checkins`
    writes, with any number of entries, days and factors."""
    end = end or timezone.now()
    checkins = generate_checkins(seed=seed, end=end, days=days) if with_checkins else []
    entries = generate_entries(
        count, seed=seed, plants=DEMO_PLANTS, end=end, days=days, checkins=checkins, tags=tags
    )
    return demo_journal_write(
        user=user, entries=entries, checkins=checkins, tags=tags, batch_size=batch_size
    )
