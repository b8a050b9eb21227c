"""Every write to a user's journal goes through here."""

import time
import uuid
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.services import journal_write
from entries.models import DeletedEntry, Entry, Partner, Tag
from entries.undo import UNDO_WINDOW, entry_from_record, entry_record
from pct_journal.blind_index import blind_indexes
from pct_journal.wal_checkpoint import wal_fold_after_commit

NamedT = TypeVar("NamedT", Partner, Tag)


def _check_owner(user_id: int, *objects) -> None:
    # Forms already limit choices to the user's own rows; this is the second lock.
    for obj in objects:
        if obj is not None and obj.user_id != user_id:
            raise PermissionError("An entry can only refer to the user's own partners and tags.")


def _names_typed_in(
    user: User, fields: dict, tags: Iterable[Tag], new_partner: str, new_tag: str
) -> list[Tag]:
    """The entry's tags, and its partner in `fields`, with any name typed into the log
    form made a partner or factor of the user's."""
    tags = list(tags)
    if new_partner:
        fields["partner"] = partner_get_or_create(user=user, nickname=new_partner)
    if new_tag:
        tags.append(tag_get_or_create(user=user, name=new_tag))
    _check_owner(user.pk, fields.get("partner"), *tags)
    return tags


def entry_create(
    *,
    user: User,
    tags: Iterable[Tag] = (),
    new_partner: str = "",
    new_tag: str = "",
    **fields,
) -> Entry:
    with journal_write(user_id=user.pk):
        tags = _names_typed_in(user, fields, tags, new_partner, new_tag)
        entry = Entry.objects.create(user=user, **fields)
        entry.tags.set(tags)
    return entry


def entry_create_once(*, user: User, client_uuid: uuid.UUID, **fields) -> tuple[Entry, bool]:
    """Create the entry the phone named client_uuid, or find it if it came before.

    Returns the entry and whether this call created it. A second send of the same
    entry (the queue retried after a lost answer, a double tap) changes nothing."""
    existing = Entry.objects.filter(user=user, client_uuid=client_uuid).first()
    if existing:
        return existing, False
    try:
        # A savepoint: on PostgreSQL a failed insert spoils the transaction around it.
        with transaction.atomic():
            return entry_create(user=user, client_uuid=client_uuid, **fields), True
    except IntegrityError:
        # The same entry, sent twice at once: the other request stored it.
        existing = Entry.objects.filter(user=user, client_uuid=client_uuid).first()
        if existing is None:
            raise
        return existing, False


def entry_update(
    *,
    entry: Entry,
    tags: Iterable[Tag] = (),
    new_partner: str = "",
    new_tag: str = "",
    **fields,
) -> Entry:
    with journal_write(user_id=entry.user_id):
        tags = _names_typed_in(entry.user, fields, tags, new_partner, new_tag)
        for name, value in fields.items():
            setattr(entry, name, value)
        entry.save()
        entry.tags.set(tags)
    return entry


def entry_delete(*, entry: Entry) -> DeletedEntry:
    """Deletes the entry, keeping its values for UNDO_WINDOW so that it can be undone."""
    with journal_write(user_id=entry.user_id):
        deleted_entries_purge()
        deleted = DeletedEntry.objects.create(
            user_id=entry.user_id, record=entry_record(entry), deleted_at=timezone.now()
        )
        entry.delete()
        wal_fold_after_commit()
    return deleted


def entry_undo_delete(*, deleted: DeletedEntry) -> Entry:
    """The entry back as it was, at the same address; the caller checks the window."""
    with journal_write(user_id=deleted.user_id):
        entry, tags = entry_from_record(deleted.record, user=deleted.user)
        created_at, updated_at = entry.created_at, entry.updated_at
        entry.save(force_insert=True)
        # auto_now_add and auto_now set both on saving; the entry keeps its own.
        Entry.objects.filter(pk=entry.pk).update(created_at=created_at, updated_at=updated_at)
        entry.created_at, entry.updated_at = created_at, updated_at
        entry.tags.set(tags)
        deleted.delete()
    return entry


def deleted_entries_purge() -> int:
    """Removes every deleted entry whose undo window has passed, whoever it belonged to.

    Run whenever an entry is deleted or undone, by `manage.py purge_deleted_entries`
    (for a timer), and now and then when the entries list or the home page is shown
    (deleted_entries_purge_on_visit), so a deleted entry does not outlive its window
    for long even on a quiet install."""
    cutoff = timezone.now() - UNDO_WINDOW
    count, _by_model = DeletedEntry.objects.filter(deleted_at__lt=cutoff).delete()
    if count:
        wal_fold_after_commit()
    return count


# The pages where visits start (the home page, the entries list) purge at most this
# often in each process: the purge is a write, and doing it on every visit cost more
# than the rest of the home page's queries. Deleting, undoing and the command still
# purge every time, so an expired deletion outlives its window by at most this much
# more on an install where people only look.
PURGE_ON_VISIT_EVERY_SECONDS = 60.0


class _PurgeOnVisit:
    """When this process last purged for a page visit (time.monotonic())."""

    last: float | None = None


def deleted_entries_purge_on_visit() -> int:
    """deleted_entries_purge(), unless this process did it for a visit within the last
    PURGE_ON_VISIT_EVERY_SECONDS; the number of deleted entries removed."""
    now = time.monotonic()
    last = _PurgeOnVisit.last
    if last is not None and now - last < PURGE_ON_VISIT_EVERY_SECONDS:
        return 0
    _PurgeOnVisit.last = now
    return deleted_entries_purge()


class NameTaken(Exception):
    """The user already has a partner (or factor) of that name, in any case.

    The forms check this first; the database's unique constraint catches what the
    check cannot see, such as the same form sent twice at once by a double tap."""


def _named(model: type[Partner | Tag], *, user_id: int, field: str, value: str):
    # Names are encrypted; their blind index is what the database can compare.
    indexes = blind_indexes(user_id=user_id, name=value)
    return model.objects.filter(user_id=user_id, **{f"{field}_index__in": indexes})


def name_taken(model: type[Partner | Tag], *, user_id: int, field: str, value: str, pk) -> bool:
    """Whether another of the user's partners (or factors) has this name, in any case."""
    return _named(model, user_id=user_id, field=field, value=value).exclude(pk=pk).exists()


def _save_named(thing: Partner | Tag, field: str, **save_kwargs) -> None:
    # A savepoint, so a clash leaves the surrounding transaction usable (PostgreSQL
    # refuses every further query in a transaction after an error).
    try:
        with journal_write(user_id=thing.user_id):
            thing.save(**save_kwargs)
    except IntegrityError:
        value = getattr(thing, field)
        if not name_taken(
            type(thing), user_id=thing.user_id, field=field, value=value, pk=thing.pk
        ):
            raise
        # "from None": the database's message quotes the name, and must not reach a log.
        raise NameTaken from None


def _get_or_create_named(
    model: type[NamedT], *, user: User, field: str, value: str, create: Callable[[], NamedT]
) -> NamedT:
    existing = _named(model, user_id=user.pk, field=field, value=value).first()
    if existing:
        return existing
    try:
        return create()
    except NameTaken:
        # Created a moment ago by another request (the same form sent twice).
        return _named(model, user_id=user.pk, field=field, value=value).get()


def partner_get_or_create(*, user: User, nickname: str) -> Partner:
    return _get_or_create_named(
        Partner,
        user=user,
        field="nickname",
        value=nickname,
        create=lambda: partner_create(user=user, nickname=nickname),
    )


def partner_create(*, user: User, nickname: str, active: bool = True) -> Partner:
    partner = Partner(user=user, nickname=nickname, active=active)
    _save_named(partner, "nickname", force_insert=True)
    return partner


def partner_update(*, partner: Partner, nickname: str, active: bool) -> Partner:
    partner.nickname = nickname
    partner.active = active
    _save_named(partner, "nickname", update_fields=["nickname", "active"])
    return partner


def partner_delete(*, partner: Partner) -> None:
    """Entries with this partner keep everything else and become "not recorded"."""
    with journal_write(user_id=partner.user_id):
        partner.delete()
        wal_fold_after_commit()


def tag_get_or_create(*, user: User, name: str) -> Tag:
    """A factor typed in the log form. The form refuses a name already there; this
    reuses one created a moment ago by the same form sent twice."""
    return _get_or_create_named(
        Tag, user=user, field="name", value=name, create=lambda: tag_create(user=user, name=name)
    )


def tag_create(*, user: User, name: str) -> Tag:
    tag = Tag(user=user, name=name)
    _save_named(tag, "name", force_insert=True)
    return tag


def tag_update(*, tag: Tag, name: str) -> Tag:
    tag.name = name
    _save_named(tag, "name", update_fields=["name"])
    return tag


def tag_delete(*, tag: Tag) -> None:
    with journal_write(user_id=tag.user_id):
        tag.delete()
        wal_fold_after_commit()
