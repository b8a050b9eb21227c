"""Names for an export of the whole journal, each read in one query: every entry's
factors, and the partners' nicknames.

Plain values rather than select_related("partner") and prefetch_related("tags"): for a
journal of 20,000 entries that saves building tens of thousands of Partner and Tag
objects (and their related managers), which made most of the time of an export."""

import uuid
from collections import defaultdict

from django.contrib.auth.models import AbstractBaseUser

from entries.models import Entry, Partner


def tag_names_by_entry(user: AbstractBaseUser) -> dict[uuid.UUID, list[str]]:
    """{entry id: [factor name, ...]} for every entry of the user that has factors."""
    through = Entry.tags.through
    names: dict[uuid.UUID, list[str]] = defaultdict(list)
    for entry_id, name in through.objects.filter(entry__user=user).values_list(
        "entry_id", "tag__name"
    ):
        names[entry_id].append(name)
    return names


def partner_nicknames(user: AbstractBaseUser) -> dict[uuid.UUID, str]:
    return dict(Partner.objects.filter(user=user).values_list("pk", "nickname"))
