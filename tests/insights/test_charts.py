"""The chart functions on hand-made journals: what they draw, say and tabulate.

SVG elements are found by the ids the charts give them (matplotlib `gid`), so the tests
count bars and points rather than compare pictures.
"""

import datetime as dt
import re
import threading
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

from insights.analysis import Arm, FactorResult
from insights.charts import (
    calendar_summary,
    checkins_summary,
    emotions_summary,
    factors_summary,
    render_calendar_svg,
    render_checkins_svg,
    render_emotions_svg,
    render_factors_svg,
    render_trend_svg,
    trend_summary,
)
from insights.charts.periods import Span, chart_span
from pct_journal.date_range import DateRange

SVG = "{http://www.w3.org/2000/svg}"
END = dt.date(2026, 3, 29)  # a Sunday
THREE_WEEKS = DateRange(END - dt.timedelta(days=20), END)


def entries_frame(*rows: dict) -> pd.DataFrame:
    """Entries with the columns the charts read; each row gives `day` and any emotions."""
    records = []
    for row in rows:
        emotions = {name: row.get(name, 0) for name in ("sadness", "irritation", "agitation")}
        emotions["anxiety_after"] = row.get("anxiety_after", 0)
        cried = row.get("cried", False)
        records.append(
            {
                "local_date": row["day"],
                **emotions,
                "cried": cried,
                "is_episode": cried or max(emotions.values()) >= 2,
            }
        )
    columns = ["local_date", "sadness", "irritation", "agitation", "anxiety_after", "cried"]
    return pd.DataFrame(records, columns=[*columns, "is_episode"])


def day(offset: int) -> dt.date:
    """A day of THREE_WEEKS: 0 is its first day."""
    return THREE_WEEKS.start + dt.timedelta(days=offset)


def svg_root(svg: bytes) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314  (the app's own SVG output, not untrusted XML)


def ids(svg: bytes, prefix: str) -> list[str]:
    return [
        element.get("id")
        for element in svg_root(svg).iter()
        if (element.get("id") or "").startswith(prefix)
    ]


def drawn_points(svg: bytes, gid: str) -> int:
    """Markers matplotlib drew for the line or scatter with this gid: `<use>`s of a marker
    defined once, or (for simple shapes) one `<path>` each outside the definitions."""
    group = next(element for element in svg_root(svg).iter() if element.get("id") == gid)
    uses = list(group.iter(f"{SVG}use"))
    if uses:
        return len(uses)
    definitions = {id(path) for defs in group.iter(f"{SVG}defs") for path in defs.iter()}
    return sum(1 for path in group.iter(f"{SVG}path") if id(path) not in definitions)


def drawn_bars(svg: bytes, gid: str) -> int:
    """Shapes in the collection with this gid (bars, calendar days, interval lines)."""
    group = next(element for element in svg_root(svg).iter() if element.get("id") == gid)
    return len(list(group.iter(f"{SVG}path")))


def squares_by_fill(svg: bytes, gid: str) -> dict[str, int]:
    """Squares in the group with this gid, counted per colour role: the calendar draws
    each colour as one path of many squares, so this counts the paths' subpaths."""
    group = next(element for element in svg_root(svg).iter() if element.get("id") == gid)
    counts: dict[str, int] = {}
    for path in group.iter(f"{SVG}path"):
        role = re.search(r"fill: var\(--c-(\w+)", path.get("style"))[1]
        counts[role] = counts.get(role, 0) + path.get("d").count("M")
    return counts


def description(svg: bytes) -> str:
    return svg_root(svg).find(f"{SVG}desc").text


@pytest.fixture
def three_weeks():
    """Week 1: two entries, one an episode; week 2: none; week 3: three, two episodes."""
    return entries_frame(
        {"day": day(0), "sadness": 3},
        {"day": day(2)},
        {"day": day(14), "cried": True},
        {"day": day(15), "anxiety_after": 2, "sadness": 1},
        {"day": day(20), "irritation": 1},
    )


def test_the_trend_has_a_bar_pair_per_week_and_a_rate_point_per_week_with_entries(three_weeks):
    svg = render_trend_svg(three_weeks, date_range=THREE_WEEKS, today=END)

    assert drawn_bars(svg, "trend-entries") == 3
    assert drawn_bars(svg, "trend-episodes") == 3
    assert drawn_points(svg, "trend-rate") == 2  # the empty week has no rate to draw
    assert "5 entries, 3 followed by an episode (60%)" in description(svg)


def test_the_trend_table_has_the_same_numbers_as_the_bars(three_weeks):
    summary = trend_summary(three_weeks, date_range=THREE_WEEKS, today=END)

    assert summary.table.columns == ("Week", "Entries", "Episodes", "Episode rate")
    assert [row[1:] for row in summary.table.rows] == [
        ("2", "1", "50%"),
        ("0", "0", "–"),
        ("3", "2", "67%"),
    ]
    assert summary.table.rows[0][0] == "9 – 15 Mar 2026"
    assert "The most episodes in one week was 2 (23 – 29 Mar 2026: 2 of 3 entries)" in (
        summary.description
    )


def test_a_week_cut_off_by_the_start_of_the_period_is_labelled_with_its_days(three_weeks):
    ten_days = DateRange(END - dt.timedelta(days=9), END)

    rows = trend_summary(three_weeks, date_range=ten_days, today=END).table.rows

    assert [row[0] for row in rows] == ["20 – 22 Mar 2026", "23 – 29 Mar 2026"]
    assert rows[0][1:] == ("0", "0", "–")


def test_a_year_is_shown_month_by_month():
    year = DateRange(dt.date(2025, 7, 1), dt.date(2026, 6, 30))
    frame = entries_frame({"day": dt.date(2025, 7, 3)}, {"day": dt.date(2026, 6, 2), "cried": True})

    svg = render_trend_svg(frame, date_range=year, today=dt.date(2026, 6, 30))
    summary = trend_summary(frame, date_range=year, today=dt.date(2026, 6, 30))

    assert drawn_bars(svg, "trend-entries") == 12
    assert summary.table.columns[0] == "Month"
    assert summary.table.rows[0][0] == "July 2025"


def test_the_emotions_chart_draws_a_rolling_mean_per_week_and_marks_each_time_of_crying(
    three_weeks,
):
    svg = render_emotions_svg(three_weeks, date_range=THREE_WEEKS, today=END)
    summary = emotions_summary(three_weeks, date_range=THREE_WEEKS, today=END)

    for emotion in ("sadness", "irritation", "agitation", "anxiety_after"):
        assert drawn_points(svg, f"emotions-{emotion}") == 3
    assert drawn_points(svg, "emotions-cried") == 1
    # Week 3 averages weeks 1-3: sadness (3 + 0 + 0 + 1 + 0) / 5 entries.
    assert summary.table.rows[2] == ("23 – 29 Mar 2026", "3", "0.8", "0.2", "0.0", "0.4", "1")
    # Week 2 has no entries of its own but still averages week 1's two.
    assert summary.table.rows[1][2] == "1.5"
    assert "over 5 entries the averages were sadness 0.8" in summary.description
    assert "You cried after 1 of them" in summary.description


def test_the_calendar_has_a_square_per_day_and_a_dot_per_episode_day(three_weeks):
    svg = render_calendar_svg(three_weeks, date_range=THREE_WEEKS, today=END)
    summary = calendar_summary(three_weeks, date_range=THREE_WEEKS, today=END)

    # 21 days: the 5 with one entry each in the lightest entry colour, the rest empty.
    assert squares_by_fill(svg, "calendar-days") == {"cell0": 16, "cell1": 5}
    assert drawn_points(svg, "calendar-episodes") == 3
    assert "entries on 5 of 21 days; an episode followed on 3 days" in summary.description
    assert summary.table.rows[0] == ("Mon 9 Mar 2026", "1", "1")
    assert len(summary.table.rows) == 5


def test_a_calendar_day_is_darker_the_more_entries_it_has():
    busy = entries_frame(
        *[{"day": day(0)}] * 2, *[{"day": day(1)}] * 3, *[{"day": day(2)}] * 5, {"day": day(3)}
    )
    svg = render_calendar_svg(busy, date_range=THREE_WEEKS, today=END)

    assert squares_by_fill(svg, "calendar-days") == {
        "cell0": 17,
        "cell1": 1,
        "cell2": 1,
        "cell3": 2,
    }


def _checkins() -> pd.DataFrame:
    taken = pd.Timestamp("2026-01-05 20:00", tz="Europe/Berlin")
    rows = [
        (taken, "phq9", 12, "moderate"),
        (taken + pd.Timedelta(days=14), "phq9", 8, "mild"),
        (taken + pd.Timedelta(days=28), "phq9", 15, "moderately_severe"),
        (taken, "gad7", 6, "mild"),
    ]
    return pd.DataFrame(rows, columns=["taken_at", "instrument", "total", "band"])


def test_the_checkins_chart_draws_each_questionnaire_over_its_bands():
    svg = render_checkins_svg(_checkins())
    summary = checkins_summary(_checkins())

    assert drawn_points(svg, "checkins-phq9") == 3
    assert drawn_points(svg, "checkins-gad7") == 1
    assert "PHQ-9 (mood): 3 check-ins from 5 Jan 2026 to 2 Feb 2026" in summary.description
    assert "scores 8 to 15 of 27; the latest was 15 of 27 (moderately severe)" in (
        summary.description
    )
    assert "GAD-7 (anxiety): 1 check-in, on 5 Jan 2026, score 6 of 21 (mild)." in (
        summary.description
    )
    assert len(summary.table.rows) == 4
    assert summary.table.rows[0][0] == "5 Jan 2026"


def test_the_checkins_text_says_when_every_score_was_the_same():
    taken = pd.Timestamp("2026-01-05 20:00", tz="UTC")
    same = pd.DataFrame(
        [(taken + pd.Timedelta(days=14 * n), "gad7", 14, "moderate") for n in range(3)],
        columns=["taken_at", "instrument", "total", "band"],
    )

    description = checkins_summary(same).description

    assert "3 check-ins from 5 Jan 2026 to 2 Feb 2026, score 14 of 21 each time." in description
    assert "14 to 14" not in description


def _arm(entries: int, episodes: int) -> Arm:
    return Arm(entries, episodes)


def _factor(label: str, exposed: Arm, unexposed: Arm, evidence: str) -> FactorResult:
    return FactorResult(
        key=label,
        label=label,
        category="other",
        exposed=exposed,
        unexposed=unexposed,
        risk_ratio=None,
        ci_low=None,
        ci_high=None,
        p_value=None,
        q_value=None,
        evidence=evidence,
        more_needed_exposed=0,
        more_needed_unexposed=0,
        exposed_words=f"entries with {label}",
        unexposed_words=f"entries without {label}",
    )


@pytest.fixture
def factors():
    return [
        _factor("moderate or worse pain", _arm(9, 7), _arm(15, 2), "clear"),
        _factor("alcohol or drugs", _arm(6, 1), _arm(18, 8), "none"),
        _factor("solo experiences", _arm(3, 1), _arm(21, 8), "not_enough_data"),
        _factor("<script>alert(1)</script>", _arm(0, 0), _arm(0, 0), "not_enough_data"),
    ]


def test_the_factors_chart_compares_each_factor_in_rank_order(factors):
    svg = render_factors_svg(factors)
    summary = factors_summary(factors)

    # The factor recorded on no entry cannot be drawn; the other three can.
    assert drawn_points(svg, "factors-with") == 3
    assert drawn_points(svg, "factors-without") == 3
    assert drawn_bars(svg, "factors-with-ci") == 3
    assert [row[0] for row in summary.table.rows] == [
        "moderate or worse pain",
        "alcohol or drugs",
        "solo experiences",
    ]
    assert summary.table.rows[0][1].startswith("7 of 9 (78%")
    assert summary.description.startswith("3 factors compared, strongest first")
    assert "Episodes followed 7 of 9 entries with moderate or worse pain (78%)" in (
        summary.description
    )


def test_a_factor_without_enough_data_is_drawn_hollow(factors):
    group = next(
        e for e in svg_root(render_factors_svg(factors)).iter() if e.get("id") == "factors-with"
    )

    fills = [use.get("style") for use in group.iter(f"{SVG}use")]  # circles: defined once

    assert "fill: var(--c-episodes" in fills[0]  # clear pattern: solid
    assert "fill: var(--c-halo" in fills[2]  # too few entries yet: hollow


def test_text_from_the_person_is_escaped_in_the_svg():
    factor = _factor("<script>alert(1)</script>", _arm(6, 3), _arm(10, 2), "possible")

    svg = render_factors_svg([factor])

    assert b"<script>" not in svg
    assert b"&lt;script&gt;" in svg


@pytest.mark.parametrize(
    ("render", "summarise", "what_to_log"),
    [
        (render_trend_svg, trend_summary, "Log every experience"),
        (render_emotions_svg, emotions_summary, "how you felt afterwards"),
        (render_calendar_svg, calendar_summary, "Each day you log"),
    ],
    ids=["trend", "emotions", "calendar"],
)
def test_a_period_without_entries_shows_what_to_log(render, summarise, what_to_log, three_weeks):
    before = DateRange(dt.date(2025, 1, 1), dt.date(2025, 1, 31))

    svg = render(three_weeks, date_range=before, today=END)
    summary = summarise(three_weeks, date_range=before, today=END)

    assert summary.is_empty
    assert what_to_log in summary.empty_message
    assert ids(svg, "empty-state")
    assert what_to_log in description(svg)
    assert not ids(svg, "trend-entries")


def test_the_factors_and_checkins_charts_have_empty_states_too():
    no_checkins = _checkins().iloc[:0]

    assert "check-in under More → Check-ins" in checkins_summary(no_checkins).empty_message
    assert ids(render_checkins_svg(no_checkins), "empty-state")
    assert factors_summary([]).is_empty
    assert ids(render_factors_svg([]), "empty-state")


def test_one_svg_carries_colours_for_light_and_dark_mode(three_weeks):
    svg = render_trend_svg(three_weeks, date_range=THREE_WEEKS, today=END).decode()

    assert "@media (prefers-color-scheme: dark)" in svg
    assert "var(--c-entries, #5fa39a)" in svg
    assert "#0a0b" not in svg  # every drawing colour became a CSS variable
    assert 'role="img"' in svg
    assert "<title" in svg


def test_the_same_data_gives_the_same_bytes(three_weeks):
    first = render_calendar_svg(three_weeks, date_range=THREE_WEEKS, today=END)
    second = render_calendar_svg(three_weeks, date_range=THREE_WEEKS, today=END)

    assert first == second


def test_charts_drawn_in_parallel_threads_match_those_drawn_one_by_one(three_weeks):
    expected = render_trend_svg(three_weeks, date_range=THREE_WEEKS, today=END)
    results = []

    def draw():
        results.append(render_trend_svg(three_weeks, date_range=THREE_WEEKS, today=END))

    threads = [threading.Thread(target=draw) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert results == [expected] * 6


def test_an_open_range_runs_from_the_first_entry_to_today(three_weeks):
    span = chart_span(DateRange(), three_weeks["local_date"], today=END + dt.timedelta(days=3))

    assert span == Span(day(0), END + dt.timedelta(days=3))
    assert chart_span(DateRange(), three_weeks["local_date"].iloc[:0], today=END) is None


def test_an_end_far_in_the_future_stops_the_chart_at_today(three_weeks):
    far = DateRange(THREE_WEEKS.start, dt.date(9000, 1, 1))

    span = chart_span(far, three_weeks["local_date"], today=END)
    svg = render_trend_svg(three_weeks, date_range=far, today=END)

    assert span == Span(THREE_WEEKS.start, END)
    assert drawn_bars(svg, "trend-entries") == 3  # the three weeks, not 360,000 of them


def test_an_entry_logged_a_little_ahead_of_today_stays_on_the_chart(three_weeks):
    ahead = pd.concat([three_weeks, entries_frame({"day": END + dt.timedelta(days=1)})])
    far = DateRange(THREE_WEEKS.start, dt.date(2030, 1, 1))

    span = chart_span(far, ahead["local_date"], today=END)

    assert span == Span(THREE_WEEKS.start, END + dt.timedelta(days=1))
