"""The backup format (version 1), shared by the exporter, the validator and the restore.

The format is documented for people in docs/portability.md
and in detail in entries/portability/FORMAT.md; keep the three in step.
"""

from entries.models import EMOTION_FIELDS
from pct_journal.blind_index import normalised_name

FORMAT_NAME = "pct-journal-backup"
# Version 2 added the `account` record (version 1 files import just the same). Version 3
# lets the context factors be null ("not recorded"): an older journal refuses such a file
# as newer rather than listing every null as a bad value. Older files hold no nulls there
# and import unchanged, their zeros and falses kept as they were.
FORMAT_VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
# Uploads larger than this are refused before they are read (see upload.py).
MAX_IMPORT_BYTES = 10 * 1024 * 1024

TOP_LEVEL_KEYS = ("format", "version", "exported_at", "preferences", "partners", "tags", "entries")
# The account's own record (accounts/account_record.py): written, never imported.
ACCOUNT_KEY = "account"
PREFERENCE_KEYS = (
    "time_zone",
    "episode_threshold",
    "discreet_mode",
    "checkins_enabled",
    "checkin_cadence_days",
    "default_period",
    "country",
    "language",
)
# Settings added after version 2 came out: written to every backup, and a file without
# them (made before they existed) imports just the same, leaving them as they are.
OPTIONAL_PREFERENCE_KEYS = ("default_period", "country", "language")
PARTNER_KEYS = ("nickname", "active")
TAG_KEYS = ("name",)
# Every field of an entry, in the order written to the file and to the CSV.
ENTRY_KEYS = (
    "occurred_at",
    "activity",
    "partner",
    "orgasm",
    "satisfaction",
    "connection_after",
    *EMOTION_FIELDS,
    "cried",
    "episode_minutes",
    "stress",
    "low_mood",
    "performance_anxiety",
    "felt_vulnerable",
    "relationship_tension",
    "pain",
    "memories_surfaced",
    "alcohol_or_drugs",
    "tags",
    "coping",
    "coping_helped",
    "notes",
)
# Model fields that a backup deliberately leaves out: ids would clash in another
# account, and the timestamps describe the database row rather than the experience.
# client_uuid only stops one phone's send from being stored twice; an imported backup
# holds new rows, and the same file imported twice must not clash with itself.
ENTRY_FIELDS_NOT_EXPORTED = ("id", "user", "client_uuid", "created_at", "updated_at")
# The entry keys stored as plain values on the row (the rest are relations).
ENTRY_VALUE_KEYS = tuple(key for key in ENTRY_KEYS if key not in ("occurred_at", "partner", "tags"))


def name_key(name: str) -> str:
    """How partner nicknames and tag names are compared: as their blind index compares
    them (pct_journal.blind_index), so a file's names match the database's."""
    return normalised_name(name)


class BackupInvalid(Exception):
    """A backup that cannot be imported; `messages` say what is wrong, one per problem."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages
