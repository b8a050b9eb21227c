"""Every kind of row a person can own, found by introspection and filled in for tests
that must cover them all (account deletion, the full backup)."""

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from allauth.usersessions.models import UserSession
from django.apps import apps
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth import get_user_model

from accounts.services import preferences_for
from audit.models import EventKind
from audit.services import audit_record
from checkins.services import checkin_create
from entries.services import entry_delete
from insights.ranges import SelectedRange
from insights.services import partner_guide_save
from insights.summary.options import SummaryOptions
from pct_journal.date_range import DateRange
from sharing.services import share_link_create, share_link_view_record
from tests.factories import EntryFactory, PartnerFactory, TagFactory

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def models_owned_by_users():
    """Every model with a foreign key or one-to-one to the user model."""
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                field.is_relation
                and field.concrete
                and field.related_model is get_user_model()
                and model is not get_user_model()
            ):
                yield model, field.name


def fill_every_kind_of_row(user, *, with_session: bool = False):
    """One row (at least) of every model in models_owned_by_users(), for `user`.

    A session row comes from logging in through allauth; `with_session` makes one
    directly for tests that do not log in. Turns two-factor on, so log in first."""
    partner = PartnerFactory(user=user)
    tag = TagFactory(user=user)
    entry = EntryFactory(user=user, partner=partner, notes="private")
    entry.tags.add(tag)
    # A deleted entry still waiting out its undo window.
    entry_delete(entry=EntryFactory(user=user, partner=partner, notes="private"))
    preferences_for(user)
    checkin_create(user=user, instrument="phq9", answers=[1] * 9)
    EmailAddress.objects.create(user=user, email=f"{user.username}@example.org", primary=True)
    TOTP.activate(user, TOTP_SECRET)
    audit_record(user=user, kind=EventKind.PASSWORD_CHANGED)
    # What a staff member did in the admin (off by default) is theirs too.
    LogEntry.objects.create(user=user, object_repr="a tag", action_flag=ADDITION)
    all_time = SelectedRange("all", "All time", DateRange())
    link, token = share_link_create(user=user, options=SummaryOptions(period=all_time), days=14)
    share_link_view_record(link=link)
    partner_guide_save(
        user=user,
        wishes=["space"],
        wish_other="",
        avoid="",
        include_coping=False,
        include_wishes=True,
        include_avoid=True,
    )
    if with_session:
        UserSession.objects.create(
            user=user, ip="192.0.2.7", session_key=f"key-{user.pk}", user_agent="Firefox"
        )
    return token
