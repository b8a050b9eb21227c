""" "At a glance": the few lines at the top of the summary that a reader takes in first.

Each line repeats a number that the sections below show in full, so a therapist with
two minutes gets the gist, and one with ten can check every figure.
"""

from typing import cast

from django.utils.translation import gettext

from insights.analysis import Report
from insights.factor_words import factor_words
from insights.overview_cards import EMOTION_LABELS
from insights.wording import EVIDENCE_IN_SENTENCE, mid_sentence, percent
from pct_journal.scales import Coping

# A way of coping "helps most of the time" when at least half of its ratings said so.
MOSTLY = 0.5


def _rate_line(report: Report, per_week: str | None, since: str | None) -> str:
    values = {
        "episodes": report.episodes,
        "entries": report.entries,
        "share": percent(report.episodes / report.entries),
        "per_week": per_week,
        "since": since,
    }
    if not per_week:
        line = gettext(
            "Episodes followed %(episodes)s of %(entries)s logged experiences (%(share)s)."
        )
    # "since": the journal began after the period did, and the figure counts from then.
    elif since:
        line = gettext(
            "Episodes followed %(episodes)s of %(entries)s logged experiences (%(share)s), "
            "about %(per_week)s entries a week since %(since)s."
        )
    else:
        line = gettext(
            "Episodes followed %(episodes)s of %(entries)s logged experiences (%(share)s), "
            "about %(per_week)s entries a week."
        )
    return line % values


def _pattern_line(report: Report) -> str:
    strongest = report.strongest()
    if strongest is None:
        judged = any(c.evidence != "not_enough_data" for c in report.categories)
        if judged:
            return gettext(
                "No factor stood out: none went together with episodes clearly or possibly."
            )
        return gettext("Too few entries yet to compare factors (5 with and 5 without are needed).")
    exposed, unexposed = strongest.exposed, strongest.unexposed
    return gettext(
        "Strongest pattern (%(level)s): %(factor)s. Episodes followed %(episodes)s of "
        "%(entries)s entries with it (%(share)s) and %(other_episodes)s of %(other_entries)s "
        "without (%(other_share)s)."
    ) % {
        "level": EVIDENCE_IN_SENTENCE[strongest.evidence],
        "factor": factor_words(strongest).label,
        "episodes": exposed.episodes,
        "entries": exposed.entries,
        "share": percent(exposed.rate),
        "other_episodes": unexposed.episodes,
        "other_entries": unexposed.entries,
        "other_share": percent(unexposed.rate),
    }


def _feeling_line(report: Report, threshold_label: str) -> str | None:
    profile = report.profile
    if profile is None or not profile.episodes or not profile.emotions[0].episodes:
        return None
    top = profile.emotions[0]
    return gettext(
        "Most common in episodes: %(feeling)s at “%(level)s” or stronger (%(share)s); cried "
        "in %(cried)s."
    ) % {
        "feeling": mid_sentence(str(EMOTION_LABELS[top.key])),
        "level": threshold_label,
        "share": percent(top.share),
        "cried": percent(profile.cried_share),
    }


def _coping_line(report: Report) -> str | None:
    # Only a way of coping rated at least twice is named: one rating says little.
    rated = [o for o in report.coping if o.rated >= 2 and o.helped_share is not None]
    if not rated:
        return None
    best = max(rated, key=lambda outcome: (outcome.helped_share, outcome.rated))
    label = mid_sentence(str(dict(Coping.choices).get(best.key, best.key)))
    if cast(float, best.helped_share) < MOSTLY:  # rated: not None
        return gettext(
            "No way of coping was rated as helping most of the time; %(way)s came closest."
        ) % {"way": label}
    return gettext(
        "Rated most helpful afterwards: %(way)s (%(helped)s of %(rated)s ratings at least "
        "“somewhat”)."
    ) % {"way": label, "helped": best.helped, "rated": best.rated}


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
