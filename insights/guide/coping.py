"""What has helped: each way of coping the person logged, and how often the rating that
came with it was "quite a lot" or "very much"."""

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.utils.translation import ngettext

from entries.models import Entry
from pct_journal.scales import Coping

# coping_helped is 0-4 (not at all ... very much); 3 and up reads as "helped a lot".
HELPED_A_LOT = 3


@dataclass(frozen=True)
class CopingOutcome:
    key: str
    label: str
    rated: int  # entries with this way of coping and a rating of how much it helped
    helped_a_lot: int
    unrated: int

    @property
    def sentence(self) -> str:
        values = {
            "way": self.label,
            "count": self.unrated,
            "helped": self.helped_a_lot,
            "rated": self.rated,
        }
        if not self.rated:
            return (
                ngettext(
                    "%(way)s: tried once, without a note of how much it helped",
                    "%(way)s: tried %(count)s times, without a note of how much it helped",
                    self.unrated,
                )
                % values
            )
        return (
            ngettext(
                "%(way)s: helped a lot, %(helped)s time out of %(rated)s",
                "%(way)s: helped a lot, %(helped)s times out of %(rated)s",
                self.helped_a_lot,
            )
            % values
        )


def coping_outcomes(user: User) -> list[CopingOutcome]:
    """One line per way of coping the person has logged, what helped most often first.

    The rating is for everything done that time together: two ways of coping logged
    in one entry both count that entry's rating."""
    rows = Entry.objects.filter(user=user).exclude(coping=[]).values_list("coping", "coping_helped")
    rated: dict[str, int] = {}
    helped: dict[str, int] = {}
    unrated: dict[str, int] = {}
    for coping, coping_helped in rows:
        for key in set(coping or ()):
            if coping_helped is None:
                unrated[key] = unrated.get(key, 0) + 1
                continue
            rated[key] = rated.get(key, 0) + 1
            if coping_helped >= HELPED_A_LOT:
                helped[key] = helped.get(key, 0) + 1
    outcomes = [
        CopingOutcome(
            key=key,
            label=str(label),
            rated=rated.get(key, 0),
            helped_a_lot=helped.get(key, 0),
            unrated=unrated.get(key, 0),
        )
        for key, label in Coping.choices
        if key in rated or key in unrated
    ]
    # Most often helpful first; ties keep the form's order.
    return sorted(outcomes, key=lambda outcome: -(outcome.helped_a_lot / (outcome.rated or 1)))
