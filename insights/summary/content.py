"""Everything the summary document says, for one user and the options they chose.

Built once and handed to `templates/insights/summary/_document.html`, which the export
page (as a preview), the print page, the PDF and a share link all render: the template
holds no logic, and every number here is one the insights page would show too.
"""

import datetime as dt
import hashlib
import zoneinfo
from dataclasses import dataclass, replace
from typing import cast

import pandas as pd
from django.contrib.auth.models import User
from django.core.exceptions import ObjectDoesNotExist
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy, ngettext, pgettext

from accounts.services import preferences_for
from checkins.exposure import EXPOSURE_COLUMNS
from checkins.instruments import INSTRUMENTS, PHQ9, SAFETY_ITEM, answer_label
from checkins.selectors import checkins_dataframe
from insights import charts
from insights.analysis import Report, arm
from insights.chart_data import chart_summary, chart_svg
from insights.charts import ChartSummary
from insights.journal import JournalReader, analyse
from insights.selectors import JournalFrame
from insights.summary.chart_images import ChartImage, chart_image
from insights.summary.glance import glance_lines
from insights.summary.notes import SharedNote, chosen_notes, notes_in_period
from insights.summary.options import NOTES_CHOSEN, NOTES_NONE, SummaryOptions
from insights.summary.snapshot import Snapshot, journal_as_of
from insights.summary.tables import (
    CopingRow,
    FactorRow,
    FeelingRow,
    coping_rows,
    duration_text,
    factor_rows,
    feeling_rows,
    peaks_text,
    waiting_categories,
)
from insights.wording import decimal, percent
from pct_journal import chart_cache
from pct_journal.scales import intensity_label

# Entries a week are only worked out over at least this many days of journal.
DAYS_FOR_A_WEEKLY_FIGURE = 7

STATEMENT = gettext_lazy(
    "Everything here was recorded by the person themselves in a private journal app. The "
    "patterns are associations within their own entries, things that went together, and "
    "not evidence of what causes what. Nothing in this summary is a diagnosis."
)


@dataclass(frozen=True)
class KeyNumbers:
    entries: int
    episodes: int
    rate: str  # "36%", or "–" without entries
    rate_interval: str | None  # "28–45%", the 95% Wilson interval
    cried: int
    per_week: str | None  # entries per week, from the period's start or the first entry
    per_week_since: str | None  # that first entry's day, when it came after the start
    logged: str  # what the journal holds, and what it cannot know (logged_statement)


@dataclass(frozen=True)
class InstrumentLine:
    name: str  # "PHQ-9"
    title: str  # "Mood"
    count: int
    first: str  # "12, moderate (3 Sep 2026)"
    latest: str
    highest: str


@dataclass(frozen=True)
class SafetyAnswer:
    day: str
    answer: str  # "Several days"


@dataclass(frozen=True)
class CheckinSection:
    instruments: list[InstrumentLine]
    chart: ChartImage | None
    safety_item: str  # the wording of PHQ-9 question 9
    safety_answers: list[SafetyAnswer]  # every answer above "Not at all"
    phq9_count: int


@dataclass(frozen=True)
class Summary:
    who: str | None  # the username; None in discreet mode and behind a share link
    period_label: str  # "Last 90 days"
    period_dates: str  # "28 Aug 2026 – 25 Nov 2026"
    generated: str
    threshold_label: str  # "moderate"
    numbers: KeyNumbers
    glance: list[str]  # "at a glance": the gist, each line repeating a figure shown below
    trend: ChartImage | None
    trend_text: str
    feelings: list[FeelingRow]
    peaks: str | None
    cried_text: str | None
    duration: str | None
    factors: list[FactorRow]
    waiting: list[str]  # categories without enough data to judge
    coping: list[CopingRow]
    checkins: CheckinSection | None  # None when left out
    notes: list[SharedNote] | None  # None when left out
    included: list[str]
    left_out: list[str]
    statement: str
    threshold: int
    paper: str


def _day(value: dt.date) -> str:
    # Translators: a date in the summary as a PHP-style format: "3 Sep 2026" in English.
    return date_format(value, pgettext("summary date", "j M Y"))


def _pseudonyms(journal: JournalFrame) -> dict[str, str]:
    """ "partner A", "partner B", … in order of first appearance, instead of nicknames."""
    seen = list(dict.fromkeys(journal.entries["partner_id"].dropna()))
    ordered = seen + sorted(set(journal.partner_names) - set(seen))
    return {
        partner_id: gettext("partner %(letter)s")
        % {"letter": chr(ord("A") + index) if index < 26 else index + 1}
        for index, partner_id in enumerate(ordered)
    }


def _preferences(user: User):
    # The object the preferences middleware (or the share-link selector) attached to the
    # user, so the summary does not read it again; read or made here otherwise.
    try:
        return user.preferences
    except ObjectDoesNotExist:
        return preferences_for(user)


def _frame_and_report(
    user: User, options: SummaryOptions, snapshot: Snapshot | None, reader: JournalReader | None
) -> tuple[JournalFrame, Report, pd.DataFrame | None]:
    """The entries, their report, and the period's check-ins (None behind a share link,
    which reads them as they were then)."""
    if reader is None:  # behind a share link: read as it was when the link was made
        as_of = cast(Snapshot, snapshot)
        frame = journal_as_of(user, options.dates, as_of, with_checkins=options.checkins)
        checkins = None
    else:
        frame, checkins = reader.journal.frame, reader.journal.checkins
        if options.checkins and options.partners:
            return frame, reader.report, checkins
        # Check-in factors (a high PHQ-9 or GAD-7 score before an entry) say something
        # about the check-ins, so they are only analysed when check-ins are shared.
        if not options.checkins:
            flags = [name for name in EXPOSURE_COLUMNS.values() if name in frame.entries]
            frame = replace(frame, entries=frame.entries.drop(columns=flags))
    if not options.partners:
        frame = replace(frame, partner_names=_pseudonyms(frame))
    return frame, analyse(frame), checkins


def _trend(
    journal: JournalFrame,
    options: SummaryOptions,
    reader: JournalReader | None,
    *,
    today: dt.date,
    for_pdf: bool,
) -> tuple[ChartSummary, ChartImage | None]:
    """The trend chart's text, and its image when charts are included."""
    if reader is not None:
        # The dashboard's own trend chart and text, through the reader's cache: what one
        # page has drawn for this data version, the other does not draw again.
        summary = chart_summary(reader, "trend")
        if not options.charts:
            return summary, None
        return summary, chart_image(chart_svg(reader, "trend"), summary, for_pdf=for_pdf)
    summary = charts.trend_summary(journal.entries, date_range=options.dates, today=today)
    if not options.charts:
        return summary, None
    svg = charts.render_trend_svg(journal.entries, date_range=options.dates, today=today)
    return summary, chart_image(svg, summary, for_pdf=for_pdf)


def _period_bounds(
    options: SummaryOptions, entries: pd.DataFrame, today: dt.date
) -> tuple[dt.date | None, dt.date]:
    start = options.dates.start
    if start is None and not entries.empty:
        start = entries["local_date"].min()
    return start, options.dates.end or today


def _per_week(
    entries: int, start: dt.date | None, first_entry: dt.date | None, end: dt.date
) -> tuple[str | None, str | None]:
    """Entries a week, and the day counting began when that was the first entry.

    Counted from the later of the period's start and the first entry: a journal begun
    halfway through the period is not diluted by the weeks before it. Under a week of
    journal says nothing about weeks, so no figure then."""
    if not entries or start is None or first_entry is None:
        return None, None
    counted_from = max(start, first_entry)
    days = (end - counted_from).days + 1
    if days < DAYS_FOR_A_WEEKLY_FIGURE:
        return None, None
    since = _day(counted_from) if counted_from > start else None
    return decimal(f"{entries / (days / 7):.1f}"), since


def logged_statement(entries: int, episodes: int) -> str:
    """What the journal holds in the period, without claiming it holds everything: the app
    only knows what was logged, and people log calm experiences more or less faithfully."""
    calm = entries - episodes
    holds = gettext("In this period the journal holds %(calm)s and %(episodes)s.") % {
        "calm": ngettext("%(count)s calm entry", "%(count)s calm entries", calm) % {"count": calm},
        "episodes": ngettext("%(count)s episode", "%(count)s episodes", episodes)
        % {"count": episodes},
    }
    return f"{holds} " + gettext(
        "The rate is the share of logged experiences that an episode followed; how complete "
        "the journal is depends on the person, and experiences they did not log, calm or not, "
        "are not counted."
    )


def _key_numbers(
    report: Report, start: dt.date | None, first_entry: dt.date | None, end: dt.date
) -> KeyNumbers:
    overall = arm(report.entries, report.episodes)
    interval = None
    if overall.rate_ci_low is not None:
        # "28–45%": the sign once, wherever the language puts it.
        interval = gettext("%(low)s–%(high)s%%") % {
            "low": int(overall.rate_ci_low * 100 + 0.5),
            "high": int(cast(float, overall.rate_ci_high) * 100 + 0.5),
        }
    per_week, since = _per_week(report.entries, start, first_entry, end)
    profile = report.profile
    return KeyNumbers(
        entries=report.entries,
        episodes=report.episodes,
        rate=percent(overall.rate),
        rate_interval=interval,
        cried=profile.cried if profile else 0,
        per_week=per_week,
        per_week_since=since,
        logged=logged_statement(report.entries, report.episodes),
    )


def _cried_text(report: Report) -> str | None:
    profile = report.profile
    if not profile or not profile.episodes:
        return None
    return ngettext(
        "Cried in %(cried)s of %(count)s episode (%(share)s).",
        "Cried in %(cried)s of %(count)s episodes (%(share)s).",
        profile.episodes,
    ) % {"cried": profile.cried, "count": profile.episodes, "share": percent(profile.cried_share)}


def _score(row: dict) -> str:
    band = INSTRUMENTS[row["instrument"]].band_label(row["band"]).lower()
    return gettext("%(score)s, %(band)s (%(day)s)") % {
        "score": int(row["total"]),
        "band": band,
        "day": _day(row["taken_at"].date()),
    }


def _checkin_section(
    user: User,
    options: SummaryOptions,
    *,
    time_zone: str,
    for_pdf: bool,
    frame: pd.DataFrame | None,
    as_of: dt.datetime | None,
    reader: JournalReader | None,
) -> CheckinSection:
    if frame is None:
        frame = checkins_dataframe(user, options.dates, time_zone=time_zone, as_of=as_of)
    # A few dozen check-ins: plain rows, rather than a pandas selection per figure.
    records = frame.to_dict("records")
    lines = []
    for key, instrument in INSTRUMENTS.items():
        rows = [row for row in records if row["instrument"] == key]
        if not rows:
            continue
        lines.append(
            InstrumentLine(
                name=instrument.name,
                title=instrument.title,
                count=len(rows),
                first=_score(rows[0]),
                latest=_score(rows[-1]),
                # The first of the highest, as pandas' idxmax picked it.
                highest=_score(max(rows, key=lambda row: row["total"])),
            )
        )
    chart = None
    if options.charts and lines and reader is not None:
        # The page's own check-ins chart, kept under the check-ins' version: a new entry
        # does not draw it again.
        summary = chart_summary(reader, "checkins")
        chart = chart_image(chart_svg(reader, "checkins"), summary, for_pdf=for_pdf)
    elif options.charts and lines:
        chart = chart_image(
            charts.render_checkins_svg(frame), charts.checkins_summary(frame), for_pdf=for_pdf
        )
    phq9 = [row for row in records if row["instrument"] == PHQ9]
    flagged = [row for row in phq9 if pd.notna(row["item9"]) and int(row["item9"]) > 0]
    return CheckinSection(
        instruments=lines,
        chart=chart,
        safety_item=INSTRUMENTS[PHQ9].items[SAFETY_ITEM - 1],
        safety_answers=[
            SafetyAnswer(_day(row["taken_at"].date()), answer_label(int(row["item9"])))
            for row in flagged
        ],
        phq9_count=len(phq9),
    )


def _latest_scores(checkins: CheckinSection | None) -> str | None:
    if checkins is None or not checkins.instruments:
        return None
    scores = "; ".join(f"{line.name} {line.latest}" for line in checkins.instruments)
    return gettext("Latest check-ins: %(scores)s.") % {"scores": scores}


def _notes(
    user: User, options: SummaryOptions, *, time_zone: str, threshold: int
) -> list[SharedNote] | None:
    if options.notes == NOTES_NONE:
        return None
    notes = notes_in_period(user, options.dates, time_zone=time_zone, threshold=threshold)
    if options.notes == NOTES_CHOSEN:
        return chosen_notes(notes, options.note_ids)
    return notes


def build_summary(
    user: User,
    options: SummaryOptions,
    *,
    now: dt.datetime,
    for_pdf: bool = False,
    snapshot: Snapshot | None = None,
) -> Summary:
    """The whole document; `now` is when it is generated (dates in the owner's zone).

    With a `snapshot` (a share link's), the journal is read as it was then, and the
    username is left out: the reader is not logged in, and the person who sent the link
    is already known to them, while a username is half of a login (often an email
    address) and a link can be forwarded."""
    preferences = _preferences(user)
    zone = zoneinfo.ZoneInfo(preferences.time_zone)
    today = now.astimezone(zone).date()
    reader = None if snapshot else JournalReader(user, options.dates, today=today)
    journal, report, period_checkins = _frame_and_report(user, options, snapshot, reader)
    start, end = _period_bounds(options, journal.entries, today)
    trend_summary, trend = _trend(journal, options, reader, today=today, for_pdf=for_pdf)
    profile = report.profile
    first_entry = journal.entries["local_date"].min() if not journal.entries.empty else None
    numbers = _key_numbers(report, start, first_entry, end)
    threshold_label = intensity_label(journal.threshold).lower()
    checkins = (
        _checkin_section(
            user,
            options,
            time_zone=preferences.time_zone,
            for_pdf=for_pdf,
            frame=period_checkins,
            as_of=snapshot.as_of if snapshot else None,
            reader=reader,
        )
        if options.checkins
        else None
    )
    return Summary(
        who=None if preferences.discreet_mode or snapshot else user.get_username(),
        period_label=options.period.label,
        period_dates=f"{_day(start)} – {_day(end)}"
        if start
        else gettext("Until %(day)s") % {"day": _day(end)},
        generated=_day(today),
        threshold_label=threshold_label,
        numbers=numbers,
        glance=glance_lines(
            report,
            per_week=numbers.per_week,
            per_week_since=numbers.per_week_since,
            threshold_label=threshold_label,
            latest_scores=_latest_scores(checkins),
        ),
        trend=trend,
        trend_text=trend_summary.description,
        feelings=feeling_rows(profile, threshold=journal.threshold),
        peaks=peaks_text(profile),
        cried_text=_cried_text(report),
        duration=duration_text(profile),
        factors=factor_rows(report),
        waiting=waiting_categories(report),
        coping=coping_rows(report.coping),
        checkins=checkins,
        notes=_notes(user, options, time_zone=preferences.time_zone, threshold=journal.threshold),
        included=options.included(),
        left_out=options.left_out(),
        statement=str(STATEMENT),
        threshold=journal.threshold,
        paper=options.paper,
    )


def screen_summary(user: User, options: SummaryOptions, *, now: dt.datetime) -> Summary:
    """build_summary for the screen (the export page's preview and the print page),
    worked out once per data version, options and day and kept in the derived cache.

    Drawing its two charts and analysing the journal take most of a second; the
    export page redraws its preview on every change of options, and going back to an
    earlier choice, or opening the print page next, needs nothing new. Every write to
    the journal, its settings or its check-ins bumps the data version, so a cached
    summary is never one that is out of date. The username and discreet mode are part
    of the key too, as the document names the account unless discreet mode is on."""
    key = screen_summary_key(user, options, now=now, data_version=_preferences(user).data_version)
    return chart_cache.cached(key, lambda: build_summary(user, options, now=now))


def screen_summary_key(
    user: User, options: SummaryOptions, *, now: dt.datetime, data_version: int
) -> chart_cache.CacheKey:
    """Where screen_summary keeps the summary of `data_version` (the current one, or an
    earlier one that a page may still show while the worker adds the latest write)."""
    preferences = _preferences(user)
    today = now.astimezone(zoneinfo.ZoneInfo(preferences.time_zone)).date()
    # A digest: the picked notes' ids need not be spelled out in a cache key.
    chosen = f"{options.query()}|{preferences.discreet_mode}|{user.get_username()}"
    return chart_cache.chart_cache_key(
        "summary",
        user=user,
        data_version=data_version,
        name=hashlib.sha256(chosen.encode()).hexdigest(),
        dates=options.dates,
        today=today,
    )
