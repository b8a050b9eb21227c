"""Writes of the insights app (the rest of it only reads)."""

from django.contrib.auth.models import User

from insights.models import PartnerGuide


def partner_guide_save(
    *,
    user: User,
    wishes: list[str],
    wish_other: str,
    avoid: str,
    include_coping: bool,
    include_wishes: bool,
    include_avoid: bool,
) -> PartnerGuide:
    guide, _created = PartnerGuide.objects.update_or_create(
        user=user,
        defaults={
            "wishes": list(wishes),
            "wish_other": wish_other,
            "avoid": avoid,
            "include_coping": include_coping,
            "include_wishes": include_wishes,
            "include_avoid": include_avoid,
        },
    )
    return guide
