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
    list_display = ["placed_at", "household", "youth", "volunteer", "lifted_at"]
    readonly_fields = ["placed_by", "placed_at", "lifted_by", "lifted_at"]
