from django.contrib import admin

from checkins.models import CheckIn


@admin.register(CheckIn)
class CheckInAdmin(admin.ModelAdmin):
    """Operators see that a check-in exists, never its answers or scores: those are the
    person's health data, readable only by them."""

    list_display = ("id", "user", "instrument", "taken_at")
    list_filter = ("instrument",)
    fields = ("id", "user", "instrument", "taken_at")
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
