"""Generated journals (entries, partners, factors, settings, check-ins) survive export ->
import into a fresh account -> export unchanged, and no malformed file changes anything.

Each example runs in its own savepoint that is rolled back, so examples do not see each
other's rows even though they share the test's database fixture.
"""

import datetime as dt
import json

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from accounts.models import Preferences
from checkins.instruments import ANSWER_MAX, INSTRUMENTS
from checkins.models import CheckIn
from checkins.services import checkin_create
from entries.models import Entry, Partner, Tag
from entries.portability.backup import backup_for_user, backup_json_bytes
from entries.portability.restore import backup_restore
from entries.portability.spec import ACCOUNT_KEY, ENTRY_KEYS, BackupInvalid
from entries.portability.validate import load_backup_json
from pct_journal.scales import Coping

pytestmark = pytest.mark.django_db

EXAMPLES = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Odd but legal text: any script, emoji, punctuation, spreadsheet triggers, newlines in
# notes. Not NUL (refused by the forms too) and not lone surrogates (not text at all).
TEXT = st.characters(codec="utf-8", exclude_characters="\x00")
ZONES = ["UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kathmandu", "Pacific/Chatham"]


def _names(max_length: int, max_size: int):
    name = st.text(TEXT, min_size=1, max_size=max_length).map(str.strip).filter(bool)
    return st.lists(name, max_size=max_size, unique_by=str.lower)


def _scale(maximum: int):
    return st.integers(0, maximum)


def _optional(strategy):
    return st.none() | strategy


@st.composite
def journals(draw) -> dict:
    partners = draw(_names(60, 4))
    tags = draw(_names(40, 4))
    entries = []
    for _ in range(draw(st.integers(0, 8))):
        activity = draw(st.sampled_from(["partnered", "solo"]))
        coping = draw(st.sets(st.sampled_from(Coping.values)))
        entries.append(
            {
                "occurred_at": draw(
                    st.datetimes(
                        min_value=dt.datetime(1990, 1, 1),
                        max_value=dt.datetime(2026, 1, 1),
                        timezones=st.just(dt.UTC),
                    )
                ),
                "activity": activity,
                "partner": draw(st.sampled_from(partners))
                if partners and activity == "partnered" and draw(st.booleans())
                else None,
                "orgasm": draw(st.sampled_from(["", "yes", "no", "unsure"])),
                "satisfaction": draw(_optional(_scale(4))),
                "connection_after": draw(_optional(_scale(4))),
                "sadness": draw(_scale(4)),
                "irritation": draw(_scale(4)),
                "agitation": draw(_scale(4)),
                "anxiety_after": draw(_scale(4)),
                "cried": draw(st.booleans()),
                "episode_minutes": draw(_optional(st.integers(1, 24 * 60))),
                "stress": draw(_optional(_scale(4))),
                "low_mood": draw(_optional(_scale(4))),
                "performance_anxiety": draw(_optional(_scale(4))),
                "felt_vulnerable": draw(_optional(_scale(4))),
                "relationship_tension": draw(_optional(_scale(4))),
                "pain": draw(_optional(_scale(10))),
                "memories_surfaced": draw(_optional(st.booleans())),
                "alcohol_or_drugs": draw(_optional(st.booleans())),
                "tags": draw(st.lists(st.sampled_from(tags), unique=True)) if tags else [],
                # Stored in the form's order, as the form stores it.
                "coping": [key for key in Coping.values if key in coping],
                "coping_helped": draw(_optional(_scale(4))),
                "notes": draw(st.text(TEXT, max_size=300)),
            }
        )
    checkins = draw(
        st.lists(
            st.sampled_from(sorted(INSTRUMENTS)).flatmap(
                lambda key: st.tuples(
                    st.just(key),
                    st.datetimes(
                        min_value=dt.datetime(2000, 1, 1),
                        max_value=dt.datetime(2026, 1, 1),
                        timezones=st.just(dt.UTC),
                    ),
                    st.lists(
                        st.integers(0, ANSWER_MAX),
                        min_size=len(INSTRUMENTS[key].items),
                        max_size=len(INSTRUMENTS[key].items),
                    ),
                )
            ),
            max_size=3,
            # The check-ins app tells check-ins apart by questionnaire and instant.
            unique_by=lambda checkin: checkin[:2],
        )
    )
    # Sometimes the very same experience twice: a journal may hold duplicates.
    if entries and draw(st.booleans()):
        entries.append(dict(entries[0]))
    return {
        "preferences": {
            "time_zone": draw(st.sampled_from(ZONES)),
            "episode_threshold": draw(st.integers(1, 4)),
            "discreet_mode": draw(st.booleans()),
            "checkins_enabled": draw(st.booleans()),
            "checkin_cadence_days": draw(st.sampled_from([7, 14])),
        },
        "partners": [(name, draw(st.booleans())) for name in partners],
        "tags": tags,
        "entries": entries,
        "checkins": checkins,
    }


_users = iter(range(10**9))


def _fresh_user():
    return get_user_model().objects.create(username=f"roundtrip-{next(_users)}")


def _write(journal: dict):
    user = _fresh_user()
    Preferences.objects.update_or_create(user=user, defaults=journal["preferences"])
    try:
        with transaction.atomic():
            partners = {
                name: Partner.objects.create(user=user, nickname=name, active=active)
                for name, active in journal["partners"]
            }
            tags = {name: Tag.objects.create(user=user, name=name) for name in journal["tags"]}
    except IntegrityError:
        # Some names differ in Python's lower case but not in PostgreSQL's (a Greek
        # final sigma, a dotted capital I), so the database refuses the pair: not a
        # journal that can exist.
        reject()
    for fields in journal["entries"]:
        values = {key: fields[key] for key in ENTRY_KEYS if key not in ("partner", "tags")}
        entry = Entry.objects.create(user=user, partner=partners.get(fields["partner"]), **values)
        entry.tags.set([tags[name] for name in fields["tags"]])
    for instrument, taken_at, answers in journal.get("checkins", []):
        checkin_create(user=user, instrument=instrument, answers=answers, taken_at=taken_at)
    return user


def _without_export_time(document: dict) -> str:
    # The account record describes the account itself (its name, sign-ins and security
    # log), which differs between the two accounts and is never imported.
    return json.dumps({k: v for k, v in document.items() if k not in ("exported_at", ACCOUNT_KEY)})


def _through_a_file(document: dict) -> object:
    return load_backup_json(backup_json_bytes(document))


@given(journal=journals())
@EXAMPLES
def test_export_import_export_gives_the_same_backup(journal):
    with transaction.atomic():
        source = _write(journal)
        first = backup_for_user(source)
        target = _fresh_user()

        report = backup_restore(user=target, data=_through_a_file(first))
        second = backup_for_user(target)
        again = backup_restore(user=target, data=_through_a_file(first))

        assert _without_export_time(second) == _without_export_time(first)
        assert report.entries.added == len(journal["entries"])
        assert report.sections["check-ins"].added == len(journal["checkins"])
        assert again.entries.added == again.partners.added == again.tags.added == 0
        assert _without_export_time(backup_for_user(target)) == _without_export_time(first)
        transaction.set_rollback(True)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=5,
)
_MARCH = dt.datetime(2025, 3, 1, 9, tzinfo=dt.UTC)
SAMPLE_JOURNAL = {
    "preferences": {
        "time_zone": "Europe/Berlin",
        "episode_threshold": 2,
        "discreet_mode": False,
        "checkins_enabled": False,
        "checkin_cadence_days": 14,
    },
    "partners": [("Sam", True)],
    "tags": ["after an argument"],
    "entries": [],
}


def _counts(user) -> tuple:
    return (
        Entry.objects.filter(user=user).count(),
        Partner.objects.filter(user=user).count(),
        Tag.objects.filter(user=user).count(),
        Entry.tags.through.objects.filter(entry__user=user).count(),
        CheckIn.objects.filter(user=user).count(),
        tuple(Preferences.objects.filter(user=user).values_list()),
    )


@given(
    where=st.sampled_from(
        [("entries", 2, key) for key in ENTRY_KEYS]
        + [("preferences", key) for key in SAMPLE_JOURNAL["preferences"]]
        + [("partners", 0, "nickname"), ("partners", 0, "active"), ("tags", 0, "name")]
        + [("checkins", 0, "answers"), ("checkins", 0, "taken_at"), ("checkins", 0)]
        + [("version",), ("format",), ("entries",), ("partners",), ("entries", 1)]
    ),
    value=JSON_VALUES,
)
@EXAMPLES
def test_a_damaged_backup_is_refused_or_imported_whole_never_half(where, value):
    with transaction.atomic():
        journal = {**SAMPLE_JOURNAL, "entries": [], "checkins": [("phq9", _MARCH, [1] * 9)]}
        source = _write(journal)
        for number in range(3):
            Entry.objects.create(
                user=source,
                occurred_at=dt.datetime(2025, 3, 1 + number, 22, tzinfo=dt.UTC),
                partner=Partner.objects.get(user=source),
                sadness=number,
                notes=f"note {number}",
            )
        document = json.loads(backup_json_bytes(backup_for_user(source)))
        target = _fresh_user()
        Preferences.objects.get_or_create(user=target)
        container = document
        for step in where[:-1]:
            container = container[step]
        container[where[-1]] = value
        before = _counts(target)

        try:
            backup_restore(user=target, data=_through_a_file(document))
        except BackupInvalid as refused:
            assert refused.messages
            assert _counts(target) == before
        else:
            assert Entry.objects.filter(user=target).count() == len(document["entries"])
        transaction.set_rollback(True)
