"""A factor's numbers in plain words, for the insights page, the dashboard and the summary.

Pure: takes `insights.analysis.FactorResult` and returns sentences. Never says "caused".
"""

import math

from insights.analysis import CLEAR_Q, MIN_ARM_ENTRIES, POSSIBLE_RATIO, FactorResult
from insights.factors import CHECKIN_FACTORS

PARTNER_TOO_FEW_OTHERS = "There are too few other partnered entries to compare with yet."
# Where check-ins are taken, as the navigation names it (pct_journal.navigation).
CHECKINS_PLACE = "More → Check-ins"

EVIDENCE_LABELS = {
    "clear": "Clear pattern",
    "possible": "Possible pattern",
    "none": "No pattern",
    "not_enough_data": "Not enough data yet",
}


def percent(rate: float | None) -> str:
    if rate is None:
        return "–"
    # Round half up, as people expect (78% for 7 of 9), not Python's round-half-even.
    return f"{int(rate * 100 + 0.5)}%"


# The numbers the evidence rules compare with (insights.analysis): a displayed number
# must sit on the same side of each as the number itself, or the words beside it
# ("No pattern", "Clear pattern") would seem to contradict it.
RATIO_RULES = (1.0, POSSIBLE_RATIO)
PROBABILITY_RULES = (CLEAR_Q,)
MOST_EXTRA_DECIMALS = 4


def _side(value: float, rule: float) -> int:
    return (value > rule) - (value < rule)


def _faithful(value: float, decimals: int, rules: tuple[float, ...]) -> str:
    """`value` to `decimals` places, with more places when rounding would carry it onto
    or across a rule (1.497 is "1.497", not "1.50"; 0.9996 is "0.9996", not "1.00")."""
    for extra in range(MOST_EXTRA_DECIMALS + 1):
        places = decimals + extra
        text = f"{value:.{places}f}"
        if all(_side(float(text), rule) == _side(value, rule) for rule in rules):
            return text
    # Still on a rule at that precision: round towards the side the value is on.
    scale = 10**places
    nearest = min(rules, key=lambda rule: abs(value - rule))
    step = math.floor if value < nearest else math.ceil
    return f"{step(value * scale) / scale:.{places}f}"


def ratio(value: float | None) -> str:
    """A risk ratio or a bound of its interval: two significant figures below 1 ("0.0040",
    "0.99"), two decimals up to 10 ("1.47"), whole numbers above; never on the wrong side
    of 1 or of 1.5, the numbers the evidence levels are judged by."""
    if value is None:
        return "–"
    if value <= 0:
        return "0"
    if value < 1:
        decimals = 1 - math.floor(math.log10(value))
    elif round(value, 2) < 10:
        decimals = 2
    else:
        decimals = 0
    return _faithful(value, decimals, RATIO_RULES)


def probability(name: str, value: float | None) -> str:
    """'p = 0.03', 'q < 0.001'; never on the wrong side of the q below which a pattern
    can be clear (q = 0.0996 is "q = 0.0996", not "q = 0.10")."""
    if value is None:
        return f"{name} undefined"
    if value < 0.001:
        return f"{name} < 0.001"
    decimals = 3 if value < 0.01 else 2
    return f"{name} = {_faithful(value, decimals, PROBABILITY_RULES)}"


def counts_sentence(factor: FactorResult) -> str:
    """'Episodes followed 7 of 9 entries with moderate or worse pain (78%), and 2 of 15
    without (13%).'"""
    exposed, unexposed = factor.exposed, factor.unexposed
    if exposed.entries == 0 and unexposed.entries == 0:
        checkin = CHECKIN_FACTORS.get(factor.key)
        if checkin:
            return f"No entry in this period came in the 14 days after a {checkin.name} check-in."
        return "This was not recorded on any entry in this period yet."
    if exposed.entries == 0:
        return f"There are no {factor.exposed_words} in this period yet, so nothing to compare."
    if unexposed.entries == 0:
        return (
            f"Episodes followed {exposed.episodes} of {exposed.entries} {factor.exposed_words} "
            f"({percent(exposed.rate)}); there are no {factor.unexposed_words} in this period "
            "to compare them with yet."
        )
    return (
        f"Episodes followed {exposed.episodes} of {exposed.entries} {factor.exposed_words} "
        f"({percent(exposed.rate)}), and {unexposed.episodes} of {unexposed.entries} "
        f"{factor.unexposed_short} ({percent(unexposed.rate)})."
    )


def _some_more(count: int, words: str) -> str:
    if count == 1:
        words = words.replace("entries", "entry", 1)
    return f"{count} more {words}"


def _checkin_needed_sentence(factor: FactorResult) -> str | None:
    # More entries would not help (and a high score is nothing to aim for): what helps is
    # taking the questionnaire, so that entries have a recent score to be compared by.
    if not (factor.more_needed_exposed or factor.more_needed_unexposed):
        return None
    name = CHECKIN_FACTORS[factor.key].name
    if factor.exposed.entries + factor.unexposed.entries == 0:
        return (
            f"To include this, take a {name} check-in ({CHECKINS_PLACE}); the entries in "
            "the 14 days after it are then compared by its score."
        )
    return (
        f"This can be judged once at least {MIN_ARM_ENTRIES} entries follow a score of 10 or "
        f"more and {MIN_ARM_ENTRIES} a lower one, each within 14 days; taking the {name} "
        f"every week or two ({CHECKINS_PLACE}) builds that up."
    )


def more_needed_sentence(factor: FactorResult) -> str | None:
    """'3 more entries with moderate or worse pain are needed before this can be judged.'"""
    if factor.key in CHECKIN_FACTORS:
        return _checkin_needed_sentence(factor)
    needed = []
    if factor.more_needed_exposed:
        needed.append((factor.more_needed_exposed, factor.exposed_words))
    # Never suggest seeing someone else just to fill a comparison; but say why the card
    # waits (with none at all, the counts sentence already says so).
    partner = factor.key.startswith("partner:")
    too_few_others = partner and factor.more_needed_unexposed and factor.unexposed.entries
    if factor.more_needed_unexposed and not partner:
        needed.append((factor.more_needed_unexposed, factor.unexposed_words))
    sentences = []
    if needed:
        verb = "is" if len(needed) == 1 and needed[0][0] == 1 else "are"
        parts = " and ".join(_some_more(count, words) for count, words in needed)
        sentences.append(f"{parts} {verb} needed before this can be judged.")
    if too_few_others:
        sentences.append(PARTNER_TOO_FEW_OTHERS)
    return " ".join(sentences) or None


def numbers_sentence(factor: FactorResult) -> str | None:
    """'Risk ratio 5.8 (95% CI 1.5 to 22), p = 0.003, q = 0.03.' or None when undefined."""
    if factor.risk_ratio is None:
        return None
    text = (
        f"Risk ratio {ratio(factor.risk_ratio)} "
        f"(95% CI {ratio(factor.ci_low)} to {ratio(factor.ci_high)})"
    )
    if factor.p_value is not None:
        text += f", {probability('p', factor.p_value)}"
    if factor.q_value is not None:
        text += f", {probability('q', factor.q_value)}"
    if factor.corrected:
        text += "; 0.5 was added to each count because one of them was zero"
    return text + "."


def fewer_episodes_sentence(factor: FactorResult) -> str | None:
    """When the whole interval lies below 1, say so in words: the evidence levels only
    look for factors that go with *more* episodes, so such a factor reads "No pattern"."""
    if factor.evidence == "not_enough_data" or factor.ci_high is None or factor.ci_high >= 1:
        return None
    return (
        f"In your entries, episodes were less common with {factor.label}: the whole 95% "
        "interval of the ratio lies below 1."
    )


def strongest_sentence(factor: FactorResult) -> str:
    """One line for the dashboard: which factor went together with episodes most."""
    level = "clearly" if factor.evidence == "clear" else "possibly"
    return (
        f"Episodes {level} went together with {factor.label} in your entries: "
        f"{factor.exposed.episodes} of {factor.exposed.entries} ({percent(factor.exposed.rate)}) "
        f"compared with {factor.unexposed.episodes} of {factor.unexposed.entries} "
        f"({percent(factor.unexposed.rate)}) otherwise."
    )
