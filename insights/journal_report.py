"""A user's insights report for a period: the selectors' frames through the pure analysis."""

from django.contrib.auth.models import AbstractBaseUser

from checkins.exposure import recent_high_flags
from checkins.selectors import checkins_dataframe
from insights.analysis import Report, analyse_journal
from insights.selectors import DateRange, Journal, entries_dataframe


def journal_with_checkins(user: AbstractBaseUser, dates: DateRange | None = None) -> Journal:
    """The entries with `phq9_recent_high` / `gad7_recent_high` joined on, when the
    person has taken any check-ins (without any, those factors would only be noise)."""
    journal = entries_dataframe(user, dates)
    if journal.entries.empty:
        return journal
    # All check-ins, not just the period's: one taken just before the period still
    # describes the two weeks around its first entries.
    checkins = checkins_dataframe(user, time_zone=journal.time_zone)
    if not checkins.empty:
        flags = recent_high_flags(journal.entries["occurred_at"], checkins)
        journal.entries = journal.entries.join(flags)
    return journal


def report_for(journal: Journal) -> Report:
    return analyse_journal(
        journal.entries,
        threshold=journal.threshold,
        tag_names=journal.tag_names,
        partner_names=journal.partner_names,
    )


def journal_report(user: AbstractBaseUser, dates: DateRange | None = None) -> Report:
    return report_for(journal_with_checkins(user, dates))
