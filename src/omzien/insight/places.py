"""Where a figure is counted: the home of the family or young person a request is for.

A request belongs to a household or to a youth, each with a PC4 area; its neighbourhood,
district and municipality follow from that area. Figures are grouped by one of three levels.
"""

from dataclasses import dataclass

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from omzien.geo.models import District, Municipality, Neighbourhood


@dataclass(frozen=True)
class Level:
    key: str  # in the query string
    path: str  # from a PostcodeArea to the area
    model: type[models.Model]
    label: str
    plural: str


NEIGHBOURHOOD = Level("buurt", "neighbourhood", Neighbourhood, _("buurt"), _("buurten"))
DISTRICT = Level("wijk", "neighbourhood__district", District, _("wijk"), _("wijken"))
MUNICIPALITY = Level("gemeente", "municipality", Municipality, _("gemeente"), _("gemeenten"))
LEVELS = {level.key: level for level in (NEIGHBOURHOOD, DISTRICT, MUNICIPALITY)}
WITHIN_MUNICIPALITY = [NEIGHBOURHOOD, DISTRICT]


def area_of(prefix: str, level: Level) -> Coalesce:
    """The area id of the household's or youth's home, from a row `prefix` away from the request."""
    return Coalesce(
        F(f"{prefix}household__postcode_area__{level.path}"),
        F(f"{prefix}youth__postcode_area__{level.path}"),
        output_field=models.BigIntegerField(),
    )


def home_in(prefix: str, municipality=None, district=None) -> Q:
    """Rows whose family or young person lives in the district, or else the municipality."""
    if district is not None:
        path, value = "neighbourhood__district", district
    elif municipality is not None:
        path, value = "municipality", municipality
    else:
        return Q()
    return Q(**{f"{prefix}household__postcode_area__{path}": value}) | Q(
        **{f"{prefix}youth__postcode_area__{path}": value}
    )


def areas(level: Level, filters, *, with_shapes: bool = False) -> list:
    """The areas a map or table of `filters` shows at `level`, by name."""
    queryset = level.model.objects.all()
    if level is MUNICIPALITY:
        if filters.municipality is not None:
            queryset = queryset.filter(pk=filters.municipality.pk)
        else:
            queryset = queryset.filter(programmes__in=filters.programmes).distinct()
    elif filters.district is not None:
        field = "district" if level is NEIGHBOURHOOD else "pk"
        queryset = queryset.filter(**{field: filters.district})
    elif filters.municipality is not None:
        field = "district__municipality" if level is NEIGHBOURHOOD else "municipality"
        queryset = queryset.filter(**{field: filters.municipality})
    else:
        return []  # neighbourhoods and districts only within one municipality
    if not with_shapes:
        queryset = queryset.defer("geometry")
    return list(queryset.order_by("name", "code"))


def level_for(filters, requested: str | None) -> Level:
    """Neighbourhoods or districts within one municipality; municipalities otherwise."""
    if filters.municipality is None:
        return MUNICIPALITY
    level = LEVELS.get(requested or "", NEIGHBOURHOOD)
    return NEIGHBOURHOOD if level is MUNICIPALITY else level
