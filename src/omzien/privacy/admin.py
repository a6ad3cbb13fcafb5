from django.contrib import admin

from .models import AuditEvent, LegalHold, RetentionPolicy


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the trail is only ever appended to, by the application."""

    list_display = ["at", "username", "role", "action", "url_name", "object_type", "object_id"]
    list_filter = ["action", "role"]
    search_fields = ["username", "url_name"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RetentionPolicy)
class RetentionPolicyAdmin(admin.ModelAdmin):
    list_display = ["programme", "keep_months"]


@admin.register(LegalHold)
class LegalHoldAdmin(admin.ModelAdmin):
    """By number only: the privacy officer places and lifts holds from the person's own page,
    where choosing a person is scoped and recorded; here nobody is listed by name."""

    HOLD_FIELDS = ["placed_at", "household_id", "youth_id", "volunteer_id", "lifted_at"]
    list_display = HOLD_FIELDS
    fields = HOLD_FIELDS
    readonly_fields = HOLD_FIELDS

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
