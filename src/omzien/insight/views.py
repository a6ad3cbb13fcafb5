"""The figure pages: dashboard, map, where to recruit and recurring themes. Aggregates only."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from omzien.access.checks import role_required
from omzien.access.suppression import threshold

from .dashboard import dashboard, remembered
from .figures.areas import MEASURES, by_area
from .forms import filters_for
from .mapping import map_data
from .places import WITHIN_MUNICIPALITY, level_for
from .recruit import where_to_recruit
from .scope import ACCOUNT_ROLES, INSIGHT_ROLES
from .themes import published, theme_table

TABS = [
    ("insight:dashboard", _("Dashboard"), INSIGHT_ROLES),
    ("insight:map", _("Kaart"), INSIGHT_ROLES),
    ("insight:recruit", _("Waar werven"), INSIGHT_ROLES),
    ("insight:themes", _("Thema's"), INSIGHT_ROLES),
    ("insight:yearly", _("Jaarverantwoording"), ACCOUNT_ROLES),
]
KEPT = ("start", "end", "organisation", "programme", "municipality", "district")


def tabs(request) -> list[tuple[str, str, bool]]:
    """The insight pages, each keeping the filters chosen."""
    query = urlencode([(k, v) for k, v in request.GET.items() if k in KEPT and v])
    return [
        (
            reverse(name) + (f"?{query}" if query and name != "insight:yearly" else ""),
            label,
            request.resolver_match.view_name == name,
        )
        for name, label, roles in TABS
        if request.user.has_role(*roles)
    ]


def context(request, form, filters, **extra) -> dict:
    return {
        "tabs": tabs(request),
        "form": form,
        "filters": filters,
        "no_scope": not form.scope.programmes,
        "threshold": threshold(),
        # Choices made outside the filter bar (the map's figure, the level) survive a new filter.
        "extra": [(k, request.GET[k]) for k in ("figure", "level") if request.GET.get(k)],
        **extra,
    }


@role_required(*INSIGHT_ROLES)
def dashboard_page(request):
    form, filters = filters_for(request.user, request.GET)
    figures = dashboard(filters, request.GET.get("level")) if filters else []
    return render(
        request,
        "insight/dashboard.html",
        context(request, form, filters, key_figures=figures[:1], figures=figures[1:]),
    )


@role_required(*INSIGHT_ROLES)
def map_page(request):
    form, filters = filters_for(request.user, request.GET)
    measure = request.GET.get("figure")
    measure = measure if measure in {m.key for m in MEASURES} else MEASURES[0].key
    data, figure, level = None, None, None
    if filters:
        level = level_for(filters, request.GET.get("level"))
        figure, shown = remembered(
            "map", filters, level.key, lambda: by_area(filters, level, with_shapes=True)
        )
        data = map_data(figure, shown, measure)
    return render(
        request,
        "insight/map.html",
        context(
            request,
            form,
            filters,
            figure=figure,
            map_data=data,
            measures=MEASURES,
            measure=measure,
            level=level,
            levels=WITHIN_MUNICIPALITY,
        ),
    )


@role_required(*INSIGHT_ROLES)
def recruit_page(request):
    form, filters = filters_for(request.user, request.GET)
    figure = level = None
    if filters and filters.municipality is not None:
        level = level_for(filters, request.GET.get("level"))
        figure = where_to_recruit(filters, level)
    return render(
        request,
        "insight/recruit.html",
        context(
            request,
            form,
            filters,
            figure=figure,
            level=level,
            levels=WITHIN_MUNICIPALITY,
        ),
    )


@role_required(*INSIGHT_ROLES)
def themes_page(request):
    form, filters = filters_for(request.user, request.GET)
    shown = {}
    if filters and filters.municipality is not None:
        table = theme_table(filters.municipality, filters.start, filters.end, filters.programmes)
        shown = published(table, filters.district) | {"table": table}
    return render(request, "insight/themes.html", context(request, form, filters, **shown))
