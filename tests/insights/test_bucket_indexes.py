"""Each day lands in the week or month pandas' own periods put it in."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from insights.charts.periods import Span, bucket_frequency, bucket_indexes, bucket_periods

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
