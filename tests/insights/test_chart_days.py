"""The days charts count on: each entry's local day, in the week or month pandas puts it in."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from insights.charts.periods import (
    Span,
    bucket_frequency,
    bucket_indexes,
    bucket_periods,
    local_days,
)

SPANS = [
    pytest.param(Span(dt.date(2026, 3, 1), dt.date(2026, 3, 29)), id="four-weeks-ending-sunday"),
    pytest.param(Span(dt.date(2026, 2, 25), dt.date(2026, 3, 4)), id="eight-days-over-a-month"),
    pytest.param(Span(dt.date(2025, 12, 3), dt.date(2026, 6, 10)), id="190-days-of-weeks"),
    pytest.param(Span(dt.date(2025, 12, 3), dt.date(2026, 6, 11)), id="191-days-of-months"),
    pytest.param(Span(dt.date(2023, 1, 31), dt.date(2026, 2, 28)), id="years-of-months"),
    pytest.param(Span(dt.date(2026, 5, 5), dt.date(2026, 5, 5)), id="one-day"),
]


@pytest.mark.parametrize("span", SPANS)
def test_every_day_of_the_span_gets_its_pandas_period(span):
    days = pd.date_range(span.start, span.end, freq="D")
    expected = bucket_periods(span).get_indexer(days.to_period(bucket_frequency(span)))

    found = bucket_indexes(days.to_numpy().astype("datetime64[D]"), span)

    assert np.array_equal(found, expected)
    assert found.min() == 0 and found.max() == len(bucket_periods(span)) - 1


def test_the_days_of_entries_are_their_local_dates_either_way():
    # Just after midnight in Auckland is the day before in UTC.
    occurred_at = pd.Series(
        pd.to_datetime(["2026-03-01T11:30:00Z", "2026-03-01T12:30:00Z", "2026-07-09T23:59:00Z"])
    ).dt.tz_convert("Pacific/Auckland")
    entries = pd.DataFrame({"occurred_at": occurred_at, "local_date": occurred_at.dt.date})

    from_times = local_days(entries)
    from_dates = local_days(entries.drop(columns=["occurred_at"]))

    expected = np.array(["2026-03-02", "2026-03-02", "2026-07-10"], dtype="datetime64[D]")
    assert np.array_equal(from_times, expected)
    assert np.array_equal(from_dates, expected)
