"""The machine-readable insights report (docs/method.md lists its keys), null where undefined."""

import math
from typing import Any

from insights.analysis import Arm, CategoryResult, FactorResult, Report


def _number(value: float | None) -> float | None:
    # JSON has no inf or NaN; an undefined number is null.
    if value is None or not math.isfinite(value):
        return None
    return float(value)


def _arm(arm: Arm) -> dict[str, int]:
    return {"entries": arm.entries, "episodes": arm.episodes}


def _factor(factor: FactorResult) -> dict[str, Any]:
    return {
        "key": factor.key,
        "label": factor.label,
        "exposed": _arm(factor.exposed),
        "unexposed": _arm(factor.unexposed),
        "risk_ratio": _number(factor.risk_ratio),
        "ci_low": _number(factor.ci_low),
        "ci_high": _number(factor.ci_high),
        "p_value": _number(factor.p_value),
        "q_value": _number(factor.q_value),
        "evidence": factor.evidence,
    }


def _category(category: CategoryResult) -> dict[str, Any]:
    return {
        "key": category.key,
        "label": category.label,
        "evidence": category.evidence,
        "factors": [_factor(factor) for factor in category.factors],
    }


def report_as_json(report: Report) -> dict[str, Any]:
    return {
        "entries": report.entries,
        "episodes": report.episodes,
        "threshold": report.threshold,
        "categories": [_category(category) for category in report.categories],
    }
