"""Finding share links: by token for the public page, and a person's own for their list."""

import datetime as dt
from typing import TYPE_CHECKING, TypedDict

from django.contrib.auth.models import User
from django.db.models import Count, QuerySet

from accounts.services import preferences_for
from sharing.models import ShareLink
from sharing.tokens import TOKEN_MAX_LENGTH, token_hash

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class ViewCount(TypedDict):
    view_count: int


def share_link_for_token(token: str, *, now: dt.datetime) -> ShareLink | None:
    """The open link with this token, or None: unknown, expired and ended links are
    alike to the caller, so the public page answers all three the same way."""
    if not token or len(token) > TOKEN_MAX_LENGTH:
        return None
    link = (
        ShareLink.objects.filter(
            token_hash=token_hash(token), revoked_at__isnull=True, expires_at__gt=now
        )
        .select_related("user", "user__preferences")
        .first()
    )
    # The owner's preferences come along, so the summary behind the link (time zone,
    # discreet mode) needs no query of its own for them.
    if link is not None and not hasattr(link.user, "preferences"):
        link.user.preferences = preferences_for(link.user)
    return link


def share_links_of(user: User) -> "QuerySet[WithAnnotations[ShareLink, ViewCount]]":
    """The user's links, newest first, each with its view count and its views."""
    return (
        ShareLink.objects.filter(user=user)
        .annotate(view_count=Count("views"))
        .prefetch_related("views")
    )
