"""Reading an entry that a phone kept offline and sends later (static/js/offline_store.js).

The phone sends the log form's own fields as JSON, so the server checks them with the
same EntryForm as the log page: an offline entry is held to exactly the same rules.
Everything else about the payload is checked here first, and anything odd is refused
with a plain sentence rather than guessed at.
"""

import json
import uuid
from dataclasses import dataclass

from django.http import QueryDict

from accounts.timezones import known_time_zone

# Five thousand characters of notes, four bytes each at worst, and the rest of the
# form fit in a quarter of this; a bigger body is not an entry.
MAX_BODY_BYTES = 64 * 1024
TOO_LARGE = "The entry is too large to be sent (at most 64 KB)."
MAX_FIELDS = 100
MAX_VALUES_PER_FIELD = 50
MAX_VALUE_LENGTH = 10_000
# Parts of the page's form that are not the entry's answers.
NOT_ANSWERS = frozenset({"csrfmiddlewaretoken", "client_uuid", "device_time_zone"})


class PayloadError(Exception):
    """The request cannot be an entry; the message says why, in words."""


@dataclass(frozen=True)
class QueuedEntry:
    client_uuid: uuid.UUID
    owner: str
    time_zone: str | None
    data: QueryDict


def _values(name: str, raw: object) -> list[str]:
    values = raw if isinstance(raw, list) else [raw]
    if len(values) > MAX_VALUES_PER_FIELD:
        raise PayloadError(f"The answer “{name}” has too many values.")
    for value in values:
        if not isinstance(value, str) or len(value) > MAX_VALUE_LENGTH:
            raise PayloadError(f"The answer “{name}” is not text of a sensible length.")
    return values


def queued_entry_parse(body: bytes) -> QueuedEntry:
    if len(body) > MAX_BODY_BYTES:
        raise PayloadError(TOO_LARGE)
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PayloadError("The entry could not be read: it is not valid JSON.") from None
    if not isinstance(payload, dict):
        raise PayloadError("The entry could not be read: expected a JSON object.")
    try:
        client_uuid = uuid.UUID(str(payload.get("id", "")))
    except ValueError:
        raise PayloadError("The entry has no valid id (a UUID made on the phone).") from None
    owner = payload.get("owner")
    if not isinstance(owner, str) or not owner:
        raise PayloadError("The entry does not say which account wrote it.")
    fields = payload.get("fields")
    if not isinstance(fields, dict):
        raise PayloadError("The entry has no answers (expected an object named “fields”).")
    if len(fields) > MAX_FIELDS:
        raise PayloadError("The entry has too many answers.")
    data = QueryDict(mutable=True)
    for name, raw in fields.items():
        if name not in NOT_ANSWERS:
            data.setlist(name, _values(name, raw))
    return QueuedEntry(
        client_uuid=client_uuid,
        owner=owner,
        time_zone=known_time_zone(payload.get("time_zone")),
        data=data,
    )
