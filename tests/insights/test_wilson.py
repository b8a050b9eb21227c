"""The Wilson interval of a rate is the one scipy's binomtest gives."""

import pytest
from scipy.stats import binomtest

from insights.analysis import wilson_interval


def test_it_matches_binomtest_for_every_count_up_to_sixty_and_some_large_ones():
    pairs = [(k, n) for n in range(1, 61) for k in range(n + 1)]
    pairs += [(0, 1000), (1, 1000), (333, 1000), (999, 1000), (1000, 1000), (4321, 20000)]
    for successes, trials in pairs:
        interval = binomtest(successes, trials).proportion_ci(0.95, method="wilson")

        assert wilson_interval(successes, trials) == pytest.approx(
            (interval.low, interval.high), rel=1e-12, abs=1e-15
        ), (successes, trials)
