"""What the guide shows: only the sections the person ticked, and from the journal only
the coping ratings (never notes, dates, partners, factors or episode counts)."""

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from insights.categories import MACZKOWIACK_2019, SCHWEITZER_2015, Source
from insights.guide.coping import CopingOutcome, coping_outcomes
from insights.models import PartnerGuide, Wish

# What each wish asks of the partner, in the person's voice.
WISH_SENTENCES = {
    Wish.CLOSENESS: _("Closeness: holding me, or simply staying near me."),
    Wish.SPACE: _("Some space: a little time on my own, knowing that you are fine with it."),
    Wish.TALKING: _("Talking: gently asking how I am, and listening without fixing."),
    Wish.REASSURANCE: _(
        "Reassurance: hearing that we are okay and that you are not upset with me."
    ),
}
SOURCES: tuple[Source, ...] = (SCHWEITZER_2015, MACZKOWIACK_2019)


@dataclass(frozen=True)
class Guide:
    coping: list[CopingOutcome] | None  # None: the section is not shown
    wishes: list[str] | None
    avoid: str | None
    sources: tuple[Source, ...] = SOURCES


def partner_guide_of(user: User) -> PartnerGuide:
    """The person's choices for the guide; the defaults (unsaved) until they save some."""
    return PartnerGuide.objects.filter(user=user).first() or PartnerGuide(user=user)


def _wish_sentences(choices: PartnerGuide) -> list[str]:
    sentences = [str(WISH_SENTENCES[Wish(key)]) for key in Wish.values if key in choices.wishes]
    if choices.wish_other:
        sentences.append(choices.wish_other)
    return sentences


def build_guide(user: User, choices: PartnerGuide) -> Guide:
    return Guide(
        coping=coping_outcomes(user) if choices.include_coping else None,
        wishes=_wish_sentences(choices) if choices.include_wishes else None,
        avoid=choices.avoid if choices.include_avoid else None,
    )
