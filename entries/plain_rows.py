"""Reading tens of thousands of rows quickly: a queryset's own SQL, with the few
conversions it needs done here instead of by Django's converters.

For a journal of 20,000 entries, Django's per-value converters took several times
longer than the database itself, and on PostgreSQL most of that was the time-zone-aware
datetime loader Django installs in psycopg, which is written in Python. So datetimes are
selected as ISO 8601 text in UTC (`UtcText`) and parsed with `datetime.fromisoformat`,
JSON is decoded, encrypted text is decrypted, and every other value is what the
database driver gives: text, numbers, booleans (Django has SQLite's driver turn its 0/1
into bools). Ids are
best selected as text (`Cast(..., CharField())`); a uuid column is refused rather than
handed back in two different forms.

Only for reads of many rows where the time matters (exports, the statistics' frame);
everything else uses the ORM as usual.
"""

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from django.db import connections
from django.db.models import (
    CharField,
    DateTimeField,
    Field,
    Func,
    JSONField,
    QuerySet,
    UUIDField,
)

from entries.fields import EncryptedField
from pct_journal.encryption import decrypt_text


class UtcText(Func):
    """A datetime column as ISO 8601 text in UTC, to the microsecond.

    SQLite already stores it so. PostgreSQL formats it with to_char rather than a cast,
    whose output would follow the session's DateStyle."""

    template = "CAST(%(expressions)s AS TEXT)"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')",
            **extra_context,
        )


def utc_datetime(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def _json(value: object) -> object:
    if not isinstance(value, str):
        return value  # a driver that decodes JSON itself
    return [] if value == "[]" else json.loads(value)


def _decrypted(value: str | None) -> str | None:
    return decrypt_text(value) if value else value


def _decrypted_once_each() -> Callable[[str | None], str | None]:
    # A partner's nickname or a factor's name repeats on every row that names it, as
    # the same ciphertext: each distinct one is decrypted once.
    seen: dict[str | None, str | None] = {}

    def decrypted(value: str | None) -> str | None:
        if value not in seen:
            seen[value] = _decrypted(value)
        return seen[value]

    return decrypted


def _field(queryset: QuerySet, name: str) -> Field:
    """The field behind a name of .values(): an annotation, a column, or a related
    model's column (`partner__nickname`)."""
    if name in queryset.query.annotations:
        return queryset.query.annotations[name].output_field
    model = queryset.model
    *path, last = name.split("__")
    for step in path:
        model = model._meta.get_field(step).related_model
    return model._meta.get_field(last)


def _converter(field: Field) -> Callable[[Any], object] | None:
    if isinstance(field, EncryptedField):
        return _decrypted_once_each() if isinstance(field, CharField) else _decrypted
    if isinstance(field, JSONField):
        return _json
    if isinstance(field, UUIDField):
        raise TypeError(f"Select {field.name} as text (Cast(..., CharField())).")
    return None


def _execute(queryset: QuerySet) -> list[tuple]:
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def plain_rows(queryset: QuerySet, names: tuple[str, ...]) -> list[tuple]:
    """queryset.values_list(*names), with each value converted as the module says, and
    datetimes as UTC text (see UtcText) for the caller to parse, e.g. with pandas."""
    selected = []
    for index, name in enumerate(names):
        if isinstance(_field(queryset, name), DateTimeField):
            alias = f"plain_rows_{index}"
            queryset = queryset.annotate(**{alias: UtcText(name)})
            name = alias
        selected.append(name)
    queryset = queryset.values_list(*selected)
    converters = [
        (index, converter)
        for index, name in enumerate(selected)
        if (converter := _converter(_field(queryset, name))) is not None
    ]
    rows = _execute(queryset)
    if not converters or not rows:
        return rows
    # A column at a time: zip() turns rows into columns and back in C.
    columns = list(zip(*rows, strict=True))
    for index, converter in converters:
        columns[index] = tuple(map(converter, columns[index]))
    return list(zip(*columns, strict=True))


def plain_values(queryset: QuerySet, names: tuple[str, ...]) -> list[dict]:
    """queryset.values(*names), with datetimes as aware UTC datetimes."""
    datetimes = [name for name in names if isinstance(_field(queryset, name), DateTimeField)]
    rows = [dict(zip(names, row, strict=True)) for row in plain_rows(queryset, names)]
    for row in rows:
        for name in datetimes:
            row[name] = utc_datetime(row[name])
    return rows
