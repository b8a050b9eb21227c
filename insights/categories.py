"""What each cause category means, gentle next steps, and published context, in our own words.

The content follows the reference article (Medical News Today, "Crying after sex: Causes
and what to do") and the studies it cites; every sentence here is written for this app.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

CATEGORY_MEANINGS = {
    "distress": _(
        "When life already feels heavy, with low mood, depression or a lot of stress, "
        "sadness after sex is more likely. In research with people who experience it, "
        "being in a distressed state at the time was the thing most closely linked to it."
    ),
    "anxiety": _(
        # xgettext:no-python-format
        "Tears can be a way of letting go of tension that built up during sex, and worry "
        "about how things will go (performance anxiety) is one source of that tension. "
        "Such worry is common: studies put it at roughly 6–16% of women and 9–25% of men."
    ),
    "vulnerability": _(
        "Sex, and orgasm in particular, can leave you more open and unguarded than usual. "
        "In that state, memories of hard or traumatic times can surface, sometimes before "
        "you are even aware of what is being remembered."
    ),
    # The figure is the one published study figure we have for it (a British survey of
    # women); the sentences around it speak to anyone, whatever their body or gender,
    # and to solo sex as much as partnered.
    "pain": _(
        # xgettext:no-python-format
        "Pain during or after sex, with a partner or on your own, is reason enough to feel "
        "upset afterwards. It happens to people of every gender and body, it can have "
        "physical or psychological roots (clinicians call it dyspareunia), and it is not "
        "rare: in one British survey, around 7.5% of women aged 16–74 reported painful sex."
    ),
    "hormonal": _(
        "One idea in the literature is that pleasure-related brain chemicals such as "
        "dopamine and oxytocin fall after orgasm, and that this fall can bring on low "
        "feelings. It is a hypothesis that has not been proven; your entries can only show "
        "whether episodes and orgasm went together for you."
    ),
    "relationship": _(
        "Feeling low after sex does not mean a relationship is in trouble, but tension or "
        "distance between partners can play a part. Staying close afterwards, in body and "
        "in feeling, tends to go with relationships people find more satisfying."
    ),
    "other": _(
        "Things outside the six categories: alcohol or drugs, solo compared with partnered "
        "experiences, and the factors you added yourself."
    ),
}

NEXT_STEPS = {
    "distress": [
        _(
            "If low mood or stress has been around for a while, talking with a therapist, "
            "counsellor or your doctor can help; easing the low mood itself may make episodes "
            "less frequent."
        ),
        _("If a doctor suggests medication, it can be used alongside talking therapy."),
    ],
    "anxiety": [
        _(
            "Cognitive behavioural therapy (CBT) and learning mindfulness techniques are "
            "approaches that may help with anxiety."
        ),
        _("A doctor can talk through whether medication for anxiety makes sense for you."),
    ],
    "vulnerability": [
        _(
            "If past experiences are coming back, working through them with a trained "
            "counsellor, ideally one experienced with trauma, can help."
        ),
        _(
            "Be gentle with yourself afterwards: it is fine to pause, slow down, and to ask "
            "for (or give yourself) closeness or space."
        ),
    ],
    "pain": [
        _(
            "Pain during or after sex is worth raising with a clinician (a GP or family "
            "doctor, a sexual health clinic, or a pelvic health physiotherapist): the right "
            "treatment depends on finding the cause."
        ),
        _("You never have to push through pain."),
    ],
    "hormonal": [
        _(
            "If episodes often follow orgasm, mention it to a doctor or therapist; because the "
            "explanation is unproven, any treatment is a conversation to have with a prescriber."
        ),
    ],
    "relationship": [
        _(
            "If a partner was there, talking with them about what happens, at a calm moment, "
            "can bring you closer and reassure you both that an episode is not a verdict on "
            "either of you."
        ),
        _("Relationship counselling can support everyone involved as you work this out together."),
    ],
    "other": [
        _(
            "If one of these stands out, it may be worth noting a little more about it in "
            "your entries, or bringing it up with a therapist."
        ),
    ],
}


@dataclass(frozen=True)
class Source:
    short: str
    citation: str


SCHWEITZER_2015 = Source(
    "Schweitzer et al. 2015",
    "Schweitzer RD, O’Brien J, Burri A. Postcoital dysphoria: prevalence and "
    "psychological correlates. Sexual Medicine, 2015.",
)
MACZKOWIACK_2019 = Source(
    "Maczkowiack & Schweitzer 2019",
    "Maczkowiack J, Schweitzer RD. Postcoital dysphoria: prevalence and correlates "
    "among males. Journal of Sex & Marital Therapy, 2019.",
)
ARTICLE = Source(
    "Medical News Today",
    "“Crying after sex: Causes and what to do”, Medical News Today.",
)

# (what was found, the studies that found it)
PREVALENCE_CONTEXT = [
    (
        _(
            # xgettext:no-python-format
            "In a survey of women, 46% had felt this way after sex at least once in their lives."
        ),
        (SCHWEITZER_2015,),
    ),
    (
        _(
            # xgettext:no-python-format
            "In a study of 1,635 men, 41% had experienced it at some point."
        ),
        (MACZKOWIACK_2019,),
    ),
    (
        _(
            "Being in psychological distress at the time was the factor most strongly linked "
            "with it; sexual abuse in childhood and sexual difficulties were linked too."
        ),
        (MACZKOWIACK_2019, SCHWEITZER_2015),
    ),
]
SOURCES = [SCHWEITZER_2015, MACZKOWIACK_2019, ARTICLE]

NOT_A_DIAGNOSIS = _(
    "These are patterns in your own entries: things that went together, not proof of what "
    "causes what, and not a diagnosis. A therapist or doctor can help you make sense of them."
)

METHOD_NOTES = [
    _(
        # xgettext:no-python-format
        "For each factor, your entries are split into those with it and those without it, and "
        "the share followed by an episode is compared (a risk ratio, with its 95% confidence "
        "interval)."
    ),
    _(
        "Entries where a factor is unknown are left out of that factor’s comparison: orgasm "
        "answered “not sure” or not at all, connection not recorded, check-ins older than 14 "
        "days."
    ),
    _(
        "Each partner is compared with the rest of your partnered entries (with someone else "
        "or with nobody named), not with solo ones: solo against partnered is a comparison of "
        "its own, and mixing solo entries in would make every partner look different merely "
        "for being a partner."
    ),
    _(
        "The PHQ-9 and GAD-7 factors are listed from the start. An entry counts for them only "
        "when a check-in was taken in the 14 days before it, so they read “not enough data” "
        "until check-ins cover enough entries."
    ),
    _(
        "When one of the four counts is zero, 0.5 is added to each of them before the ratio and "
        "its interval are worked out (the Haldane–Anscombe correction), so no ratio is ever "
        "infinite. When no entry, or every entry, was followed by an episode, there is nothing "
        "to compare and no ratio is shown."
    ),
    _(
        "Fisher’s exact test gives a p value for each factor. Because many factors are checked at "
        "once, the p values are adjusted for that (Benjamini–Hochberg q values) within two "
        "groups fixed in advance: one main factor for each of the six categories (low mood, "
        "worry about performance, feeling exposed, pain, orgasm, tension with a partner), and "
        "every other factor. Adding a factor of your own therefore never changes the q values "
        "of the main six. Only factors that can be judged, with at least 5 entries on each "
        "side, take part."
    ),
    _(
        "Clear pattern: the whole interval lies above 1 and q is below 0.125 for one of the "
        "main six, or below 0.05 for any other factor (there are many more of those, so "
        "chance has more tries among them). Possible pattern "
        "(it might be chance; keep logging): episodes were at least 1.5 times as common with "
        "the factor and q is below 0.2. No pattern: anything else. Not enough data: fewer "
        "than 5 entries with or without the factor."
    ),
    _(
        "These cut-offs were chosen by testing them on thousands of made-up journals. Where "
        "nothing went with episodes, fewer than 1 in 10 showed a clear pattern anywhere and "
        "fewer than 1 in 5 a possible or clear one; where episodes were three times as likely "
        "with pain, 200 entries showed it as clear about 9 times in 10."
    ),
    _(
        "The levels look for factors that went together with more episodes. When the whole "
        "interval lies below 1, the card says that episodes were less common with the factor, "
        "and its level stays “no pattern”."
    ),
]
