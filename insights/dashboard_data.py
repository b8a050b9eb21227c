"""What the dashboard shows besides the latest entries: this month against last month, and
the charts' text and the strongest insight for the chosen period (cached per data version).

Every read here is a fixed number of queries, however many entries the person has.
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy, pgettext

from entries.models import Entry, episode_condition
from insights.chart_data import CHARTS, chart_summary
from insights.charts import ChartSummary
from insights.journal import JournalReader
from insights.wording import percent, strongest_sentence
from pct_journal import chart_cache
from pct_journal.date_range import DateRange

# How many of the latest entries the home page lists.
RECENT_ENTRIES = 5

NOT_ENOUGH_DATA = gettext_lazy(
    "Not enough data yet to see what goes together with your episodes. Keep logging, "
    "the calm times too: after a few weeks, patterns can start to show."
)
NOTHING_STANDS_OUT = gettext_lazy(
    "Nothing stands out in these entries yet: no factor went together with episodes "
    "clearly or possibly."
)


def _month(first_day: dt.date) -> str:
    # Translators: a month's name on its own as a PHP-style format, "June" in English.
    return date_format(first_day, pgettext("month on its own", "F"))


@dataclass(frozen=True)
class MonthCount:
    label: str  # "June"
    entries: int
    episodes: int

    @property
    def rate(self) -> str:
        return percent(self.episodes / self.entries) if self.entries else "–"


@dataclass(frozen=True)
class MonthCounts:
    total_entries: int  # all time, to tell a new journal from a quiet month
    this_month: MonthCount
    last_month: MonthCount


@dataclass(frozen=True)
class DashboardPanel:
    trend: ChartSummary
    emotions: ChartSummary
    checkins: ChartSummary | None  # None for someone who has never taken a check-in
    insight: str  # the strongest insight in one sentence, or why there is none yet
    has_pattern: bool


def _month_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day.replace(day=1), dt.time.min))


def month_counts(user: User, *, threshold: int, today: dt.date) -> MonthCounts:
    """Entries and episodes this calendar month and last, in the user's time zone: one
    query per data version, kept in the person's encrypted cache (pct_journal.chart_cache)
    as the charts are, since the home page asks on every visit."""
    # The key holds the data version, today and the language; the zone and threshold
    # set the months' bounds and what counts as an episode.
    key = chart_cache.chart_cache_key(
        "dashboard",
        user=user,
        data_version=user.preferences.data_version,
        name=f"month-counts:{threshold}:{timezone.get_current_timezone_name()}",
        dates=DateRange(end=today),
        today=today,
    )
    return chart_cache.cached(key, lambda: _month_counts(user, threshold=threshold, today=today))


def _month_counts(user: User, *, threshold: int, today: dt.date) -> MonthCounts:
    this_start = _month_start(today)
    last_start = _month_start(this_start.date() - dt.timedelta(days=1))
    this_month = Q(occurred_at__gte=this_start)
    last_month = Q(occurred_at__gte=last_start, occurred_at__lt=this_start)
    episode = episode_condition(threshold)
    counts = Entry.objects.filter(user=user).aggregate(
        total=Count("id"),
        this_entries=Count("id", filter=this_month),
        this_episodes=Count("id", filter=this_month & episode),
        last_entries=Count("id", filter=last_month),
        last_episodes=Count("id", filter=last_month & episode),
    )
    return MonthCounts(
        counts["total"],
        MonthCount(_month(this_start), counts["this_entries"], counts["this_episodes"]),
        MonthCount(_month(last_start), counts["last_entries"], counts["last_episodes"]),
    )


def recent_entries(user: User, *, threshold: int, count: int = RECENT_ENTRIES) -> list[Entry]:
    """The latest `count` entries, their notes left unread, with the episode flag and the
    partner: one query per data version, then kept in the person's encrypted cache."""
    key = chart_cache.chart_cache_key(
        "dashboard",
        user=user,
        data_version=user.preferences.data_version,
        name=f"recent-entries:{count}:{threshold}",
        dates=DateRange(),
        today=timezone.localdate(),
    )
    return chart_cache.cached(
        key,
        lambda: list(
            Entry.objects.filter(user=user)
            .with_episode_flag(threshold)
            .select_related("partner")
            .defer("notes")[:count]
        ),
    )


def _build_panel(reader: JournalReader) -> DashboardPanel:
    report = reader.report
    strongest = report.strongest()
    if strongest:
        insight = strongest_sentence(strongest)
    elif any(factor.evidence != "not_enough_data" for factor in report.ranked_factors()):
        insight = str(NOTHING_STANDS_OUT)
    else:
        insight = str(NOT_ENOUGH_DATA)
    return DashboardPanel(
        trend=CHARTS["trend"].summarise(reader),
        emotions=CHARTS["emotions"].summarise(reader),
        # The check-ins chart once the person has taken any check-in: with none in this
        # period it says so (its empty state); with none ever, it is not shown.
        checkins=chart_summary(reader, "checkins") if reader.journal.has_checkins else None,
        insight=insight,
        has_pattern=strongest is not None,
    )


def dashboard_panel(reader: JournalReader) -> DashboardPanel:
    # Renamed when the panel gained the check-ins chart, so no cached older panel
    # (without that field) is ever read back.
    return reader.cached("dashboard", "panel-with-checkins", lambda: _build_panel(reader))
