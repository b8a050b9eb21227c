"""One value of a backup against the journal's rules, read from the model fields.

The scales, choices and lengths come from entries.models and accounts.models, so an
import holds values to the same rules as the log form and the settings page, and a
change to a model changes the import with it. Each rule returns the value to store or
raises BadValue with a whole sentence that has a place for the field's name, so that
each language can put the name where its grammar wants it.
"""

import datetime as dt
import json
from collections.abc import Callable
from functools import partial
from typing import cast

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Preferences
from entries.forms import FUTURE_TOLERANCE
from entries.models import NOTES_MAX_LENGTH, Entry, Partner, Tag
from entries.portability.spec import ENTRY_VALUE_KEYS, PREFERENCE_KEYS
from pct_journal.scales import Coping

# Earlier times are a typo, and far earlier ones overflow when converted to UTC.
EARLIEST = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)


MOMENT_EXAMPLE = "2026-01-31T22:15:00+01:00"


class BadValue(Exception):
    """One value that breaks a rule: a translated sentence with "%(field)s" for the name
    of the field, cell or column, and the other values it names."""

    def __init__(self, sentence: str, **values: object) -> None:
        super().__init__(sentence)
        self.sentence = sentence
        self.values = values

    def about(self, field: str) -> str:
        """The whole sentence, naming `field` (a sentence without a place for it keeps
        as it is)."""
        return self.sentence % {**self.values, "field": field}

    @classmethod
    def whole(cls, text: str) -> "BadValue":
        """A sentence already complete, taken as it is (a "%" in it stays a "%")."""
        return cls("%(text)s", text=text)


def shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"


def boolean(value: object) -> bool:
    if not isinstance(value, bool):
        raise BadValue(_("“%(field)s” must be true or false, not %(value)s."), value=shown(value))
    return value


def boolean_or_null(value: object) -> bool | None:
    """A yes/no answer that may be "not recorded" (null)."""
    if value is not None and not isinstance(value, bool):
        raise BadValue(
            _("“%(field)s” must be true, false or null, not %(value)s."), value=shown(value)
        )
    return value


def _whole_number(value: object, *, low: int, high: int, allowed: list, nullable: bool):
    if value is None and nullable:
        return None
    # JSON true/false arrive as bool, a subclass of int: not a number here.
    ok = isinstance(value, int) and not isinstance(value, bool)
    if ok and allowed:
        ok = value in allowed
    elif ok:
        ok = low <= cast(int, value) <= high  # an int, checked above
    if ok:
        return value
    if allowed:
        sentence = (
            _("“%(field)s” must be one of %(allowed)s or null, not %(value)s.")
            if nullable
            else _("“%(field)s” must be one of %(allowed)s, not %(value)s.")
        )
    else:
        sentence = (
            _("“%(field)s” must be a whole number from %(low)s to %(high)s or null, not %(value)s.")
            if nullable
            else _("“%(field)s” must be a whole number from %(low)s to %(high)s, not %(value)s.")
        )
    raise BadValue(
        sentence,
        allowed=", ".join(str(a) for a in allowed),
        low=low,
        high=high,
        value=shown(value),
    )


def _choice(value: object, *, allowed: list[str], blank: bool) -> str:
    options = ([""] if blank else []) + allowed
    if isinstance(value, str) and value in options:
        return value
    if len(options) > 10:  # the time zones
        raise BadValue(
            _("“%(field)s” has %(value)s, which this journal does not offer."), value=shown(value)
        )
    raise BadValue(
        _("“%(field)s” must be one of %(options)s, not %(value)s."),
        options=", ".join(shown(o) for o in options),
        value=shown(value),
    )


def _text(value: object, *, max_length: int) -> str:
    if not isinstance(value, str):
        raise BadValue(_("“%(field)s” must be text, not %(value)s."), value=shown(value))
    if "\x00" in value:
        raise BadValue(_("“%(field)s” contains a null character."))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise BadValue(_("“%(field)s” contains characters that are not valid text.")) from None
    if len(value) > max_length:
        raise BadValue(_("“%(field)s” is longer than %(max)s characters."), max=max_length)
    return value


def plain_name(value: object, *, max_length: int) -> str:
    # Like the partner and factor forms: surrounding spaces go, an empty name is refused.
    name = _text(value, max_length=max_length + 1000).strip()
    if not name:
        raise BadValue(_("“%(field)s” is empty."))
    if len(name) > max_length:
        raise BadValue(_("“%(field)s” is longer than %(max)s characters."), max=max_length)
    return name


def _coping(value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise BadValue(
            _("“%(field)s” must be a list of coping keys, not %(value)s."), value=shown(value)
        )
    unknown = [item for item in value if item not in Coping.values]
    if unknown:
        raise BadValue(
            _("“%(field)s” has %(value)s; the keys are %(keys)s."),
            value=shown(unknown[0]),
            keys=", ".join(Coping.values),
        )
    # The form stores the chosen keys in this order; so does an import.
    return [key for key in Coping.values if key in value]


def instant(value: object) -> dt.datetime:
    not_a_moment = BadValue(
        _("“%(field)s” must be a date and time like %(example)s, not %(value)s."),
        example=MOMENT_EXAMPLE,
        value=shown(value),
    )
    if not isinstance(value, str):
        raise not_a_moment
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise not_a_moment from None
    if moment.utcoffset() is None:
        raise BadValue(
            _("“%(field)s” has no time zone offset (like %(example)s)."), example=MOMENT_EXAMPLE
        )
    try:
        utc = moment.astimezone(dt.UTC)
    except OverflowError:
        raise BadValue(_("“%(field)s” is not a usable date.")) from None
    if utc < EARLIEST:
        raise BadValue(_("“%(field)s” is before 1900."))
    if utc > timezone.now() + FUTURE_TOLERANCE:
        raise BadValue(_("“%(field)s” is more than a day from now."))
    return moment


def _bounds(field: models.Field) -> tuple[int, int]:
    lows = [v.limit_value for v in field.validators if isinstance(v, MinValueValidator)]
    highs = [v.limit_value for v in field.validators if isinstance(v, MaxValueValidator)]
    return max(lows, default=0), min(highs, default=2**31 - 1)


def _rule_for(field: models.Field) -> Callable[[object], object]:
    """The check for a model field, derived from the field itself."""
    if isinstance(field, models.BooleanField):
        return boolean_or_null if field.null else boolean
    if isinstance(field, models.IntegerField):
        low, high = _bounds(field)
        allowed = [value for value, _label in field.flatchoices] if field.choices else []
        # A scale's choices are a run of whole numbers, worded best as a range.
        if allowed and allowed == list(range(allowed[0], allowed[-1] + 1)):
            low, high, allowed = max(low, allowed[0]), min(high, allowed[-1]), []
        return partial(_whole_number, low=low, high=high, allowed=allowed, nullable=field.null)
    if isinstance(field, models.CharField) and field.choices:
        allowed = [str(value) for value, _label in field.flatchoices]
        return partial(_choice, allowed=allowed, blank=field.blank)
    raise TypeError(f"The backup has no rule for {field.model.__name__}.{field.name}.")


ENTRY_RULES: dict[str, Callable[[object], object]] = {
    key: _rule_for(cast(models.Field, Entry._meta.get_field(key)))
    for key in ENTRY_VALUE_KEYS
    if key not in ("coping", "notes")
} | {"coping": _coping, "notes": partial(_text, max_length=NOTES_MAX_LENGTH)}
PREFERENCE_RULES = {
    key: _rule_for(cast(models.Field, Preferences._meta.get_field(key))) for key in PREFERENCE_KEYS
}
NICKNAME_MAX = cast(int, Partner._meta.get_field("nickname").max_length)
TAG_NAME_MAX = cast(int, Tag._meta.get_field("name").max_length)
