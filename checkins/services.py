"""Every write to a user's check-ins goes through here. Check-ins are never edited:
they are created (by the form or a restored backup) and deleted."""

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.services import journal_write
from checkins.instruments import InvalidAnswers, instrument_for, score
from checkins.models import ITEM_FIELDS, CheckIn

# A restored check-in may come from a device whose clock runs a little ahead.
FUTURE_TOLERANCE = dt.timedelta(days=1)


def _build(
    *, user: User, instrument: str, answers: Sequence[object], taken_at: dt.datetime
) -> CheckIn:
    """An unsaved check-in with the total and band computed here, from the answers."""
    spec = instrument_for(instrument)
    total, band = score(spec, answers)
    items = dict(zip(ITEM_FIELDS, answers, strict=False))
    return CheckIn(
        user=user, instrument=spec.key, taken_at=taken_at, total=total, band=band.key, **items
    )


def checkin_create(
    *,
    user: User,
    instrument: str,
    answers: Sequence[int],
    taken_at: dt.datetime | None = None,
) -> CheckIn:
    """Raises checkins.instruments.InvalidAnswers for answers that do not fit."""
    checkin = _build(
        user=user, instrument=instrument, answers=answers, taken_at=taken_at or timezone.now()
    )
    with journal_write(user_id=user.pk):
        checkin.save(force_insert=True)
    return checkin


def checkin_delete(*, checkin: CheckIn) -> None:
    with journal_write(user_id=checkin.user_id):
        checkin.delete()


@dataclass(frozen=True)
class RestoreResult:
    created: int
    already_present: int


# The keys of a check-in in a backup (see checkins.selectors.checkins_for_backup).
# total and band are written for people reading the file; a restore works them out again.
BACKUP_KEYS = ("instrument", "taken_at", "answers", "total", "band")
MAX_MESSAGES = 20
EARLIEST = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)


class _Bad(Exception):
    pass


def _parse_taken_at(value: object) -> dt.datetime:
    if not isinstance(value, str):
        raise _Bad("“taken_at” must be a date and time such as 2026-01-31T20:00:00+00:00.")
    try:
        taken_at = dt.datetime.fromisoformat(value)
    except ValueError:
        raise _Bad(f"“taken_at” “{value}” is not a date and time.") from None
    if timezone.is_naive(taken_at):
        raise _Bad("“taken_at” has no time zone offset (e.g. +00:00).")
    if not EARLIEST <= taken_at <= timezone.now() + FUTURE_TOLERANCE:
        raise _Bad(f"“taken_at” {value} is not a possible time for a check-in.")
    return taken_at


def _checkin_from_record(user: User, item: object) -> CheckIn:
    if not isinstance(item, Mapping):
        raise _Bad("it is not a record with instrument, taken_at and answers.")
    unknown = sorted(set(item) - set(BACKUP_KEYS))
    if unknown:
        raise _Bad(f"unknown keys {', '.join(map(str, unknown))}.")
    answers = item.get("answers")
    if not isinstance(answers, list):
        raise _Bad("“answers” must be a list of numbers from 0 to 3.")
    try:
        return _build(
            user=user,
            instrument=str(item.get("instrument", "")),
            answers=answers,
            taken_at=_parse_taken_at(item.get("taken_at")),
        )
    except InvalidAnswers as error:
        raise _Bad(str(error)) from None


def _validated(user: User, items: object) -> list[CheckIn]:
    """Every item checked; problems are collected so a hand-edited file shows them all."""
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise ValidationError("“checkins” must be a list.", code="invalid_checkins")
    built, problems = [], []
    for number, item in enumerate(items, start=1):
        try:
            built.append(_checkin_from_record(user, item))
        except _Bad as problem:
            when = item.get("taken_at") if isinstance(item, Mapping) else None
            where = f"Check-in {number}" + (f" ({when})" if isinstance(when, str) else "")
            problems.append(f"{where}: {problem}")
    if problems:
        shown = problems[:MAX_MESSAGES]
        if len(problems) > MAX_MESSAGES:
            shown.append(f"… and {len(problems) - MAX_MESSAGES} more problems with check-ins.")
        raise ValidationError(shown, code="invalid_checkins")
    return built


@transaction.atomic
def checkins_restore(*, user: User, items: Iterable[Mapping]) -> RestoreResult:
    """Adds check-ins from a backup (the records of checkins.selectors.checkins_for_backup).

    Everything is validated before anything is written: bad items raise one
    ValidationError whose messages name each item, and nothing is saved. Totals and
    bands in the file are ignored and worked out again from the answers. A check-in the
    user already has (same questionnaire, same instant) is skipped, so restoring the
    same backup twice adds nothing.
    """
    built = _validated(user, items)
    existing = set(CheckIn.objects.filter(user=user).values_list("instrument", "taken_at"))
    new_rows = []
    for checkin in built:
        key = (checkin.instrument, checkin.taken_at)
        if key not in existing:
            existing.add(key)
            new_rows.append(checkin)
    if new_rows:
        with journal_write(user_id=user.pk):
            CheckIn.objects.bulk_create(new_rows)
    return RestoreResult(created=len(new_rows), already_present=len(built) - len(new_rows))
