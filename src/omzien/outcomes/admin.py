"""Instruments in the admin: functioneel beheer enters a licensed instrument for an
organisation, with its versions, items and answer scales."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from omzien.web.admin import TabularInline

from .models import Instrument, InstrumentVersion, Item, ProgrammeInstrument, Scale, ScalePoint


class ScalePointInline(TabularInline):
    model = ScalePoint
    extra = 0


@admin.register(Scale)
class ScaleAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ScalePointInline]


class VersionInline(TabularInline):
    model = InstrumentVersion
    extra = 0
    show_change_link = True


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "owner"]
    list_filter = ["owner"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
    inlines = [VersionInline]


class ItemInline(TabularInline):
    model = Item
    extra = 0


@admin.action(description=_("Nieuwe versie maken met dezelfde vragen"))
def copy_versions(modeladmin, request, queryset):
    for version in queryset:
        version.copy()


@admin.register(InstrumentVersion)
class InstrumentVersionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "scoring", "min_answered_share"]
    inlines = [ItemInline]
    actions = [copy_versions]


@admin.register(ProgrammeInstrument)
class ProgrammeInstrumentAdmin(admin.ModelAdmin):
    list_display = [
        "programme",
        "instrument",
        "respondent",
        "at_intake",
        "at_interim",
        "at_closure",
    ]
    list_filter = ["programme", "instrument"]
