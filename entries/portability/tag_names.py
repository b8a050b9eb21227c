"""Names for an export of the whole journal, each read in one query: every entry's
factors, and the partners' nicknames.

Plain values rather than select_related("partner") and prefetch_related("tags"): for a
journal of 20,000 entries that saves building tens of thousands of Partner and Tag
objects (and their related managers), which made most of the time of an export."""

from collections import defaultdict

from django.contrib.auth.models import User
from django.db.models import CharField
from django.db.models.functions import Cast

from entries.models import Entry, Partner
from entries.plain_rows import plain_rows


def id_text(field: str) -> Cast:
    """A uuid column as the database's own text of it: the keys of the dicts below, so
    an export matches ids without building a uuid.UUID for each of tens of thousands."""
    return Cast(field, output_field=CharField())


def tag_names_by_entry(user: User) -> dict[str, list[str]]:
    """{id_text("id") of an entry: [factor name, ...]} for every entry with factors."""
    through = Entry.tags.through
    names: dict[str, list[str]] = defaultdict(list)
    pairs = plain_rows(
        through.objects.filter(entry__user=user).annotate(entry_text=id_text("entry_id")),
        ("entry_text", "tag__name"),
    )
    for entry_id, name in pairs:
        names[entry_id].append(name)
    return names


def partner_nicknames(user: User) -> dict[str, str]:
    """{id_text("id") of a partner: nickname}."""
    return dict(Partner.objects.filter(user=user).values_list(id_text("pk"), "nickname"))
