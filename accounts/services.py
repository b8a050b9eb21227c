from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F
from django.dispatch import Signal

from accounts.models import Preferences
from accounts.sessions import sessions_end_all
from audit.models import EventKind
from audit.services import audit_record
from pct_journal.wal_checkpoint import wal_fold_after_commit


def preferences_for(user: User) -> Preferences:
    preferences, _created = Preferences.objects.get_or_create(user=user)
    return preferences


# Sent with `user_id` whenever a person's data version is bumped, inside the write's
# transaction. The insights connect to it (insights.tasks) to work out the new charts and
# reports off the request path once the write has committed: this layer may not import
# them, so it only says that something changed.
journal_changed = Signal()


def data_version_bump(*, user_id: int) -> None:
    """Mark the user's derived data (charts, reports) as stale."""
    updated = Preferences.objects.filter(user_id=user_id).update(data_version=F("data_version") + 1)
    if not updated:
        Preferences.objects.get_or_create(user_id=user_id, defaults={"data_version": 1})
    journal_changed.send(sender=Preferences, user_id=user_id)


@contextmanager
def journal_write(*, user_id: int) -> Iterator[None]:
    """One transaction for a write to the user's journal, ending with their data version
    bumped, so cached charts and reports made from the old data are never shown again.

    Nested in another transaction it is a savepoint: a write that fails (a name already
    taken) leaves the outer transaction usable and the version as it was."""
    with transaction.atomic():
        yield
        data_version_bump(user_id=user_id)


# What the settings form can change. data_version (editable=False) is never written
# from memory: an entry saved meanwhile may have bumped it in the database already.
EDITABLE_PREFERENCES = tuple(
    field.name
    for field in Preferences._meta.concrete_fields
    if field.editable and not field.primary_key
)


def preferences_update(*, preferences: Preferences) -> Preferences:
    """Save the settings and mark derived data stale, with the version bumped in the
    database (so no concurrent bump is lost and no two data states share a version)."""
    with journal_write(user_id=preferences.user_id):
        preferences.save(update_fields=EDITABLE_PREFERENCES)
    preferences.refresh_from_db(fields=["data_version"])
    return preferences


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Remove the user and everything they own; every session of theirs ends."""
    sessions_end_all(user_id=user.pk)
    # Every journal model has a user foreign key with on_delete=CASCADE (their security
    # log too); the test introspects the models so a new one cannot be forgotten. Share
    # links go with the user in the same transaction, so a link handed out stops working
    # at once.
    user.delete()
    # What outlives the account: one row saying an account was deleted, and when.
    audit_record(user=None, kind=EventKind.ACCOUNT_DELETED)
    # Deleted rows zeroed in the file (secure_delete) and gone from the WAL too.
    wal_fold_after_commit()


def preferences_time_zone_set(*, user: User, time_zone: str) -> Preferences:
    """Show the journal in another zone (a new account's phone, or a journey)."""
    preferences = preferences_for(user)
    preferences.time_zone = time_zone
    return preferences_update(preferences=preferences)
