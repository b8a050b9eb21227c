"""Recording security events. Other apps call audit_record; nothing else writes here."""

import ipaddress
import logging
from datetime import timedelta

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils import timezone

from audit.models import EventKind, SecurityEvent

logger = logging.getLogger("pct_journal.security")

# Metadata is for small facts about an event, never for content. A fixed set of keys
# and short scalar values make it impossible to pass a note or a password by accident.
ALLOWED_META_KEYS = frozenset(
    {
        "method",  # how someone logged in: "password", "password and two-factor"
        "authenticator",  # "totp" or "recovery_codes"
        "reason",  # why a session ended: "idle" or "absolute"
        "format",  # export format: "csv", "json", "pdf"
        "count",  # how many entries an export or import held
        "link",  # a share link's id (never its token)
        "expires",  # when a share link expires (ISO date)
    }
)
META_TEXT_MAX_LENGTH = 64
USER_AGENT_MAX_LENGTH = SecurityEvent._meta.get_field("user_agent").max_length


def _check_meta(meta: dict) -> dict:
    unknown = set(meta) - ALLOWED_META_KEYS
    if unknown:
        raise ValueError(f"audit_record does not accept these keys: {sorted(unknown)}")
    for key, value in meta.items():
        if isinstance(value, str) and len(value) > META_TEXT_MAX_LENGTH:
            raise ValueError(f"audit_record: {key} is longer than {META_TEXT_MAX_LENGTH}.")
        if not isinstance(value, str | int | bool | type(None)):
            raise ValueError(f"audit_record: {key} must be text, a number or a flag.")
    return meta


def client_ip(request: HttpRequest) -> str | None:
    """The client's address as allauth sees it (it honours the trusted-proxy settings)."""
    try:
        ip = get_adapter().get_client_ip(request)
        return str(ipaddress.ip_address(ip))
    except (PermissionDenied, ValueError):
        return None


def audit_record(
    *,
    user: User | None,
    kind: EventKind | str,
    request: HttpRequest | None = None,
    **meta,
) -> SecurityEvent:
    """Record a security event for `user` (None for an event that belongs to nobody).

    Pass the request to note the IP address and browser. `meta` takes only the keys in
    ALLOWED_META_KEYS with short values; anything else raises ValueError.
    """
    kind = EventKind(kind)
    meta = _check_meta(meta)
    if user is not None and (not user.is_authenticated or user.pk is None):
        user = None
    event = SecurityEvent(user=user, kind=kind, meta=meta)
    if request is not None and user is not None:
        event.ip = client_ip(request)
        event.user_agent = request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_MAX_LENGTH]
    event.save()
    # The server log gets the event and an id: enough to correlate, nothing personal.
    logger.info("security event %s for user %s", kind.value, user.pk if user else "-")
    if kind == EventKind.LOGIN and user is not None:
        _forget_old_events(user)
    return event


def _forget_old_events(user: User) -> None:
    cutoff = timezone.now() - timedelta(days=settings.AUDIT_RETENTION_DAYS)
    SecurityEvent.objects.filter(user=user, at__lt=cutoff).delete()
