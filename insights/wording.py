"""A factor's numbers in plain words, for the insights page, the dashboard and the summary.

Takes `insights.analysis.FactorResult` and returns sentences in the active language, each
a whole translatable sentence with named placeholders. Never says "caused".
Numbers are worked out in a fixed format (so rounding rules hold) and then written with
the language's decimal separator.
"""

import math
from typing import cast

from django.utils.formats import get_format, number_format
from django.utils.translation import gettext, gettext_lazy, ngettext, pgettext, pgettext_lazy

from insights.analysis import CLEAR_Q, MIN_ARM_ENTRIES, POSSIBLE_Q, POSSIBLE_RATIO, FactorResult
from insights.factor_words import factor_words
from insights.factors import CHECKIN_FACTORS, PRIMARY, SECONDARY

PARTNER_TOO_FEW_OTHERS = gettext_lazy(
    "There are too few other partnered entries to compare with yet."
)
# Where check-ins are taken, as the navigation names it (pct_journal.navigation).
CHECKINS_PLACE = gettext_lazy("More → Check-ins")

EVIDENCE_LABELS = {
    "clear": gettext_lazy("Clear pattern"),
    "possible": gettext_lazy("Possible pattern"),
    "none": gettext_lazy("No pattern"),
    "not_enough_data": gettext_lazy("Not enough data yet"),
}
# The same inside a sentence: lower case in English, while German keeps its nouns capital.
EVIDENCE_IN_SENTENCE = {
    "clear": pgettext_lazy("evidence level inside a sentence", "clear pattern"),
    "possible": pgettext_lazy("evidence level inside a sentence", "possible pattern"),
    "none": pgettext_lazy("evidence level inside a sentence", "no pattern"),
    "not_enough_data": pgettext_lazy("evidence level inside a sentence", "not enough data yet"),
}


def mid_sentence(text: str) -> str:
    """A label ("Sadness", "Last 90 days") as it reads inside a sentence: lower case in
    English and Spanish, while German keeps its nouns capitalised. The catalogue says
    which, so a new language decides for itself."""
    # Translators: "yes" if a label is written in lower case inside a sentence, else "no"
    # (German keeps nouns capitalised: "no").
    if pgettext("labels in lower case inside a sentence", "yes") == "yes":
        return text.lower()
    return text


def decimal(text: str) -> str:
    """A number already written with a point ("2.5"), with the language's separator."""
    return text.replace(".", get_format("DECIMAL_SEPARATOR"))


def whole(value: int) -> str:
    """A whole number with the language's thousands grouping ("1,000", "1.000")."""
    return number_format(value, force_grouping=True)


def percent(rate: float | None) -> str:
    if rate is None:
        return "–"
    # Round half up, as people expect (78% for 7 of 9), not Python's round-half-even.
    # Translators: a percentage; German and Spanish put a no-break space before the sign.
    return gettext("%(number)s%%") % {"number": int(rate * 100 + 0.5)}


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
    return decimal(_ratio(value))


def _ratio(value: float | None) -> str:
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
        return gettext("%(name)s undefined") % {"name": name}
    if value < 0.001:
        return f"{name} < {decimal('0.001')}"
    decimals = 3 if value < 0.01 else 2
    return f"{name} = {decimal(_faithful(value, decimals, PROBABILITY_RULES))}"


def counts_sentence(factor: FactorResult) -> str:
    """'Episodes followed 7 of 9 entries with moderate or worse pain (78%), and 2 of 15
    without (13%).'"""
    exposed, unexposed = factor.exposed, factor.unexposed
    words = factor_words(factor)
    if exposed.entries == 0 and unexposed.entries == 0:
        checkin = CHECKIN_FACTORS.get(factor.key)
        if checkin:
            return gettext(
                "No entry in this period came in the 14 days after a %(name)s check-in."
            ) % {"name": checkin.name}
        return gettext("This was not recorded on any entry in this period yet.")
    if exposed.entries == 0:
        return gettext(
            "There are no %(entries_with)s in this period yet, so nothing to compare."
        ) % {"entries_with": words.exposed}
    values = {
        "episodes": exposed.episodes,
        "entries": exposed.entries,
        "entries_with": words.exposed,
        "share": percent(exposed.rate),
        "entries_without": words.unexposed,
        "other_episodes": unexposed.episodes,
        "other_entries": unexposed.entries,
        "other_share": percent(unexposed.rate),
        "others": words.unexposed_short,
    }
    if unexposed.entries == 0:
        return (
            gettext(
                "Episodes followed %(episodes)s of %(entries)s %(entries_with)s (%(share)s); "
                "there are no %(entries_without)s in this period to compare them with yet."
            )
            % values
        )
    if not words.unexposed_short:
        return (
            gettext(
                "Episodes followed %(episodes)s of %(entries)s %(entries_with)s (%(share)s), "
                "and %(other_episodes)s of %(other_entries)s without (%(other_share)s)."
            )
            % values
        )
    return (
        gettext(
            "Episodes followed %(episodes)s of %(entries)s %(entries_with)s (%(share)s), "
            "and %(other_episodes)s of %(other_entries)s %(others)s (%(other_share)s)."
        )
        % values
    )


def _some_more(count: int, words: str) -> str:
    if count == 1:
        # The words name entries in the plural ("entries with pain"); English says
        # "1 more entry with pain", other languages phrase the one in their own way.
        return gettext("1 more %(entry_words)s") % {
            "entry_words": words.replace("entries", "entry", 1)
        }
    return gettext("%(count)s more %(entries)s") % {"count": count, "entries": words}


def _checkin_needed_sentence(factor: FactorResult) -> str | None:
    # More entries would not help (and a high score is nothing to aim for): what helps is
    # taking the questionnaire, so that entries have a recent score to be compared by.
    if not (factor.more_needed_exposed or factor.more_needed_unexposed):
        return None
    name = CHECKIN_FACTORS[factor.key].name
    if factor.exposed.entries + factor.unexposed.entries == 0:
        return gettext(
            "To include this, take a %(name)s check-in (%(place)s); the entries in "
            "the 14 days after it are then compared by its score."
        ) % {"name": name, "place": CHECKINS_PLACE}
    return gettext(
        "This can be judged once at least %(minimum)s entries follow a score of 10 or "
        "more and %(minimum)s a lower one, each within 14 days; taking the %(name)s "
        "every week or two (%(place)s) builds that up."
    ) % {"minimum": MIN_ARM_ENTRIES, "name": name, "place": CHECKINS_PLACE}


def more_needed_sentence(factor: FactorResult) -> str | None:
    """'3 more entries with moderate or worse pain are needed before this can be judged.'"""
    if factor.key in CHECKIN_FACTORS:
        return _checkin_needed_sentence(factor)
    words = factor_words(factor)
    needed = []
    if factor.more_needed_exposed:
        needed.append((factor.more_needed_exposed, words.exposed))
    # Never suggest seeing someone else just to fill a comparison; but say why the card
    # waits (with none at all, the counts sentence already says so).
    partner = factor.key.startswith("partner:")
    too_few_others = partner and factor.more_needed_unexposed and factor.unexposed.entries
    if factor.more_needed_unexposed and not partner:
        needed.append((factor.more_needed_unexposed, words.unexposed))
    sentences = []
    if len(needed) == 1:
        count, arm_words = needed[0]
        sentences.append(
            ngettext(
                "%(more)s is needed before this can be judged.",
                "%(more)s are needed before this can be judged.",
                count,
            )
            % {"more": _some_more(count, arm_words)}
        )
    elif needed:
        sentences.append(
            gettext("%(more)s and %(more_others)s are needed before this can be judged.")
            % {
                "more": _some_more(*needed[0]),
                "more_others": _some_more(*needed[1]),
            }
        )
    if too_few_others:
        sentences.append(str(PARTNER_TOO_FEW_OTHERS))
    return " ".join(sentences) or None


def numbers_sentence(factor: FactorResult) -> str | None:
    """'Risk ratio 5.8 (95% CI 1.5 to 22), p = 0.003, q = 0.03.' or None when undefined."""
    if factor.risk_ratio is None:
        return None
    text = gettext("Risk ratio %(ratio)s (95%% CI %(low)s to %(high)s)") % {
        "ratio": ratio(factor.risk_ratio),
        "low": ratio(factor.ci_low),
        "high": ratio(factor.ci_high),
    }
    # p and q are the statistician's names, the same in every language.
    if factor.p_value is not None:
        text += f", {probability('p', factor.p_value)}"
    if factor.q_value is not None:
        text += f", {probability('q', factor.q_value)}"
    if factor.corrected:
        text += gettext("; %(half)s was added to each count because one of them was zero") % {
            "half": decimal("0.5")
        }
    return text + "."


def _one_in(p_value: float) -> str:
    """How rarely chance alone gives a difference this large, as "1 time in N" with N to
    two significant figures ("1 time in 500", "1 time in 12")."""
    if p_value < 0.001:
        return gettext("less than 1 time in %(times)s") % {"times": whole(1000)}
    odds = 1 / p_value
    digits = max(0, math.floor(math.log10(odds)) - 1)
    rounded = int(round(odds, -digits)) if digits else int(odds + 0.5)
    return gettext("about 1 time in %(times)s") % {"times": whole(rounded)}


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
            return gettext(
                "No entry on either side was followed by an episode, so there is no difference."
            )
        return gettext(
            "Every entry on both sides was followed by an episode, so there is no difference."
        )
    values = {
        "with": _out_of_100(exposed.rate),
        "without": _out_of_100(unexposed.rate),
        "others": factor_words(factor).unexposed_short,
    }
    if factor.unexposed_short == "without":
        text = gettext(
            "Of 100 entries like these, about %(with)s were followed by an episode, "
            "against %(without)s without."
        )
    else:
        text = gettext(
            "Of 100 entries like these, about %(with)s were followed by an episode, "
            "against %(without)s in 100 %(others)s."
        )
    text %= values
    p_value = factor.p_value
    if p_value is None or p_value >= 0.5:
        return f"{text} " + gettext(
            "A difference this small turns up by chance more often than not, so there is no "
            "sign of a real difference."
        )
    chance = {"how_often": _one_in(p_value)}
    if factor.evidence == "clear":
        ending = gettext(
            "A difference this large would turn up by chance %(how_often)s: in your entries "
            "the two went together."
        )
    elif factor.evidence == "possible":
        ending = gettext(
            "A difference this large would turn up by chance %(how_often)s, so it might be "
            "chance; keep logging."
        )
    # Both rates exist: both sides have entries (checked above).
    elif cast(float, exposed.rate) <= cast(float, unexposed.rate):
        ending = gettext(
            "A difference this large would turn up by chance %(how_often)s; here episodes "
            "were less common with it, not more."
        )
    elif factor.q_value is not None and factor.q_value < POSSIBLE_Q:
        ending = gettext(
            "A difference this large would turn up by chance %(how_often)s, but the "
            "difference is too small to count as a pattern."
        )
    elif p_value < POSSIBLE_Q:
        ending = gettext(
            "A difference this large would turn up by chance %(how_often)s, but with this "
            "many factors checked at once that is not rare enough to call it a pattern."
        )
    else:
        ending = gettext(
            "A difference this large would turn up by chance %(how_often)s, too often to "
            "call it a pattern."
        )
    return f"{text} {ending % chance}"


def fewer_episodes_sentence(factor: FactorResult) -> str | None:
    """When the whole interval lies below 1, say so in words: the evidence levels only
    look for factors that go with *more* episodes, so such a factor reads "No pattern"."""
    if factor.evidence == "not_enough_data" or factor.ci_high is None or factor.ci_high >= 1:
        return None
    return gettext(
        "In your entries, episodes were less common with %(factor)s: the whole 95%% "
        "interval of the ratio lies below 1."
    ) % {"factor": factor_words(factor).label}


def strongest_sentence(factor: FactorResult) -> str:
    """One line for the dashboard: which factor went together with episodes most."""
    values = {
        "factor": factor_words(factor).label,
        "episodes": factor.exposed.episodes,
        "entries": factor.exposed.entries,
        "share": percent(factor.exposed.rate),
        "other_episodes": factor.unexposed.episodes,
        "other_entries": factor.unexposed.entries,
        "other_share": percent(factor.unexposed.rate),
    }
    if factor.evidence == "clear":
        return (
            gettext(
                "Episodes clearly went together with %(factor)s in your entries: "
                "%(episodes)s of %(entries)s (%(share)s) compared with %(other_episodes)s "
                "of %(other_entries)s (%(other_share)s) otherwise."
            )
            % values
        )
    return (
        gettext(
            "Episodes possibly went together with %(factor)s in your entries: "
            "%(episodes)s of %(entries)s (%(share)s) compared with %(other_episodes)s "
            "of %(other_entries)s (%(other_share)s) otherwise. It might be chance; keep logging."
        )
        % values
    )


def how_to_read() -> list[str]:
    """The "How to read these cards" panel of the insights page; built from the rule's own
    numbers so the words cannot drift from what the code does."""
    rules = {
        "primary_q": decimal(f"{CLEAR_Q[PRIMARY]:g}"),
        "secondary_q": decimal(f"{CLEAR_Q[SECONDARY]:g}"),
        "possible_q": decimal(f"{POSSIBLE_Q:g}"),
        "possible_ratio": decimal(f"{POSSIBLE_RATIO:g}"),
        "minimum": MIN_ARM_ENTRIES,
    }
    return [
        gettext(
            "Each card compares the entries you logged with a factor against those without "
            "it, and counts how many of each were followed by an episode."
        ),
        gettext(
            "“Of 100 entries like these, about 52 were followed by an episode, against 20 "
            "without” gives the same shares as numbers out of 100, so they are easy to compare."
        ),
        gettext(
            "“A difference this large would turn up by chance about 1 time in 500”: if the "
            "factor made no difference at all, a gap at least this wide would still appear in "
            "about 1 of 500 journals like yours. The bigger the second number, the less likely "
            "chance alone explains it. Because many factors are checked at once, one "
            "rare-looking gap is expected now and then, which the levels allow for."
        ),
        gettext(
            "Clear pattern: episodes were more common with the factor, and by enough that "
            "chance is an unlikely explanation even with every factor checked (the whole 95%% "
            "interval of the ratio above 1, and q below %(primary_q)s for the six main "
            "factors, one per kind of cause, named before any data was seen, or below "
            "%(secondary_q)s for every other factor, since there are many more of those)."
        )
        % rules,
        gettext(
            "Possible pattern: episodes were at least %(possible_ratio)s times as common with "
            "the factor and a test backs it a little (q below %(possible_q)s), but it might be "
            "chance; keep logging, calm times included, and it will become clearer either way."
        )
        % rules,
        gettext(
            "No pattern: no difference that stands out from chance. Not enough data yet: "
            "fewer than %(minimum)s entries with or without the factor."
        )
        % rules,
        gettext(
            "“Went together” means they happened together in your entries, not that one "
            "caused the other: something else may lie behind both."
        ),
        gettext(
            "The small grey line gives the same numbers as a statistician would write them: "
            "the risk ratio with its 95%% interval, p and q."
        )
        % rules,
    ]
