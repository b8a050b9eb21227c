"""Restores a backup into an account: the same one or another, as often as you like.

The whole file is validated first (validate.py); then everything is written in one
transaction or nothing is. Nothing already in the account is changed or deleted: a
partner or factor with the same name (whatever the capitals) is reused, and an entry
identical in every field to one already there is skipped, so importing a file twice
adds nothing the second time. Identical entries inside one file are kept as they are
(a journal may genuinely hold two), by counting rather than by set membership.
"""

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Field

from accounts.models import Preferences
from accounts.services import data_version_bump, preferences_for
from entries.models import Entry, Partner, Tag
from entries.portability.sections import OPTIONAL_SECTION_LABELS, registered_sections
from entries.portability.spec import ENTRY_VALUE_KEYS, BackupInvalid, name_key
from entries.portability.validate import (
    EntryRecord,
    PartnerRecord,
    TagRecord,
    ValidBackup,
    parse_backup,
)

NAME_CLASH = (
    "This backup could not be imported: two of its partner or factor names count as the "
    "same name in your journal. Nothing was changed."
)


@dataclass
class Counts:
    added: int = 0
    already_there: int = 0


@dataclass
class RestoreReport:
    entries: Counts = field(default_factory=Counts)
    partners: Counts = field(default_factory=Counts)
    tags: Counts = field(default_factory=Counts)
    # Keyed by the section's label ("check-ins").
    sections: dict[str, Counts] = field(default_factory=dict)
    settings_changed: list[str] = field(default_factory=list)
    # Items of sections this install does not keep, by label: reported, not imported.
    left_out: dict[str, int] = field(default_factory=dict)
    # The file's account record (sign-in, sessions, share links, security log) stays
    # with the account it describes.
    account_record_left_out: bool = False

    @property
    def changed_anything(self) -> bool:
        counts = [self.entries, self.partners, self.tags, *self.sections.values()]
        return any(c.added for c in counts) or bool(self.settings_changed)


def backup_restore(*, user: User, data: object, restore_preferences: bool = True) -> RestoreReport:
    """Imports a parsed backup document; raises BackupInvalid, having changed nothing,
    when any part of it is wrong."""
    backup = parse_backup(data)
    try:
        return _restore(user=user, backup=backup, restore_preferences=restore_preferences)
    except ValidationError as error:
        # Raised by another app's section (e.g. a bad check-in); the transaction is undone.
        raise BackupInvalid(list(error.messages)) from None
    except IntegrityError:
        # Validation compares names as their blind index does, so only a name added
        # by another request during the import can clash here.
        raise BackupInvalid([NAME_CLASH]) from None


class _Undo(Exception):
    def __init__(self, report: RestoreReport):
        super().__init__("undone")
        self.report = report


def backup_restore_trial(
    *, user: User, data: object, restore_preferences: bool = True
) -> RestoreReport:
    """What backup_restore would do, found by doing it and undoing it: every check of a
    real import runs (another app's section included), and the counts are exact. Raises
    BackupInvalid like backup_restore; the account is left as it was either way."""
    try:
        with transaction.atomic():
            report = backup_restore(user=user, data=data, restore_preferences=restore_preferences)
            raise _Undo(report)
    except _Undo as undone:
        return undone.report


@transaction.atomic
def _restore(*, user: User, backup: ValidBackup, restore_preferences: bool) -> RestoreReport:
    # Locking the settings row makes two imports of the same file (a double click) run
    # one after the other, so the second finds the first one's entries and skips them.
    preferences = Preferences.objects.select_for_update().get(pk=preferences_for(user).pk)
    report = RestoreReport(account_record_left_out=backup.has_account_record)
    registered = {section.key: section for section in registered_sections()}
    for key, items in backup.sections.items():
        label = OPTIONAL_SECTION_LABELS[key]
        if key in registered:
            result = registered[key].restore(user=user, items=items)
            report.sections[label] = Counts(result.created, result.already_present)
        elif items:
            report.left_out[label] = len(items)
    partners = _restore_partners(user, backup.partners, report.partners)
    tags = _restore_tags(user, backup.tags, report.tags)
    _restore_entries(user, backup.entries, partners, tags, report.entries)
    if restore_preferences:
        report.settings_changed = _restore_preferences(preferences, backup.preferences)
    if report.changed_anything:
        data_version_bump(user_id=user.pk)
    return report


def _restore_partners(
    user: User, records: list[PartnerRecord], counts: Counts
) -> dict[str, Partner]:
    by_key = {name_key(p.nickname): p for p in Partner.objects.filter(user=user)}
    new = []
    for record in records:
        key = name_key(record.nickname)
        if key in by_key:
            counts.already_there += 1
            continue
        by_key[key] = Partner(user=user, nickname=record.nickname, active=record.active)
        new.append(by_key[key])
    Partner.objects.bulk_create(new)
    counts.added = len(new)
    return by_key


def _restore_tags(user: User, records: list[TagRecord], counts: Counts) -> dict:
    by_key = {name_key(t.name): t for t in Tag.objects.filter(user=user)}
    new = []
    for record in records:
        key = name_key(record.name)
        if key in by_key:
            counts.already_there += 1
            continue
        by_key[key] = Tag(user=user, name=record.name)
        new.append(by_key[key])
    Tag.objects.bulk_create(new)
    counts.added = len(new)
    return by_key


def _identity(
    occurred_at: dt.datetime, partner: str | None, tags: Iterable[str], values: dict
) -> tuple:
    """What makes two entries the same entry: the instant and every field."""
    plain = tuple(
        (key, tuple(sorted(values[key])) if key == "coping" else values[key])
        for key in ENTRY_VALUE_KEYS
    )
    return (
        occurred_at.astimezone(dt.UTC),
        name_key(partner) if partner is not None else None,
        tuple(sorted(name_key(tag) for tag in tags)),
        plain,
    )


def _existing_identities(user: User) -> Counter:
    entries = Entry.objects.filter(user=user).select_related("partner").prefetch_related("tags")
    return Counter(
        _identity(
            entry.occurred_at,
            entry.partner.nickname if entry.partner else None,
            [tag.name for tag in entry.tags.all()],
            {key: getattr(entry, key) for key in ENTRY_VALUE_KEYS},
        )
        for entry in entries
    )


def _restore_entries(
    user: User,
    records: list[EntryRecord],
    partners: dict[str, Partner],
    tags: dict[str, Tag],
    counts: Counts,
) -> None:
    present = _existing_identities(user)
    new_entries: list[Entry] = []
    new_links: list[Any] = []  # rows of the tags' through model
    for record in records:
        identity = _identity(record.occurred_at, record.partner, record.tags, record.values)
        if present[identity] > 0:
            present[identity] -= 1
            counts.already_there += 1
            continue
        partner = partners[name_key(record.partner)] if record.partner is not None else None
        entry = Entry(user=user, occurred_at=record.occurred_at, partner=partner, **record.values)
        new_entries.append(entry)
        new_links.extend(
            Entry.tags.through(entry_id=entry.pk, tag_id=tags[name_key(name)].pk)
            for name in record.tags
        )
    Entry.objects.bulk_create(new_entries, batch_size=500)
    Entry.tags.through.objects.bulk_create(new_links, batch_size=500)
    counts.added = len(new_entries)


def _restore_preferences(preferences: Preferences, values: dict) -> list[str]:
    """The settings from the file; returns the names of those that changed."""
    changed = [key for key, value in values.items() if getattr(preferences, key) != value]
    for key in changed:
        setattr(preferences, key, values[key])
    if changed:
        preferences.save(update_fields=changed)
    return [str(cast(Field, Preferences._meta.get_field(key)).verbose_name) for key in changed]
