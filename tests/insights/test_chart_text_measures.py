"""Charts measure their texts once per process, and draw exactly as matplotlib would."""

import datetime as dt

import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

from insights.charts import figure, render_emotions_svg
from pct_journal.date_range import DateRange

START = dt.date(2026, 3, 9)
EMOTIONS = ("sadness", "irritation", "agitation", "anxiety_after")


def _entries(*days_and_feelings: tuple[int, dict]) -> pd.DataFrame:
    rows = []
    for offset, feelings in days_and_feelings:
        emotions = {name: feelings.get(name, 0) for name in EMOTIONS}
        cried = feelings.get("cried", False)
        rows.append(
            {
                "local_date": START + dt.timedelta(days=offset),
                **emotions,
                "cried": cried,
                "is_episode": cried or max(emotions.values()) >= 2,
            }
        )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("text", ["9 of 34", "“very tired”", "Übelkeit", "clear pattern", ""])
@pytest.mark.parametrize("size", [8, 9, 10.5])
def test_a_remembered_measure_is_the_one_matplotlib_takes(text, size):
    prop = FontProperties(family="DejaVu Sans", size=size)

    remembered = figure._MEASURES.get_text_width_height_descent(text, prop, False)

    assert remembered == TextToPath().get_text_width_height_descent(text, prop, False)


def test_a_chart_is_the_same_svg_as_with_matplotlibs_own_measures(monkeypatch):
    entries = _entries(
        (0, {"sadness": 3}), (8, {"irritation": 2, "cried": True}), (20, {"anxiety_after": 4})
    )
    period = DateRange(START, START + dt.timedelta(days=20))

    def chart() -> bytes:
        return render_emotions_svg(entries, date_range=period, today=period.end)

    remembered = chart()
    assert b'id="emotions-sadness' in remembered  # the chart itself, not its empty state
    monkeypatch.setattr(figure._ChartFigure, "draw", Figure.draw)

    assert chart() == remembered
