"""Fisher's exact two-sided p for many 2x2 tables at once, step for step as scipy does it.

`scipy.stats.fisher_exact` takes one table a call, and each call builds scipy's
hypergeometric distribution a dozen times (the exact probability, the mode, a binary
search for the other tail, the two tails): most of an analysis redone after every new
entry. Here the same steps run on arrays, so each step is one call of
`scipy.stats.hypergeom` for every table together. Every probability still comes from
scipy, through the same functions with the same arguments, and the steps follow
scipy 1.17's `fisher_exact` (the mode, the 1e-14 tolerance, the binary search and the
way the tails are added), so the p values are the ones fisher_exact gives;
tests/insights/test_fisher.py holds them to it on thousands of tables.

Pure numpy/scipy, no Django.
"""

import numpy as np
from scipy.stats import hypergeom

# scipy's relative tolerance for "as likely as the table seen" (fisher_exact's epsilon).
EPSILON = 1e-14
GAMMA = 1 + EPSILON


def fisher_two_sided(tables: np.ndarray) -> np.ndarray:
    """The two-sided p of each table in an (n, 2, 2) array of non-negative counts, laid
    out as fisher_exact takes them ([[a, b], [c, d]]); 1 where a row or column is empty."""
    counts = np.asarray(tables, dtype=np.int64).reshape(-1, 2, 2)
    p_values = np.ones(len(counts))
    rows, columns = counts.sum(axis=2), counts.sum(axis=1)
    tested = np.flatnonzero((rows > 0).all(axis=1) & (columns > 0).all(axis=1))
    if not len(tested):
        return p_values
    table = counts[tested]
    seen = table[:, 0, 0]
    n1, n2 = rows[tested, 0], rows[tested, 1]
    total, drawn = n1 + n2, table[:, 0, 0] + table[:, 1, 0]

    def pmf(x: np.ndarray, which: np.ndarray) -> np.ndarray:
        return hypergeom.pmf(x, total[which], n1[which], drawn[which])

    everyone = np.arange(len(tested))
    mode = ((drawn + 1) * (n1 + 1) // (total + 2)).astype(np.int64)
    # fisher_exact works out the mode as int((n + 1) * (n1 + 1) / (n1 + n2 + 2)): a float
    # division truncated, which the integer division above equals for whole numbers.
    pexact = pmf(seen, everyone)
    pmode = pmf(mode, everyone)
    result = np.empty(len(tested))

    as_likely = np.abs(pexact - pmode) / np.maximum(pexact, pmode) <= EPSILON
    result[as_likely] = 1.0
    lower = ~as_likely & (seen < mode)
    upper = ~as_likely & ~lower

    # Below the mode: the lower tail up to the table, and the upper tail from where the
    # probabilities fall to the table's own.
    if lower.any():
        which = np.flatnonzero(lower)
        plower = hypergeom.cdf(seen[which], total[which], n1[which], drawn[which])
        far_end = pmf(drawn[which], which) > pexact[which] * GAMMA
        result[which[far_end]] = plower[far_end]
        search = which[~far_end]
        if len(search):
            guess = _binary_search(
                -pexact[search] * GAMMA, mode[search], drawn[search], search, pmf, sign=-1.0
            )
            rest = hypergeom.sf(guess, total[search], n1[search], drawn[search])
            result[search] = plower[~far_end] + rest
    # At or above the mode: the same the other way round.
    if upper.any():
        which = np.flatnonzero(upper)
        pupper = hypergeom.sf(seen[which] - 1, total[which], n1[which], drawn[which])
        far_end = pmf(np.zeros_like(which), which) > pexact[which] * GAMMA
        result[which[far_end]] = pupper[far_end]
        search = which[~far_end]
        if len(search):
            guess = _binary_search(
                pexact[search] * GAMMA,
                np.zeros_like(search),
                mode[search],
                search,
                pmf,
                sign=1.0,
            )
            rest = hypergeom.cdf(guess, total[search], n1[search], drawn[search])
            result[search] = pupper[~far_end] + rest
    p_values[tested] = np.minimum(result, 1.0)
    return p_values


def _binary_search(target, lo, hi, which, pmf, *, sign: float) -> np.ndarray:
    """scipy's _binary_search_for_binom_tst on every table at once: for each, the i in
    [lo, hi] with a(i) <= target < a(i + 1), where a(x) = sign * pmf(x) ascends there."""
    lo, hi = lo.astype(np.int64).copy(), hi.astype(np.int64).copy()
    found = np.full(len(lo), -1, dtype=np.int64)
    searching = lo < hi
    while searching.any():
        at = np.flatnonzero(searching)
        mid = lo[at] + (hi[at] - lo[at]) // 2
        value = sign * pmf(mid, which[at])
        below, above = value < target[at], value > target[at]
        lo[at[below]] = mid[below] + 1
        hi[at[above]] = mid[above] - 1
        equal = ~below & ~above
        found[at[equal]] = mid[equal]
        searching[at[equal]] = False
        searching &= lo < hi
    # Where the search ended without an exact match, one last look at lo.
    ended = found < 0
    if ended.any():
        at = np.flatnonzero(ended)
        value = sign * pmf(lo[at], which[at])
        found[at] = np.where(value <= target[at], lo[at], lo[at] - 1)
    return found
