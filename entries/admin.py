"""The journal in the (off by default) admin: lists of what exists, never what it says.

Entries, nicknames and factor names are the person's intimate health data. An operator
sees who owns how many rows and when they were made, enough to answer "is my data
there?", and nothing more: no notes, feelings, nicknames or names, not even on a detail
page (there is none: those pages print the row's name in the title), and no way to add,
change or delete anything.
"""

from django.contrib import admin
from django.core.exceptions import ObjectDoesNotExist
from django.http import HttpRequest

from entries.models import Entry, Partner, Tag
from pct_journal.scales import DEFAULT_EPISODE_THRESHOLD


class MetadataOnlyAdmin(admin.ModelAdmin):
    list_display_links = None  # no detail pages to link to (see has_view_permission)
    list_per_page = 50
    ordering = ("-created_at",)  # newest first; names are ciphertext and never sorted
    actions = None

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        # The list only: a row's own page would show its __str__ (a nickname or name).
        return obj is None and super().has_view_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Entry)
class EntryAdmin(MetadataOnlyAdmin):
    list_display = ("id", "user", "occurred_at", "created_at", "is_episode")
    list_select_related = ("user__preferences",)

    @admin.display(boolean=True, description="episode")
    def is_episode(self, entry: Entry) -> bool:
        try:
            threshold = entry.user.preferences.episode_threshold
        except ObjectDoesNotExist:  # settings never saved: the default applies
            threshold = DEFAULT_EPISODE_THRESHOLD
        return entry.is_episode_at(threshold)


@admin.register(Partner)
class PartnerAdmin(MetadataOnlyAdmin):
    list_display = ("id", "user", "active", "created_at")
    list_select_related = ("user",)


@admin.register(Tag)
class TagAdmin(MetadataOnlyAdmin):
    list_display = ("id", "user", "created_at")
    list_select_related = ("user",)
