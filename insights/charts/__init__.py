"""Server-rendered charts: pure functions from DataFrames to SVG bytes (and their text).

Each chart module offers `render_<name>_svg(...)` (the image) and `<name>_summary(...)`
(its text alternative, its data as a table and its empty-state message), both computed
from the same numbers. No request or database here (`insights.chart_data` feeds them for
a user); the words come through gettext in the active language, numbers and dates in its
format.
"""

from insights.charts.calendar import calendar_summary, render_calendar_svg
from insights.charts.checkins import checkins_summary, render_checkins_svg
from insights.charts.emotions import emotions_summary, render_emotions_svg
from insights.charts.factors import factors_summary, render_factors_svg
from insights.charts.summary import ChartSummary, ChartTable
from insights.charts.trend import render_trend_svg, trend_summary

__all__ = [
    "ChartSummary",
    "ChartTable",
    "calendar_summary",
    "checkins_summary",
    "emotions_summary",
    "factors_summary",
    "render_calendar_svg",
    "render_checkins_svg",
    "render_emotions_svg",
    "render_factors_svg",
    "render_trend_svg",
    "trend_summary",
]
