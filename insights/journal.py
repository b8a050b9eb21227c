"""A person's journal for one period, read and analysed once per data version.

Every page that shows the journal (the dashboard, Insights, each chart, report.json and
the therapist summary) reads it through one `JournalReader`. The reader builds the
`Journal` (the entries frame, the check-ins, the analysis report) at most once per
user, period and `Preferences.data_version`, keeps it in the per-person encrypted cache
(`pct_journal.chart_cache`), and keys everything presented from it (a chart, its
text, a page section, the report) on the same version. A request therefore reads the
database once or not at all, and a revisit reads only the finished pieces it shows:
the journal itself is only opened when one of them is missing.

After a write, a worker works the default period out again off the request path
(insights.tasks). Until it is done, the pages that show insights read them through
`read_for_page`, which holds the one rule for what they may show meanwhile ("stale while
refreshing"): the newest version the worker finished, marked as not up to date, but only
while a refresh asked for less than REFRESH_PATIENCE_SECONDS ago is still expected and
only while all of that version is still in the cache. The export page's preview
follows the same rule (insights.summary.preview). Otherwise, and for every other reader
(the therapist summary and its PDF, share links), the current version is worked out in
the request as before. An earlier version is only ever read from the cache: it is
never built from the database under an old number.
"""

import datetime as dt
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

import pandas as pd
from django.contrib.auth.models import User

from checkins.exposure import recent_high_flags
from checkins.selectors import checkins_dataframe
from insights.analysis import Report, analyse_journal
from insights.selectors import JournalFrame, entries_dataframe
from pct_journal import chart_cache
from pct_journal.date_range import DateRange

T = TypeVar("T")

# How long after a write a page may show the insights of the version before it, while the
# worker works out the new one (a few seconds when it runs; if it does not, a page waits
# this long at most before working them out itself).
REFRESH_PATIENCE_SECONDS = 30


def with_checkin_flags(frame: JournalFrame, checkins: pd.DataFrame) -> JournalFrame:
    """The entries with `phq9_recent_high` / `gad7_recent_high` joined on, when there are
    check-ins. Without any, the analysis still lists both factors (every entry unknown:
    "not enough data", with how to start taking check-ins)."""
    if frame.entries.empty or checkins.empty:
        return frame
    flags = recent_high_flags(frame.entries["occurred_at"], checkins)
    return JournalFrame(
        frame.entries.join(flags),
        frame.tag_names,
        frame.partner_names,
        frame.threshold,
        frame.time_zone,
    )


def analyse(frame: JournalFrame) -> Report:
    return analyse_journal(
        frame.entries,
        threshold=frame.threshold,
        tag_names=frame.tag_names,
        partner_names=frame.partner_names,
    )


def _in_period(checkins: pd.DataFrame, dates: DateRange) -> pd.DataFrame:
    """The check-ins taken on the period's days, in the person's time zone."""
    if checkins.empty:
        return checkins
    days = checkins["taken_at"].dt.date
    keep = pd.Series(True, index=checkins.index)
    if dates.start:
        keep &= days >= dates.start
    if dates.end:
        keep &= days <= dates.end
    return checkins[keep].reset_index(drop=True)


def checkins_digest(checkins: pd.DataFrame) -> str:
    digest = hashlib.sha256(pd.util.hash_pandas_object(checkins, index=False).to_numpy().tobytes())
    digest.update(f"{list(checkins.columns)} {checkins['taken_at'].dt.tz}".encode())
    return f"checkins-{digest.hexdigest()[:32]}"


@dataclass(frozen=True)
class Journal:
    frame: JournalFrame  # the period's entries, with the check-in factors joined on
    checkins: pd.DataFrame  # the check-ins taken in the period
    has_checkins: bool  # any check-in ever, in the period or not
    data_version: int
    dates: DateRange
    today: dt.date

    @property
    def entries(self) -> pd.DataFrame:
        return self.frame.entries

    @cached_property
    def report(self) -> Report:
        """The analysis, worked out when first asked for: a chart of the entries alone,
        drawn right after a new entry, does not wait for the statistics."""
        return analyse(self.frame)

    @property
    def checkins_version(self) -> str:
        """A digest of the period's check-ins: the check-ins chart depends on nothing
        else, so logging an entry does not draw the same check-ins again (drawing them
        costs a whole chart; hashing a few dozen rows costs nothing)."""
        return checkins_digest(self.checkins)


def build_journal(user: User, dates: DateRange, *, today: dt.date, data_version: int) -> Journal:
    """Three queries for the entries and their factors, one for the check-ins."""
    frame = entries_dataframe(user, dates)
    # All check-ins, not just the period's: one taken just before the period still
    # describes the two weeks around its first entries.
    checkins = checkins_dataframe(user, time_zone=frame.time_zone)
    frame = with_checkin_flags(frame, checkins)
    return Journal(
        frame=frame,
        checkins=_in_period(checkins, dates),
        has_checkins=not checkins.empty,
        data_version=data_version,
        dates=dates,
        today=today,
    )


class PreviousVersionGone(Exception):
    """Part of the earlier version a reader was asked for is no longer in the cache."""


def refresh_requested(user: User) -> None:
    """Notes that `user`'s insights are being worked out again (insights.tasks), up to
    their current data version."""
    key = chart_cache.person_key("refresh-requested", user=user)
    asked = (user.preferences.data_version, time.time())
    chart_cache.store(key, asked, timeout=REFRESH_PATIENCE_SECONDS + 5)


def refresh_pending(user: User, *, version: int) -> bool:
    """Whether a refresh of `user`'s insights up to `version` was asked for moments ago
    (one asked for before a later write, never followed by its own, does not count)."""
    try:
        asked = chart_cache.peek(chart_cache.person_key("refresh-requested", user=user))
    except chart_cache.Missing:
        return False
    if not isinstance(asked, tuple):
        return False
    asked_version, asked_at = asked
    return asked_version >= version and 0 <= time.time() - asked_at < REFRESH_PATIENCE_SECONDS


class JournalReader:
    """What one request reads of `user`'s journal for `dates`.

    Uses user.preferences (which the preferences middleware attaches to request.user)
    for the data version; every write to the journal, its settings or its check-ins
    bumps it, so nothing cached here is ever served as current once it is stale.

    `data_version` asks for an earlier version instead (`read_for_page`): its parts are
    only read from the cache, and a part that is gone raises PreviousVersionGone."""

    def __init__(
        self, user: User, dates: DateRange, *, today: dt.date, data_version: int | None = None
    ) -> None:
        self.user = user
        self.dates = dates
        self.today = today
        self.current_version: int = user.preferences.data_version
        self.data_version: int = self.current_version if data_version is None else data_version

    @property
    def up_to_date(self) -> bool:
        return self.data_version == self.current_version

    def key(
        self, kind: str, name: str, *, version: int | str | None = None
    ) -> chart_cache.CacheKey:
        """The cache key of `kind` ("svg", "section", ...) `name` for this period, under
        the data version or a narrower `version` of what it depends on."""
        return chart_cache.chart_cache_key(
            kind,
            user=self.user,
            data_version=self.data_version if version is None else version,
            name=name,
            dates=self.dates,
            today=self.today,
        )

    @cached_property
    def journal(self) -> Journal:
        key = self.key("journal", "period")
        if not self.up_to_date:
            try:
                return chart_cache.peek(key)  # type: ignore[return-value]
            except chart_cache.Missing:
                raise PreviousVersionGone from None
        return chart_cache.cached(
            key,
            lambda: build_journal(
                self.user, self.dates, today=self.today, data_version=self.data_version
            ),
        )

    def cached(self, kind: str, name: str, build: Callable[[], T]) -> T:
        """`build()`, worked out once per data version; whatever of the journal it reads
        is only read when it is missing."""
        return chart_cache.cached(self.key(kind, name), build)

    @cached_property
    def checkins_version(self) -> str:
        """What the check-ins chart depends on (Journal.checkins_version), kept per data
        version. After a new entry it comes from the period's check-ins alone, one small
        query, rather than from reading and storing the whole journal again only to find
        that the check-ins chart is unchanged."""

        def digest() -> str:
            # An earlier version's check-ins are those of its journal, never today's rows.
            if "journal" in self.__dict__ or not self.up_to_date:
                return self.journal.checkins_version
            zone = self.user.preferences.time_zone
            return checkins_digest(checkins_dataframe(self.user, self.dates, time_zone=zone))

        return chart_cache.cached(self.key("checkins-digest", "period"), digest)

    @cached_property
    def report(self) -> Report:
        # Kept apart from the journal: report.json and the insights page read only this,
        # and the journal in the cache may have been stored before it was worked out.
        # Read once a request, however many parts of the page ask for it.
        return self.cached("report", "journal", lambda: self.journal.report)

    def _finished_key(self) -> chart_cache.CacheKey:
        # One per period, day and language, outliving data versions on purpose.
        return self.key("refreshed", "period", version="latest")

    def finished_version(self) -> int | None:
        """The newest version of this period whose every part a refresh has worked out."""
        try:
            version = chart_cache.peek(self._finished_key())
        except chart_cache.Missing:
            return None
        return version if isinstance(version, int) else None

    def mark_finished(self) -> None:
        """Says that every part of this version is in the cache (insights.tasks)."""
        finished = self.finished_version()
        if finished is None or finished < self.data_version:
            chart_cache.store(self._finished_key(), self.data_version)


def reader_for_page(user: User, dates: DateRange, *, today: dt.date) -> JournalReader:
    """The current version, or while a refresh is under way the newest finished one."""
    reader = JournalReader(user, dates, today=today)
    if not refresh_pending(user, version=reader.data_version):
        return reader
    finished = reader.finished_version()
    if finished is None or finished >= reader.data_version:
        return reader
    return JournalReader(user, dates, today=today, data_version=finished)


def read_for_page(
    user: User,
    dates: DateRange,
    *,
    today: dt.date,
    read: Callable[[JournalReader], T],
    version: int | None = None,
) -> T:
    """`read(reader)` of what a page shows: the rule above (`reader_for_page`), or the
    `version` a page was rendered for (a chart's image). Falls back to the current
    version when what was asked for is no longer in the cache, so a page never mixes
    versions and never fails for it."""
    if version is None:
        reader = reader_for_page(user, dates, today=today)
    else:
        reader = JournalReader(user, dates, today=today, data_version=version)
    if reader.up_to_date:
        return read(reader)
    try:
        return read(reader)
    except PreviousVersionGone:
        return read(JournalReader(user, dates, today=today))
