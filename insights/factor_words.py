"""The factor and category names of insights.factors, in the reader's language.

insights.factors and insights.analysis stay free of Django, so their English names are
marked for translation here and looked up when a page is built. A partner's nickname or
a person's own factor is never looked up: it is their words, and a nickname that happens
to equal a catalogue entry must not be "translated".
"""

from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop, pgettext

from insights.analysis import FactorResult
from insights.factors import CATEGORY_LABELS, PARTNER_REST

# Every English name insights.factors gives a built-in factor or category; listed so that
# makemessages finds them. A name missing here simply stays English.
_MARKED = (
    # categories
    gettext_noop("Psychological distress or low mood"),
    gettext_noop("Anxiety, including worry about performance"),
    gettext_noop("Feeling exposed, and memories of difficult experiences"),
    gettext_noop("Physical pain"),
    gettext_noop("The change after orgasm (a hypothesis)"),
    gettext_noop("Relationship factors"),
    gettext_noop("Other factors"),
    # scale factors: the label, the entries with it, the entries without it
    gettext_noop("moderate or stronger low mood"),
    gettext_noop("entries with moderate or stronger low mood"),
    gettext_noop("entries with mild or no low mood"),
    gettext_noop("moderate or stronger stress"),
    gettext_noop("entries with moderate or stronger stress"),
    gettext_noop("entries with mild or no stress"),
    gettext_noop("moderate or stronger worry about performance"),
    gettext_noop("entries with moderate or stronger worry about performance"),
    gettext_noop("entries with mild or no worry about performance"),
    gettext_noop("moderate or stronger feelings of being exposed"),
    gettext_noop("entries with moderate or stronger feelings of being exposed"),
    gettext_noop("entries with mild or no feelings of being exposed"),
    gettext_noop("moderate or stronger tension with your partner"),
    gettext_noop("entries with moderate or stronger tension with your partner"),
    gettext_noop("entries with mild or no tension with your partner"),
    # the other named factors
    gettext_noop("moderate or worse pain"),
    gettext_noop("entries with moderate or worse pain"),
    gettext_noop("entries with mild or no pain"),
    gettext_noop("difficult memories coming up"),
    gettext_noop("entries with difficult memories coming up"),
    gettext_noop("entries without difficult memories coming up"),
    gettext_noop("an orgasm"),
    gettext_noop("entries with an orgasm"),
    gettext_noop("entries without an orgasm"),
    gettext_noop("little or no connection afterwards"),
    gettext_noop("entries with little or no connection afterwards"),
    gettext_noop("entries where you felt at least somewhat connected afterwards"),
    gettext_noop("alcohol or drugs"),
    gettext_noop("entries with alcohol or drugs"),
    gettext_noop("entries without alcohol or drugs"),
    gettext_noop("solo experiences"),
    gettext_noop("solo entries"),
    gettext_noop("partnered entries"),
    gettext_noop("partnered ones"),
    gettext_noop("a PHQ-9 score of 10 or more in the 14 days before"),
    gettext_noop("entries with a PHQ-9 score of 10 or more in the 14 days before"),
    gettext_noop("entries with a lower PHQ-9 score in the 14 days before"),
    gettext_noop("a GAD-7 score of 10 or more in the 14 days before"),
    gettext_noop("entries with a GAD-7 score of 10 or more in the 14 days before"),
    gettext_noop("entries with a lower GAD-7 score in the 14 days before"),
    gettext_noop("partnered entries with someone else or nobody named"),
)
CATEGORY_NAMES = frozenset(CATEGORY_LABELS.values())


@dataclass(frozen=True)
class FactorWords:
    label: str  # "moderate or worse pain"
    exposed: str  # "entries with moderate or worse pain"
    unexposed: str  # "entries with mild or no pain"
    # How the comparison arm is named after "and 2 of 15 …"; "" for a plain "without".
    unexposed_short: str


def category_name(label: str) -> str:
    return gettext(label) if label in CATEGORY_NAMES else label


def _short(factor: FactorResult, unexposed: str) -> str:
    if factor.unexposed_short == "without":
        return ""
    if factor.unexposed_short == PARTNER_REST:
        return unexposed
    return gettext(factor.unexposed_short)


def factor_words(factor: FactorResult) -> FactorWords:
    """The factor's names for sentences; a person's own words are kept as written."""
    key = factor.key
    if key.startswith("partner:"):
        rest = gettext(PARTNER_REST)
        return FactorWords(
            factor.label,
            gettext("entries with %(nickname)s") % {"nickname": factor.label},
            rest,
            rest,
        )
    if key.startswith("tag:"):
        name = factor.label[1:-1]  # insights.factors quotes it: “name”
        return FactorWords(
            pgettext("a factor of the person's own", "“%(name)s”") % {"name": name},
            gettext("entries tagged “%(name)s”") % {"name": name},
            gettext("entries without “%(name)s”") % {"name": name},
            "",
        )
    return FactorWords(
        gettext(factor.label),
        gettext(factor.exposed_words),
        gettext(factor.unexposed_words),
        _short(factor, factor.unexposed_words),
    )


def factor_label(factor: FactorResult) -> str:
    """The name on a line of its own, starting with a capital."""
    label = factor_words(factor).label
    return label[:1].upper() + label[1:]
