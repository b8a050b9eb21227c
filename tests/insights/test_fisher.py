"""The batched Fisher test gives scipy.stats.fisher_exact's own p for every table."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import fisher_exact

from insights.analysis import fisher_p_values
from insights.fisher import fisher_two_sided


def _scipy_p(tables: np.ndarray) -> np.ndarray:
    return np.array([fisher_exact(table).pvalue for table in tables])


def _random_tables(seed: int, count: int) -> np.ndarray:
    """Tables of journals from a handful of entries to thousands, with empty cells, empty
    rows and empty columns mixed in."""
    rng = np.random.default_rng(seed)
    tables = []
    for _ in range(count):
        size = int(rng.choice([1, 2, 5, 12, 40, 200, 1000, 5000]))
        table = rng.multinomial(size, rng.dirichlet([1, 1, 1, 1])).reshape(2, 2)
        if rng.random() < 0.15:
            table[rng.integers(2), :] = 0
        if rng.random() < 0.15:
            table[:, rng.integers(2)] = 0
        if rng.random() < 0.2:
            table[rng.integers(2), rng.integers(2)] = 0
        tables.append(table)
    return np.array(tables)


def test_it_matches_fisher_exact_on_thousands_of_random_tables():
    tables = _random_tables(seed=20261204, count=3000)

    assert fisher_two_sided(tables) == pytest.approx(_scipy_p(tables), rel=1e-9, abs=1e-12)


@pytest.mark.parametrize(
    "table",
    [
        pytest.param([[0, 0], [0, 0]], id="empty"),
        pytest.param([[0, 0], [3, 4]], id="empty-row"),
        pytest.param([[0, 5], [0, 7]], id="empty-column"),
        pytest.param([[5, 0], [0, 5]], id="diagonal"),
        pytest.param([[0, 5], [5, 0]], id="anti-diagonal"),
        pytest.param([[1, 0], [0, 0]], id="one-entry"),
        pytest.param([[3, 3], [3, 3]], id="as-likely-as-the-mode"),
        pytest.param([[40, 1], [2, 900]], id="far-tail"),
        pytest.param([[0, 20], [300, 10]], id="zero-below-the-mode"),
        pytest.param([[1000, 3000], [250, 750]], id="large-and-even"),
    ],
)
def test_it_matches_fisher_exact_on_edge_cases(table):
    assert fisher_two_sided(np.array([table]))[0] == pytest.approx(
        fisher_exact(table).pvalue, rel=1e-9, abs=1e-12
    )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=60), min_size=4, max_size=4),
        min_size=1,
        max_size=25,
    )
)
def test_it_matches_fisher_exact_on_any_batch(cells):
    tables = np.array(cells).reshape(-1, 2, 2)

    assert fisher_two_sided(tables) == pytest.approx(_scipy_p(tables), rel=1e-9, abs=1e-12)


def test_an_empty_arm_has_no_p_value():
    # Rows of (exposed episodes, exposed entries, unexposed episodes, unexposed entries).
    counts = np.array([[0, 0, 3, 10], [2, 5, 0, 0], [2, 5, 3, 10]])

    p_values = fisher_p_values(counts)

    assert p_values[:2] == [None, None]
    assert p_values[2] == pytest.approx(fisher_exact([[2, 3], [3, 7]]).pvalue, rel=1e-9)


def test_no_tables_give_no_p_values():
    assert fisher_two_sided(np.zeros((0, 2, 2), dtype=int)).shape == (0,)
