"""A deleted entry's values as a record that can bring the entry back (DeletedEntry).

The record holds every column of the row (notes included, so it is stored encrypted),
its factors' ids and the time it was created, so an undone entry is the same entry at
the same address. A factor or partner removed in the meantime is simply left off.
"""

import datetime as dt
import json
import uuid

from entries.models import Entry, Partner, Tag

# The columns copied as they are; the id and the owner are the DeletedEntry's to keep.
RECORD_FIELDS = tuple(
    field for field in Entry._meta.concrete_fields if field.name not in ("id", "user")
)
UNDO_WINDOW = dt.timedelta(minutes=5)


def _plain(value: object) -> str:
    # Not DjangoJSONEncoder: it cuts times to the millisecond, and an entry's time is
    # kept (and matched by the backup) to the microsecond.
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    raise TypeError(f"No JSON form for {type(value).__name__}.")


def entry_record(entry: Entry) -> str:
    values = {field.attname: getattr(entry, field.attname) for field in RECORD_FIELDS}
    values["id"] = entry.pk
    values["tag_ids"] = [str(pk) for pk in entry.tags.values_list("pk", flat=True)]
    return json.dumps(values, default=_plain)


def entry_from_record(record: str, *, user) -> tuple[Entry, list[Tag]]:
    """The unsaved entry and the factors of its that still exist."""
    values = json.loads(record)
    entry = Entry(id=Entry._meta.pk.to_python(values["id"]), user=user)
    for field in RECORD_FIELDS:
        setattr(entry, field.attname, field.to_python(values[field.attname]))
    if entry.partner_id and not Partner.objects.filter(pk=entry.partner_id, user=user).exists():
        entry.partner_id = None
    tags = list(Tag.objects.filter(user=user, pk__in=values["tag_ids"]))
    return entry, tags
