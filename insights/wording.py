"""A factor's numbers in plain words, for the insights page, the dashboard and the summary.

Pure: takes `insights.analysis.FactorResult` and returns sentences. Never says "caused".
"""

import math
from typing import cast

from insights.analysis import CLEAR_Q, MIN_ARM_ENTRIES, POSSIBLE_Q, POSSIBLE_RATIO, FactorResult
from insights.factors import CHECKIN_FACTORS, PRIMARY, SECONDARY

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
PROBABILITY_RULES = (*CLEAR_Q.values(), POSSIBLE_Q)
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
    """'p = 0.03', 'q < 0.001'; never on the wrong side of a q cut-off of the evidence
    levels (q = 0.1996 is "q = 0.1996", not "q = 0.20")."""
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


def _one_in(p_value: float) -> str:
    """How rarely chance alone gives a difference this large, as "1 time in N" with N to
    two significant figures ("1 time in 500", "1 time in 12")."""
    if p_value < 0.001:
        return "less than 1 time in 1,000"
    odds = 1 / p_value
    digits = max(0, math.floor(math.log10(odds)) - 1)
    rounded = int(round(odds, -digits)) if digits else int(odds + 0.5)
    return f"about 1 time in {rounded:,}"


def _out_of_100(rate: float | None) -> int:
    return int((rate or 0) * 100 + 0.5)


def plain_sentence(factor: FactorResult) -> str | None:
    """The numbers line in words, from the counts and p: 'Of 100 entries like these,
    about 52 were followed by an episode, against 20 without. A difference this large
    would turn up by chance about 1 time in 500.' None while there is not enough data."""
    exposed, unexposed = factor.exposed, factor.unexposed
    if factor.evidence == "not_enough_data" or not (exposed.entries and unexposed.entries):
        return None
    if factor.risk_ratio is None:
        if exposed.episodes + unexposed.episodes == 0:
            return "No entry on either side was followed by an episode, so there is no difference."
        return "Every entry on both sides was followed by an episode, so there is no difference."
    other = "without" if factor.unexposed_short == "without" else f"in 100 {factor.unexposed_short}"
    text = (
        f"Of 100 entries like these, about {_out_of_100(exposed.rate)} were followed by an "
        f"episode, against {_out_of_100(unexposed.rate)} {other}."
    )
    p_value = factor.p_value
    if p_value is None or p_value >= 0.5:
        return text + (
            " A difference this small turns up by chance more often than not, so there is no "
            "sign of a real difference."
        )
    text += f" A difference this large would turn up by chance {_one_in(p_value)}"
    if factor.evidence == "clear":
        return text + ": in your entries the two went together."
    if factor.evidence == "possible":
        return text + ", so it might be chance; keep logging."
    # Both rates exist: both sides have entries (checked above).
    if cast(float, exposed.rate) <= cast(float, unexposed.rate):
        return text + "; here episodes were less common with it, not more."
    if factor.q_value is not None and factor.q_value < POSSIBLE_Q:
        return text + ", but the difference is too small to count as a pattern."
    if p_value < POSSIBLE_Q:
        return text + (
            ", but with this many factors checked at once that is not rare enough to call it "
            "a pattern."
        )
    return text + ", too often to call it a pattern."


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
    text = (
        f"Episodes {level} went together with {factor.label} in your entries: "
        f"{factor.exposed.episodes} of {factor.exposed.entries} ({percent(factor.exposed.rate)}) "
        f"compared with {factor.unexposed.episodes} of {factor.unexposed.entries} "
        f"({percent(factor.unexposed.rate)}) otherwise."
    )
    if factor.evidence == "possible":
        text += " It might be chance; keep logging."
    return text


# The "How to read these cards" panel of the insights page; built from the rule's own
# numbers so the words cannot drift from what the code does.
HOW_TO_READ = [
    "Each card compares the entries you logged with a factor against those without it, "
    "and counts how many of each were followed by an episode.",
    "“Of 100 entries like these, about 52 were followed by an episode, against 20 "
    "without” gives the same shares as numbers out of 100, so they are easy to compare.",
    "“A difference this large would turn up by chance about 1 time in 500”: if the factor "
    "made no difference at all, a gap at least this wide would still appear in about 1 of "
    "500 journals like yours. The bigger the second number, the less likely chance alone "
    "explains it. Because many factors are checked at once, one rare-looking gap is "
    "expected now and then, which the levels allow for.",
    f"Clear pattern: episodes were more common with the factor, and by enough that chance "
    f"is an unlikely explanation even with every factor checked (the whole 95% interval "
    f"of the ratio above 1, and q below {CLEAR_Q[PRIMARY]:g} for the six main factors, "
    f"one per kind of cause, named before any data was seen, or below "
    f"{CLEAR_Q[SECONDARY]:g} for every other factor, since there are many more of those).",
    f"Possible pattern: episodes were at least {POSSIBLE_RATIO:g} times as common with the "
    f"factor and a test backs it a little (q below {POSSIBLE_Q:g}), but it might be chance; "
    "keep logging, calm times included, and it will become clearer either way.",
    "No pattern: no difference that stands out from chance. Not enough data yet: fewer than "
    f"{MIN_ARM_ENTRIES} entries with or without the factor.",
    "“Went together” means they happened together in your entries, not that one caused "
    "the other: something else may lie behind both.",
    "The small grey line gives the same numbers as a statistician would write them: the "
    "risk ratio with its 95% interval, p and q.",
]
