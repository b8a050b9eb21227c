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
from collections.abc import Callable

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib.auth.models import User
from django.utils import timezone

from audit.models import SecurityEvent

SectionBuilder = Callable[[User, zoneinfo.ZoneInfo], object]
# Parts of the record kept by apps above this one (a person's share links, the guide for
# a partner), registered from their AppConfig.ready() so that accounts imports none of
# them. Written in the order the apps are installed.
_SECTIONS: dict[str, SectionBuilder] = {}


def register_account_section(key: str, build: SectionBuilder) -> None:
    _SECTIONS[key] = build


def record_instant(moment: dt.datetime | None, zone: zoneinfo.ZoneInfo) -> str | None:
    """A moment as the record writes it: in the person's zone, to the second."""
    return timezone.localtime(moment, zone).isoformat(timespec="seconds") if moment else None


def account_record(user: User, zone: zoneinfo.ZoneInfo) -> dict:
    emails = EmailAddress.objects.filter(user=user).order_by("email")
    sessions = UserSession.objects.filter(user=user).order_by("created_at")
    events = SecurityEvent.objects.filter(user=user).order_by("at", "pk")
    return {
        "username": user.get_username(),
        "joined_at": record_instant(user.date_joined, zone),
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
                "started_at": record_instant(session.created_at, zone),
                "last_seen_at": record_instant(session.last_seen_at, zone),
                "ip": session.ip,
                "browser": session.user_agent,
            }
            for session in sessions
        ],
        **{key: build(user, zone) for key, build in _SECTIONS.items()},
        "security_log": [
            {
                "event": event.kind,
                "at": record_instant(event.at, zone),
                "ip": event.ip,
                "browser": event.user_agent,
                "details": event.meta,
            }
            for event in events
        ],
    }
