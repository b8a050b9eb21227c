"""Checks a whole backup document before anything is written.

The structure (keys, lists, names that entries refer to) is checked here; each value
goes through rules.py, which holds it to the model's and the log form's rules.
Problems are collected, not stopped at, so a person fixing a file by hand sees them
together; each message names the entry (by position and time) and the field.
"""

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import cast

from django.utils.translation import gettext as _

from entries.portability.rules import (
    ENTRY_RULES,
    NICKNAME_MAX,
    PREFERENCE_RULES,
    TAG_NAME_MAX,
    BadValue,
    boolean,
    instant,
    plain_name,
    shown,
)
from entries.portability.sections import OPTIONAL_SECTION_KEYS
from entries.portability.spec import (
    ACCOUNT_KEY,
    ENTRY_KEYS,
    FORMAT_NAME,
    FORMAT_VERSION,
    OPTIONAL_PREFERENCE_KEYS,
    PARTNER_KEYS,
    PREFERENCE_KEYS,
    READABLE_VERSIONS,
    TAG_KEYS,
    TOP_LEVEL_KEYS,
    BackupInvalid,
    name_key,
)
from pct_journal.scales import Activity

MAX_MESSAGES = 20
NOT_A_BACKUP = (
    "This file is not a PCT Journal backup. Choose the backup.json file that "
    "“Download a full backup” gave you."
)


@dataclass(frozen=True)
class PartnerRecord:
    nickname: str
    active: bool


@dataclass(frozen=True)
class TagRecord:
    name: str


@dataclass(frozen=True)
class EntryRecord:
    occurred_at: dt.datetime
    partner: str | None
    tags: tuple[str, ...]
    values: dict  # ENTRY_VALUE_KEYS -> model value


@dataclass(frozen=True)
class ValidBackup:
    preferences: dict
    partners: list[PartnerRecord]
    tags: list[TagRecord]
    entries: list[EntryRecord]
    sections: dict[str, list]  # optional sections present in the file, items unchecked
    has_account_record: bool = False  # read, never written (it describes the old account)


def _keys(keys: list) -> str:
    return ", ".join(f"“{key}”" for key in keys)


class _Problems:
    def __init__(self) -> None:
        self.messages: list[str] = []

    def add(self, message: str) -> None:
        self.messages.append(message)

    def check(self, where: str, key: str, rule: Callable, value: object):
        try:
            return rule(value)
        except BadValue as bad:
            self.add(f"{where}: {bad.about(key)}")
            return None

    def keys(
        self, where: str, record: object, expected: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> bool:
        """True when the record is an object with exactly the expected keys (those in
        `optional` may be missing)."""
        if not isinstance(record, dict):
            self.add(f"{where} must be an object with the keys {', '.join(expected)}.")
            return False
        missing = [key for key in expected if key not in record and key not in optional]
        unknown = [key for key in record if key not in expected]
        if missing:
            self.add(f"{where}: {_keys(missing)} {'is' if len(missing) == 1 else 'are'} missing.")
        if unknown:
            self.add(f"{where}: {_keys(unknown)} {'is' if len(unknown) == 1 else 'are'} unknown.")
        return not missing and not unknown

    def raise_if_any(self) -> None:
        if not self.messages:
            return
        shown = self.messages[:MAX_MESSAGES]
        if len(self.messages) > MAX_MESSAGES:
            shown.append(f"… and {len(self.messages) - MAX_MESSAGES} more problems.")
        raise BackupInvalid(shown)


def _check_header(data: object) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise BackupInvalid([NOT_A_BACKUP])
    version = data.get("version")
    if type(version) is int and version > FORMAT_VERSION:
        raise BackupInvalid(
            [
                f"This backup was made by a newer version of PCT Journal (format version "
                f"{version}); this journal reads version {FORMAT_VERSION}. Update it first."
            ]
        )
    if type(version) is not int or version not in READABLE_VERSIONS:
        raise BackupInvalid(
            [
                f"This backup has format version {shown(version)}, which this journal "
                f"cannot read (it reads version {FORMAT_VERSION})."
            ]
        )


def _list(problems: _Problems, data: dict, key: str) -> list:
    value = data.get(key)
    if not isinstance(value, list):
        problems.add(f"“{key}” must be a list.")
        return []
    return value


def _preferences(problems: _Problems, data: object) -> dict:
    if not problems.keys("“preferences”", data, PREFERENCE_KEYS, OPTIONAL_PREFERENCE_KEYS):
        return {}
    data = cast(dict, data)  # problems.keys found an object
    return {
        key: problems.check("Settings", key, PREFERENCE_RULES[key], data[key])
        for key in PREFERENCE_KEYS
        if key in data
    }


def _unique_names(problems: _Problems, where: str, names: list[str | None]) -> set[str]:
    seen: set[str] = set()
    for number, name in enumerate(names, start=1):
        if name is None:
            continue
        if name_key(name) in seen:
            problems.add(
                f"{where} {number}: “{name}” is in the list twice "
                "(names are compared without regard to capital letters)."
            )
        seen.add(name_key(name))
    return seen


def _partners(problems: _Problems, items: list) -> list[PartnerRecord]:
    partners = []
    for number, item in enumerate(items, start=1):
        where = f"Partner {number}"
        if problems.keys(where, item, PARTNER_KEYS):
            nickname = problems.check(
                where, "nickname", partial(plain_name, max_length=NICKNAME_MAX), item["nickname"]
            )
            active = problems.check(where, "active", boolean, item["active"])
            if nickname is not None and active is not None:
                partners.append(PartnerRecord(nickname=nickname, active=active))
    _unique_names(problems, "Partner", [p.nickname for p in partners])
    return partners


def _tags(problems: _Problems, items: list) -> list[TagRecord]:
    tags = []
    for number, item in enumerate(items, start=1):
        where = f"Factor {number}"
        if problems.keys(where, item, TAG_KEYS):
            rule = partial(plain_name, max_length=TAG_NAME_MAX)
            name = problems.check(where, "name", rule, item["name"])
            if name is not None:
                tags.append(TagRecord(name=name))
    _unique_names(problems, "Factor", [t.name for t in tags])
    return tags


def _entry_partner(value: object, *, known: set[str], activity: object) -> str | None:
    if value is None:
        return None
    nickname = plain_name(value, max_length=NICKNAME_MAX)
    if name_key(nickname) not in known:
        raise BadValue(
            _("“%(field)s” names %(value)s, who is not in the file’s list of partners."),
            value=shown(nickname),
        )
    if activity == Activity.SOLO:
        raise BadValue(
            _("“%(field)s” must be null for a solo entry (a solo entry has no partner).")
        )
    return nickname


def _entry_tags(value: object, *, known: set[str]) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise BadValue(
            _("“%(field)s” must be a list of factor names, not %(value)s."), value=shown(value)
        )
    names = [plain_name(item, max_length=TAG_NAME_MAX) for item in value]
    for name in names:
        if name_key(name) not in known:
            raise BadValue(
                _("“%(field)s” has %(value)s, which is not in the file’s list of factors."),
                value=shown(name),
            )
    unique = {name_key(name): name for name in names}
    return tuple(unique.values())


def _entry(problems: _Problems, number: int, item: object, partners: set, tags: set):
    where = f"Entry {number}"
    if isinstance(item, dict) and isinstance(item.get("occurred_at"), str):
        where += f" ({item['occurred_at'][:40]})"
    if not problems.keys(where, item, ENTRY_KEYS):
        return None
    item = cast(dict, item)  # problems.keys found an object
    before = len(problems.messages)
    occurred_at = problems.check(where, "occurred_at", instant, item["occurred_at"])
    values = {key: problems.check(where, key, ENTRY_RULES[key], item[key]) for key in ENTRY_RULES}
    partner_rule = partial(_entry_partner, known=partners, activity=item["activity"])
    partner = problems.check(where, "partner", partner_rule, item["partner"])
    entry_tags = problems.check(where, "tags", partial(_entry_tags, known=tags), item["tags"])
    if len(problems.messages) > before:
        return None
    return EntryRecord(occurred_at=occurred_at, partner=partner, tags=entry_tags, values=values)


def parse_backup(data: object) -> ValidBackup:
    """The backup's contents, checked; raises BackupInvalid listing every problem."""
    _check_header(data)
    data = cast(dict, data)  # _check_header refused anything else
    problems = _Problems()
    missing = [key for key in TOP_LEVEL_KEYS if key not in data]
    if missing:
        raise BackupInvalid([f"The backup is incomplete: {_keys(missing)} missing."])
    known = (*TOP_LEVEL_KEYS, *OPTIONAL_SECTION_KEYS, ACCOUNT_KEY)
    unknown = [key for key in data if key not in known]
    if unknown:
        problems.add(f"{_keys(unknown)}: not part of the backup format.")
    if not isinstance(data["exported_at"], str):
        problems.add("“exported_at” must be a date and time.")
    preferences = _preferences(problems, data["preferences"])
    partners = _partners(problems, _list(problems, data, "partners"))
    tags = _tags(problems, _list(problems, data, "tags"))
    partner_keys = {name_key(p.nickname) for p in partners}
    tag_keys = {name_key(t.name) for t in tags}
    entries = [
        _entry(problems, number, item, partner_keys, tag_keys)
        for number, item in enumerate(_list(problems, data, "entries"), start=1)
    ]
    sections = {key: _list(problems, data, key) for key in OPTIONAL_SECTION_KEYS if key in data}
    if ACCOUNT_KEY in data and not isinstance(data[ACCOUNT_KEY], dict):
        problems.add(f"“{ACCOUNT_KEY}” must be an object.")
    problems.raise_if_any()
    return ValidBackup(
        preferences=preferences,
        partners=partners,
        tags=tags,
        entries=[entry for entry in entries if entry is not None],
        sections=sections,
        has_account_record=ACCOUNT_KEY in data,
    )


def load_backup_json(raw: bytes) -> object:
    """The parsed JSON; BackupInvalid with a plain message when it is not JSON."""

    def refuse_constant(name: str) -> None:
        raise ValueError(f"{name} is not allowed")

    try:
        return json.loads(raw, parse_constant=refuse_constant)
    except (ValueError, RecursionError):
        # ValueError covers bad JSON, bad UTF-8 and numbers too long to read.
        raise BackupInvalid(
            [
                "This file is not valid JSON, so it cannot be a complete backup. "
                "It may have been cut short or edited; download the backup again."
            ]
        ) from None
