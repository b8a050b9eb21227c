"""Every write to a user's journal goes through here."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction

from accounts.services import data_version_bump
from entries.models import Entry, Partner, Tag
from pct_journal.blind_index import blind_indexes
from pct_journal.wal_checkpoint import wal_fold_after_commit


def _check_owner(user_id: int, *objects) -> None:
    # Forms already limit choices to the user's own rows; this is the second lock.
    for obj in objects:
        if obj is not None and obj.user_id != user_id:
            raise PermissionError("An entry can only refer to the user's own partners and tags.")


@transaction.atomic
def entry_create(
    *,
    user: AbstractBaseUser,
    tags: Iterable[Tag] = (),
    new_partner: str = "",
    **fields,
) -> Entry:
    tags = list(tags)
    if new_partner:
        fields["partner"] = partner_get_or_create(user=user, nickname=new_partner)
    _check_owner(user.pk, fields.get("partner"), *tags)
    entry = Entry.objects.create(user=user, **fields)
    entry.tags.set(tags)
    data_version_bump(user_id=user.pk)
    return entry


@transaction.atomic
def entry_update(
    *,
    entry: Entry,
    tags: Iterable[Tag] = (),
    new_partner: str = "",
    **fields,
) -> Entry:
    tags = list(tags)
    if new_partner:
        fields["partner"] = partner_get_or_create(user=entry.user, nickname=new_partner)
    _check_owner(entry.user_id, fields.get("partner"), *tags)
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.save()
    entry.tags.set(tags)
    data_version_bump(user_id=entry.user_id)
    return entry


@transaction.atomic
def entry_delete(*, entry: Entry) -> None:
    user_id = entry.user_id
    entry.delete()
    data_version_bump(user_id=user_id)
    wal_fold_after_commit()


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
        with transaction.atomic():
            thing.save(**save_kwargs)
            data_version_bump(user_id=thing.user_id)
    except IntegrityError:
        value = getattr(thing, field)
        if not name_taken(
            type(thing), user_id=thing.user_id, field=field, value=value, pk=thing.pk
        ):
            raise
        # "from None": the database's message quotes the name, and must not reach a log.
        raise NameTaken from None


def partner_get_or_create(*, user: AbstractBaseUser, nickname: str) -> Partner:
    existing = _named(Partner, user_id=user.pk, field="nickname", value=nickname).first()
    if existing:
        return existing
    try:
        return partner_create(user=user, nickname=nickname)
    except NameTaken:
        # Created a moment ago by another request (the same form sent twice).
        return _named(Partner, user_id=user.pk, field="nickname", value=nickname).get()


def partner_create(*, user: AbstractBaseUser, nickname: str, active: bool = True) -> Partner:
    partner = Partner(user=user, nickname=nickname, active=active)
    _save_named(partner, "nickname", force_insert=True)
    return partner


def partner_update(*, partner: Partner, nickname: str, active: bool) -> Partner:
    partner.nickname = nickname
    partner.active = active
    _save_named(partner, "nickname", update_fields=["nickname", "active"])
    return partner


@transaction.atomic
def partner_delete(*, partner: Partner) -> None:
    """Entries with this partner keep everything else and become "not recorded"."""
    user_id = partner.user_id
    partner.delete()
    data_version_bump(user_id=user_id)
    wal_fold_after_commit()


def tag_create(*, user: AbstractBaseUser, name: str) -> Tag:
    tag = Tag(user=user, name=name)
    _save_named(tag, "name", force_insert=True)
    return tag


def tag_update(*, tag: Tag, name: str) -> Tag:
    tag.name = name
    _save_named(tag, "name", update_fields=["name"])
    return tag


@transaction.atomic
def tag_delete(*, tag: Tag) -> None:
    user_id = tag.user_id
    tag.delete()
    data_version_bump(user_id=user_id)
    wal_fold_after_commit()
