"""The journal as it was when a share link was made, for the summary behind that link.

A link shows what the person chose to share at that moment: entries logged (or restored
from a backup) afterwards, even ones dated inside the link's period, stay out, and so do
factors (tags) added afterwards; every count uses the episode threshold of that moment.
Edits to the entries that were there still show, and deleted ones are gone: the journal
keeps no earlier versions of an entry, and what a person deletes must leave every view
(see sharing.models.ShareLink).
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User

from checkins.exposure import recent_high_flags
from checkins.selectors import checkins_dataframe
from entries.models import Entry, Tag
from insights.selectors import JournalFrame, entries_dataframe
from pct_journal.date_range import DateRange


@dataclass(frozen=True)
class Snapshot:
    as_of: dt.datetime  # when the link was made
    threshold: int  # the owner's episode threshold then


def _ids_after(queryset, as_of: dt.datetime) -> set[str]:
    """The ids, as the frames write them, of the rows made after `as_of` (usually none)."""
    return {str(pk) for pk in queryset.filter(created_at__gt=as_of).values_list("pk", flat=True)}


def journal_as_of(
    user: User, dates: DateRange, snapshot: Snapshot, *, with_checkins: bool
) -> JournalFrame:
    """entries_dataframe for the period as it was at `snapshot.as_of`, with the check-in
    factors (from check-ins taken by then) joined on when check-ins are shared."""
    journal = entries_dataframe(user, dates, threshold=snapshot.threshold)
    later = _ids_after(Entry.objects.filter(user=user), snapshot.as_of)
    entries = journal.entries
    if later and not entries.empty:
        entries = entries[~entries["id"].isin(later)].reset_index(drop=True)
    journal.entries = entries
    # As the selector builds them: the partners of the entries kept, the tags there were.
    kept_partners = set(entries["partner_id"].dropna())
    journal.partner_names = {
        pk: name for pk, name in journal.partner_names.items() if pk in kept_partners
    }
    later_tags = _ids_after(Tag.objects.filter(user=user), snapshot.as_of)
    journal.tag_names = {pk: name for pk, name in journal.tag_names.items() if pk not in later_tags}
    if with_checkins and not entries.empty:
        checkins = checkins_dataframe(user, time_zone=journal.time_zone, as_of=snapshot.as_of)
        if not checkins.empty:
            journal.entries = entries.join(recent_high_flags(entries["occurred_at"], checkins))
    return journal
