"""The account's own record, for the full backup's `account` section.

The rest of the backup is the journal, which an import can bring into any account. This
part describes the account itself: how it signs in, where it is logged in, the share
links it made and its security log. It belongs to the account it came from, so an
import never writes it; it is in the download because a person is owed a copy of
everything kept about them. Secrets are never in it: no password hash, no two-factor
secret or recovery code, no share-link token or its hash.
"""

import datetime as dt
import zoneinfo

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from audit.models import SecurityEvent
from insights.models import PartnerGuide
from sharing.models import ShareLink


def _instant(moment: dt.datetime | None, zone: zoneinfo.ZoneInfo) -> str | None:
    return timezone.localtime(moment, zone).isoformat(timespec="seconds") if moment else None


def _share_links(user: AbstractBaseUser, zone: zoneinfo.ZoneInfo) -> list[dict]:
    links = ShareLink.objects.filter(user=user).prefetch_related("views").order_by("created_at")
    return [
        {
            "label": link.label,
            "created_at": _instant(link.created_at, zone),
            "expires_at": _instant(link.expires_at, zone),
            "ended_at": _instant(link.revoked_at, zone),
            "options": link.options,
            "opened_at": sorted(_instant(view.viewed_at, zone) for view in link.views.all()),
        }
        for link in links
    ]


def _partner_guide(user: AbstractBaseUser) -> dict | None:
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


def account_record(user: AbstractBaseUser, zone: zoneinfo.ZoneInfo) -> dict:
    emails = EmailAddress.objects.filter(user=user).order_by("email")
    sessions = UserSession.objects.filter(user=user).order_by("created_at")
    events = SecurityEvent.objects.filter(user=user).order_by("at", "pk")
    return {
        "username": user.get_username(),
        "joined_at": _instant(user.date_joined, zone),
        "email_addresses": [
            {"email": email.email, "primary": email.primary, "verified": email.verified}
            for email in emails
        ],
        # Each kind once: a person may have several passkeys ("webauthn").
        "two_factor": sorted(
            set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
        ),
        "sessions": [
            {
                "started_at": _instant(session.created_at, zone),
                "last_seen_at": _instant(session.last_seen_at, zone),
                "ip": session.ip,
                "browser": session.user_agent,
            }
            for session in sessions
        ],
        "share_links": _share_links(user, zone),
        # The choices for the guide a person can give a partner (insights:partner_guide).
        "partner_guide": _partner_guide(user),
        "security_log": [
            {
                "event": event.kind,
                "at": _instant(event.at, zone),
                "ip": event.ip,
                "browser": event.user_agent,
                "details": event.meta,
            }
            for event in events
        ],
    }
