"""A person's share links in their account record (the full backup's `account` part):
when each was made, until when it works, what it shows and when it was opened. Never
the token or its hash."""

import zoneinfo

from django.contrib.auth.models import User

from accounts.account_record import record_instant
from sharing.models import ShareLink


def share_links_record(user: User, zone: zoneinfo.ZoneInfo) -> list[dict]:
    links = ShareLink.objects.filter(user=user).prefetch_related("views").order_by("created_at")
    return [
        {
            "label": link.label,
            "created_at": record_instant(link.created_at, zone),
            "expires_at": record_instant(link.expires_at, zone),
            "ended_at": record_instant(link.revoked_at, zone),
            "options": link.options,
            "opened_at": sorted(record_instant(view.viewed_at, zone) for view in link.views.all()),
        }
        for link in links
    ]
