from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Organisation, Programme, ProgrammeType


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "email"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(ProgrammeType)
class ProgrammeTypeAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "serves",
        "requires_vog",
        "training_required",
        "max_households_per_volunteer",
    ]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = (
        (None, {"fields": ("name", "slug", "description", "serves", "min_age", "max_age")}),
        (
            _("Stappen en begeleiding"),
            {
                "fields": (
                    "has_introduction",
                    "trial_period_days",
                    "expected_duration_months",
                    "max_days_without_contact",
                    "schedule",
                )
            },
        ),
        (
            _("Screening"),
            {
                "fields": (
                    "requires_vog",
                    "vog_validity_months",
                    "references_required",
                    "training_required",
                )
            },
        ),
        (
            _("Koppelregels en gewichten (samen 100)"),
            {
                "fields": (
                    "max_households_per_volunteer",
                    "language_rule",
                    "waiting_days_full_priority",
                    "weight_distance",
                    "weight_availability",
                    "weight_age",
                    "weight_needs",
                    "weight_language",
                    "weight_waiting",
                )
            },
        ),
    )


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "programme_type", "is_active"]
    list_filter = ["organisation", "programme_type", "is_active"]
    list_select_related = ["organisation", "programme_type"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["municipalities"]
