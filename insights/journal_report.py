"""A user's insights report for a period: the selector's frame through the pure analysis."""

from django.contrib.auth.models import AbstractBaseUser

from insights.analysis import Report, analyse_journal
from insights.selectors import DateRange, entries_dataframe


def journal_report(user: AbstractBaseUser, dates: DateRange | None = None) -> Report:
    journal = entries_dataframe(user, dates)
    return analyse_journal(
        journal.entries,
        threshold=journal.threshold,
        tag_names=journal.tag_names,
        partner_names=journal.partner_names,
    )
