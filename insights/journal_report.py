"""A user's insights report for a period: the selectors' frames through the pure analysis."""

from django.contrib.auth.models import User
from django.utils import timezone

from checkins.exposure import recent_high_flags
from checkins.selectors import checkins_dataframe
from insights.analysis import Report, analyse_journal
from insights.journal_cache import journal_frame
from insights.selectors import Journal
from pct_journal import chart_cache
from pct_journal.date_range import DateRange


def journal_with_checkins(user: User, dates: DateRange | None = None) -> Journal:
    """The entries with `phq9_recent_high` / `gad7_recent_high` joined on, when the
    person has taken any check-ins. Without any, the analysis still lists both factors
    (every entry unknown: "not enough data", with how to start taking check-ins)."""
    journal = journal_frame(user, dates)
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


def journal_report(
    user: User, dates: DateRange | None = None, *, data_version: int | None = None
) -> Report:
    """The report for the period. Pass `data_version` (request.preferences.data_version)
    to build it once per user, period and version and share it through Django's cache:
    the insights page, report.json and the factors chart all ask for the same report, on
    whichever app server a request lands."""
    if data_version is None:
        return report_for(journal_with_checkins(user, dates))
    key = chart_cache.chart_cache_key(
        "report",
        user=user,
        data_version=data_version,
        name="journal",
        dates=dates or DateRange(),
        today=timezone.localdate(),
    )
    return chart_cache.cached(key, lambda: report_for(journal_with_checkins(user, dates)))
