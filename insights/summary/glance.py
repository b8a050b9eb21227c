""" "At a glance": the few lines at the top of the summary that a reader takes in first.

Each line repeats a number that the sections below show in full, so a therapist with
two minutes gets the gist, and one with ten can check every figure.
"""

from typing import cast

from insights.analysis import Report
from insights.overview_cards import EMOTION_LABELS
from insights.wording import EVIDENCE_LABELS, percent
from pct_journal.scales import Coping

# A way of coping "helps most of the time" when at least half of its ratings said so.
MOSTLY = 0.5


def _rate_line(report: Report, per_week: str | None, since: str | None) -> str:
    line = (
        f"Episodes followed {report.episodes} of {report.entries} logged experiences "
        f"({percent(report.episodes / report.entries)})"
    )
    if not per_week:
        return f"{line}."
    # "since": the journal began after the period did, and the figure counts from then.
    return f"{line}, about {per_week} entries a week" + (f" since {since}." if since else ".")


def _pattern_line(report: Report) -> str:
    strongest = report.strongest()
    if strongest is None:
        judged = any(c.evidence != "not_enough_data" for c in report.categories)
        if judged:
            return "No factor stood out: none went together with episodes clearly or possibly."
        return "Too few entries yet to compare factors (5 with and 5 without are needed)."
    exposed, unexposed = strongest.exposed, strongest.unexposed
    return (
        f"Strongest pattern ({EVIDENCE_LABELS[strongest.evidence].lower()}): "
        f"{strongest.label}. Episodes followed {exposed.episodes} of {exposed.entries} "
        f"entries with it ({percent(exposed.rate)}) and {unexposed.episodes} of "
        f"{unexposed.entries} without ({percent(unexposed.rate)})."
    )


def _feeling_line(report: Report, threshold_label: str) -> str | None:
    profile = report.profile
    if profile is None or not profile.episodes or not profile.emotions[0].episodes:
        return None
    top = profile.emotions[0]
    return (
        f"Most common in episodes: {EMOTION_LABELS[top.key].lower()} at “{threshold_label}” "
        f"or stronger ({percent(top.share)}); cried in {percent(profile.cried_share)}."
    )


def _coping_line(report: Report) -> str | None:
    # Only a way of coping rated at least twice is named: one rating says little.
    rated = [o for o in report.coping if o.rated >= 2 and o.helped_share is not None]
    if not rated:
        return None
    best = max(rated, key=lambda outcome: (outcome.helped_share, outcome.rated))
    label = str(dict(Coping.choices).get(best.key, best.key)).lower()
    if cast(float, best.helped_share) < MOSTLY:  # rated: not None
        return f"No way of coping was rated as helping most of the time; {label} came closest."
    return (
        f"Rated most helpful afterwards: {label} "
        f"({best.helped} of {best.rated} ratings at least “somewhat”)."
    )


def glance_lines(
    report: Report,
    *,
    per_week: str | None,
    per_week_since: str | None = None,
    threshold_label: str,
    latest_scores: str | None,
) -> list[str]:
    """Empty without entries: the document then says so itself."""
    if not report.entries:
        return []
    lines = [_rate_line(report, per_week, per_week_since), _pattern_line(report)]
    lines += [
        line
        for line in (
            _feeling_line(report, threshold_label),
            _coping_line(report),
            latest_scores,
        )
        if line
    ]
    return lines
