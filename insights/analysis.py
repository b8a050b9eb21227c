"""Which factors went together with episodes in one person's entries, with honest statistics.

Pure pandas/scipy; no Django. The method (docs/method.md), for each factor:

- a 2x2 table: episodes / entries with the factor vs without it; entries where the factor
  is unknown (orgasm "not sure", connection not recorded, a partner on a solo entry, no
  recent check-in) are left out of that factor's table;
- the risk ratio with its 95% confidence interval (`scipy.stats.contingency.relative_risk`,
  the Katz log interval) and Fisher's exact two-sided p (`scipy.stats.fisher_exact`'s,
  worked out for every table in one batch by insights.fisher);
- zero cells: when any of the four cells is zero, 0.5 is added to every cell
  (Haldane–Anscombe) before the risk ratio and its interval are computed, with the same
  Katz formula; Fisher's p always uses the raw counts. When no entry in the table was
  followed by an episode, or every one was, there is nothing to compare and the ratio and
  its interval are left undefined (None; null in JSON);
- Benjamini–Hochberg q values (`scipy.stats.false_discovery_control`) within two families
  declared in advance (insights.factors.factor_family): the six categories' primary
  factors ("primary", a fixed list of six), and every other factor ("secondary", which
  grows as people add tags and partners). Only factors with enough data to be judged
  (at least MIN_ARM_ENTRIES entries in both arms) take part, so a new tag never changes
  the pain factor's q;
- evidence: "not_enough_data" when either arm has fewer than MIN_ARM_ENTRIES entries
  (this includes factors that never vary); "clear" when the interval's lower bound is
  above 1 and q is below its family's CLEAR_Q (the six primary factors, named in
  advance, 0.125; every other factor, exploratory and growing in number, 0.05);
  "possible" when it is not clear but the ratio is at least POSSIBLE_RATIO and
  q < POSSIBLE_Q (a test always stands behind it); otherwise "none".

CLEAR_Q, POSSIBLE_Q and the families were chosen by simulation on the demo generator
(entries.demo) with benchmarks/bench_calibration.py, against these targets: with nothing
planted, at most 5 in 20 journals show any possible or clear pattern and at most 2 in 20
a clear one (50, 200 and 1,000 entries); a planted x3 pain effect at 200 entries is clear
in at least 18 in 20. The measured rates are in docs/method.md.

A category takes its strongest factor's level; categories and factors are ranked by
evidence, then by the lower bound of the interval (higher first).
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np
import pandas as pd
from scipy.stats import false_discovery_control, norm
from scipy.stats._result_classes import BinomTestResult
from scipy.stats.contingency import relative_risk

from insights.episode_profile import CopingOutcome, EpisodeProfile, coping_outcomes, episode_profile
from insights.factors import (
    CATEGORY_LABELS,
    CATEGORY_ORDER,
    EXPOSED,
    NOT_EXPOSED,
    PRIMARY,
    SECONDARY,
    FactorExposure,
    factor_exposures,
    factor_family,
)
from insights.fisher import fisher_two_sided

EVIDENCE_ORDER = ("clear", "possible", "none", "not_enough_data")  # strongest first
MIN_ARM_ENTRIES = 5
# A primary factor answers a question asked before any data was seen (does pain go with
# episodes?), so it may pass with a less strict q than the exploratory many; the interval
# above 1 is asked of both.
CLEAR_Q = {PRIMARY: 0.125, SECONDARY: 0.05}
POSSIBLE_Q = 0.20
POSSIBLE_RATIO = 1.5
ZERO_CELL_CORRECTION = 0.5
CONFIDENCE = 0.95


@dataclass(frozen=True)
class Arm:
    entries: int
    episodes: int

    @property
    def rate(self) -> float | None:
        """Episodes / entries; None when there are no entries."""
        return self.episodes / self.entries if self.entries else None

    @cached_property
    def _interval(self) -> tuple[float | None, float | None]:
        # Worked out when first read: the JSON report and the dashboard never need it,
        # so an analysis rebuilt after every new entry does not pay for it.
        if not self.entries:
            return None, None
        return wilson_interval(self.episodes, self.entries)

    @property
    def rate_ci_low(self) -> float | None:
        """Lower end of the 95% Wilson interval of the rate."""
        return self._interval[0]

    @property
    def rate_ci_high(self) -> float | None:
        return self._interval[1]


@dataclass(frozen=True)
class RiskRatio:
    estimate: float | None
    ci_low: float | None
    ci_high: float | None
    corrected: bool  # True when the Haldane–Anscombe 0.5 was added to every cell


@dataclass(frozen=True)
class FactorResult:
    key: str
    label: str
    category: str
    exposed: Arm
    unexposed: Arm
    risk_ratio: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None
    q_value: float | None
    evidence: str
    more_needed_exposed: int
    more_needed_unexposed: int
    # Plain words for sentences (see insights.wording); beyond the shared contract.
    exposed_words: str = ""
    unexposed_words: str = ""
    unexposed_short: str = "without"
    corrected: bool = False
    family: str = "primary"  # the family its q value was adjusted in


@dataclass(frozen=True)
class CategoryResult:
    key: str
    label: str
    evidence: str
    factors: list[FactorResult]  # strongest first


@dataclass(frozen=True)
class Report:
    entries: int
    episodes: int
    threshold: int
    categories: list[CategoryResult]  # ranked: evidence, then CI lower bound
    profile: EpisodeProfile | None = None
    coping: list[CopingOutcome] = field(default_factory=list)

    def ranked_factors(self) -> list[FactorResult]:
        """Every factor tested, in the order the insights rank them."""
        factors = [factor for category in self.categories for factor in category.factors]
        return sorted(factors, key=_factor_rank)

    def strongest(self) -> FactorResult | None:
        """The top factor when its evidence is clear or possible."""
        ranked = self.ranked_factors()
        if ranked and ranked[0].evidence in ("clear", "possible"):
            return ranked[0]
        return None


def _finite(value: float) -> float | None:
    value = float(value)
    return value if math.isfinite(value) else None


@lru_cache(maxsize=8192)
def wilson_interval(successes: int, trials: int) -> tuple[float, float]:
    """The 95% Wilson score interval of a proportion, as scipy's binomtest gives it.

    binomtest(...).proportion_ci(method="wilson") also works out the test's p value,
    which the interval does not use and which costs most of the call: so the result
    class binomtest returns is made here without it, and its own proportion_ci gives
    the interval (tests/insights/test_wilson.py holds it to binomtest's). Remembered,
    as it depends on the two counts only."""
    result = BinomTestResult(
        k=successes,
        n=trials,
        alternative="two-sided",
        statistic=successes / trials,
        pvalue=math.nan,  # not used by proportion_ci
    )
    interval = result.proportion_ci(CONFIDENCE, method="wilson")
    return float(interval.low), float(interval.high)


def arm(entries: int, episodes: int) -> Arm:
    return Arm(entries, episodes)


def _katz_interval(a: float, n1: float, c: float, n0: float) -> RiskRatio:
    # scipy's relative_risk takes whole counts only, so the 0.5-corrected cells get the
    # same Katz log interval written out here (a test checks it against scipy on whole
    # counts); the quantile still comes from scipy.
    estimate = (a / n1) / (c / n0)
    z = float(norm.ppf(0.5 + CONFIDENCE / 2))
    spread = z * math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n0)
    return RiskRatio(
        estimate, estimate * math.exp(-spread), estimate * math.exp(spread), corrected=True
    )


def risk_ratio_table(
    exposed_episodes: int, exposed_entries: int, unexposed_episodes: int, unexposed_entries: int
) -> RiskRatio:
    """The risk ratio of an episode with vs without a factor, and its 95% interval."""
    undefined = RiskRatio(None, None, None, corrected=False)
    if exposed_entries == 0 or unexposed_entries == 0:
        return undefined
    episodes = exposed_episodes + unexposed_episodes
    if episodes == 0 or episodes == exposed_entries + unexposed_entries:
        return undefined
    cells = (
        exposed_episodes,
        exposed_entries - exposed_episodes,
        unexposed_episodes,
        unexposed_entries - unexposed_episodes,
    )
    if min(cells) == 0:
        half = ZERO_CELL_CORRECTION
        return _katz_interval(
            exposed_episodes + half,
            exposed_entries + 2 * half,
            unexposed_episodes + half,
            unexposed_entries + 2 * half,
        )
    result = relative_risk(exposed_episodes, exposed_entries, unexposed_episodes, unexposed_entries)
    interval = result.confidence_interval(CONFIDENCE)
    return RiskRatio(
        _finite(result.relative_risk), _finite(interval.low), _finite(interval.high), False
    )


def fisher_p_values(counts: np.ndarray) -> list[float | None]:
    """Fisher's exact two-sided p of each table, from rows of (exposed episodes, exposed
    entries, unexposed episodes, unexposed entries); None where an arm is empty.

    All tables in one batch (insights.fisher), each p the one scipy.stats.fisher_exact
    gives for it."""
    counts = np.asarray(counts, dtype=np.int64).reshape(-1, 4)
    tables = np.stack(
        [
            np.column_stack([counts[:, 0], counts[:, 1] - counts[:, 0]]),
            np.column_stack([counts[:, 2], counts[:, 3] - counts[:, 2]]),
        ],
        axis=1,
    )
    p_values = fisher_two_sided(tables)
    return [
        float(p) if exposed and unexposed else None
        for p, exposed, unexposed in zip(p_values, counts[:, 1], counts[:, 3], strict=True)
    ]


def evidence_level(
    exposed_entries: int,
    unexposed_entries: int,
    ratio: RiskRatio,
    q_value: float | None,
    *,
    family: str,
) -> str:
    """The level of one factor; only a factor that went with *more* episodes can be a
    pattern, and only with a test behind it (q, from its family)."""
    if min(exposed_entries, unexposed_entries) < MIN_ARM_ENTRIES:
        return "not_enough_data"
    if q_value is None or ratio.estimate is None:
        return "none"
    if ratio.ci_low is not None and ratio.ci_low > 1 and q_value < CLEAR_Q[family]:
        return "clear"
    if ratio.estimate >= POSSIBLE_RATIO and q_value < POSSIBLE_Q:
        return "possible"
    return "none"


@dataclass(frozen=True)
class _Table:
    factor: FactorExposure
    exposed: Arm
    unexposed: Arm
    ratio: RiskRatio
    p_value: float | None

    @property
    def judged(self) -> bool:
        return min(self.exposed.entries, self.unexposed.entries) >= MIN_ARM_ENTRIES


def _tables(exposures: list[FactorExposure], is_episode: np.ndarray) -> list[_Table]:
    """Every factor's 2x2 table, counted in one pass over a factors x entries matrix."""
    if not exposures:
        return []
    known = np.stack([factor.exposure for factor in exposures])
    exposed, unexposed = known == EXPOSED, known == NOT_EXPOSED
    counts = np.column_stack(
        [
            np.count_nonzero(exposed & is_episode, axis=1),
            np.count_nonzero(exposed, axis=1),
            np.count_nonzero(unexposed & is_episode, axis=1),
            np.count_nonzero(unexposed, axis=1),
        ]
    )
    p_values = fisher_p_values(counts)
    tables = []
    for factor, row, p_value in zip(exposures, counts.tolist(), p_values, strict=True):
        tables.append(
            _Table(
                factor,
                arm(row[1], row[0]),
                arm(row[3], row[2]),
                risk_ratio_table(*row),
                p_value,
            )
        )
    return tables


def _q_values(tables: list[_Table]) -> dict[int, float]:
    """Benjamini–Hochberg q values, adjusted within each family of judged factors."""
    families: dict[str, list[int]] = {}
    for index, table in enumerate(tables):
        if table.judged and table.p_value is not None:
            families.setdefault(factor_family(table.factor.definition), []).append(index)
    result = {}
    for members in families.values():
        q_values = false_discovery_control([tables[i].p_value for i in members], method="bh")
        result.update({i: float(q) for i, q in zip(members, q_values, strict=True)})
    return result


def _result(table: _Table, q_value: float | None) -> FactorResult:
    definition = table.factor.definition
    return FactorResult(
        key=definition.key,
        label=definition.label,
        category=definition.category,
        exposed=table.exposed,
        unexposed=table.unexposed,
        risk_ratio=table.ratio.estimate,
        ci_low=table.ratio.ci_low,
        ci_high=table.ratio.ci_high,
        p_value=table.p_value,
        q_value=q_value,
        evidence=evidence_level(
            table.exposed.entries,
            table.unexposed.entries,
            table.ratio,
            q_value,
            family=factor_family(definition),
        ),
        more_needed_exposed=max(0, MIN_ARM_ENTRIES - table.exposed.entries),
        more_needed_unexposed=max(0, MIN_ARM_ENTRIES - table.unexposed.entries),
        exposed_words=definition.exposed_words,
        unexposed_words=definition.unexposed_words,
        unexposed_short=definition.unexposed_short,
        corrected=table.ratio.corrected,
        family=factor_family(definition),
    )


def _factor_rank(factor: FactorResult) -> tuple:
    ci_low = factor.ci_low if factor.ci_low is not None else -math.inf
    return (
        EVIDENCE_ORDER.index(factor.evidence),
        -ci_low,
        CATEGORY_ORDER.index(factor.category),
        # A factor with no known entry at all (a check-in factor before any check-in)
        # does not lead its category's card ahead of one that is under way.
        factor.exposed.entries + factor.unexposed.entries == 0,
        factor.label.casefold(),
    )


def _categories(results: list[FactorResult]) -> list[CategoryResult]:
    categories = []
    for key in CATEGORY_ORDER:
        factors = sorted((r for r in results if r.category == key), key=_factor_rank)
        if factors:
            categories.append(
                CategoryResult(key, CATEGORY_LABELS[key], factors[0].evidence, factors)
            )
    # Python's sort is stable, so ties keep the categories in the article's order.
    return sorted(categories, key=lambda category: _factor_rank(category.factors[0])[:2])


def analyse_journal(
    entries: pd.DataFrame,
    *,
    threshold: int,
    tag_names: Mapping[str, str],
    partner_names: Mapping[str, str],
) -> Report:
    """The full report for `insights.selectors.entries_dataframe(...).entries`."""
    is_episode = entries["is_episode"].astype(bool).to_numpy()
    exposures = factor_exposures(entries, tag_names=tag_names, partner_names=partner_names)
    tables = _tables(exposures, is_episode)
    q_values = _q_values(tables)
    results = [_result(table, q_values.get(index)) for index, table in enumerate(tables)]
    return Report(
        entries=len(entries),
        episodes=int(np.count_nonzero(is_episode)),
        threshold=threshold,
        categories=_categories(results),
        profile=episode_profile(entries, threshold=threshold),
        coping=coping_outcomes(entries),
    )
