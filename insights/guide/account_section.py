"""The choices for the guide a person can give a partner (insights:partner_guide), in
their account record (the full backup's `account` part)."""

import zoneinfo

from django.contrib.auth.models import User

from insights.models import PartnerGuide


def partner_guide_record(user: User, zone: zoneinfo.ZoneInfo) -> dict | None:
    guide = PartnerGuide.objects.filter(user=user).first()
    if guide is None:
        return None
    return {
        "wishes": guide.wishes,
        "wish_other": guide.wish_other,
        "avoid": guide.avoid,
        "include_coping": guide.include_coping,
        "include_wishes": guide.include_wishes,
        "include_avoid": guide.include_avoid,
    }
