"""Making, ending and counting share links. Views pass ids and objects, never requests."""

import datetime as dt
import zoneinfo

from django.contrib.auth.models import User
from django.utils import timezone

from accounts.services import preferences_for
from entries.models import Entry
from insights.summary.notes import chosen_notes, notes_in_period
from insights.summary.options import NOTES_CHOSEN, NOTES_NONE, SummaryOptions, options_frozen
from sharing.models import MAX_DAYS, ShareLink, ShareLinkView
from sharing.tokens import new_token, token_hash


def _shared_note_ids(user: User, options: SummaryOptions, preferences) -> list[str]:
    """The exact entries whose notes the link shows: those of the period that were
    chosen (or all of them), as they are now; a note written later never joins."""
    if options.notes == NOTES_NONE:
        return []
    notes = notes_in_period(
        user,
        options.dates,
        time_zone=preferences.time_zone,
        threshold=preferences.episode_threshold,
    )
    if options.notes == NOTES_CHOSEN:
        notes = chosen_notes(notes, options.note_ids)
    return [note.entry_id for note in notes]


def _first_day(user: User, zone: zoneinfo.ZoneInfo) -> dt.date | None:
    first = (
        Entry.objects.filter(user=user)
        .order_by("occurred_at")
        .values_list("occurred_at", flat=True)[:1]
    )
    return first[0].astimezone(zone).date() if first else None


def share_link_create(
    *,
    user: User,
    options: SummaryOptions,
    days: int,
    label: str = "",
    now: dt.datetime | None = None,
) -> tuple[ShareLink, str]:
    """A new link and its token. The token is returned once and kept nowhere."""
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"A share link lasts 1 to {MAX_DAYS} days, not {days}.")
    now = now or timezone.now()
    preferences = preferences_for(user)
    zone = zoneinfo.ZoneInfo(preferences.time_zone)
    today = now.astimezone(zone).date()
    frozen = options_frozen(
        options,
        note_ids=_shared_note_ids(user, options, preferences),
        first_day=_first_day(user, zone) or today,
        today=today,
    )
    token = new_token()
    link = ShareLink.objects.create(
        user=user,
        token_hash=token_hash(token),
        label=label.strip(),
        options=frozen,
        threshold=preferences.episode_threshold,
        created_at=now,
        expires_at=now + dt.timedelta(days=days),
    )
    return link, token


def share_link_revoke(*, link: ShareLink, now: dt.datetime | None = None) -> bool:
    """End the link at once. False when it had already been ended."""
    if link.revoked_at is not None:
        return False
    link.revoked_at = now or timezone.now()
    link.save(update_fields=["revoked_at"])
    return True


def share_links_revoke_all(*, user: User, now: dt.datetime | None = None) -> int:
    """End every link of the user that is not ended yet (account deletion)."""
    now = now or timezone.now()
    return ShareLink.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=now)


def share_link_view_record(*, link: ShareLink, now: dt.datetime | None = None) -> ShareLinkView:
    return ShareLinkView.objects.create(link=link, viewed_at=now or timezone.now())
