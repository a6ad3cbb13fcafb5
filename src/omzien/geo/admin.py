from django.contrib import admin

from .models import District, Municipality, Neighbourhood, PostcodeArea


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "province", "inhabitants", "households"]
    search_fields = ["code", "name"]
    exclude = ["geometry"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "municipality"]
    list_select_related = ["municipality"]
    search_fields = ["code", "name"]
    exclude = ["geometry"]


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "district", "households_with_children"]
    list_select_related = ["district"]
    search_fields = ["code", "name"]
    exclude = ["geometry"]


@admin.register(PostcodeArea)
class PostcodeAreaAdmin(admin.ModelAdmin):
    list_display = ["pc4", "city", "municipality", "neighbourhood"]
    list_select_related = ["municipality", "neighbourhood"]
    search_fields = ["pc4", "city"]
    raw_id_fields = ["municipality", "neighbourhood"]
