"""Volunteers' hours in the months the roll-ups do not hold yet, read once per page for both
the monthly table and the table per area."""

from decimal import Decimal

from django.db.models import Sum
from django.db.models.functions import TruncMonth

from omzien.geo.models import PostcodeArea

from ..places import Level
from ..rollups import home
from ..scope import Filters, shared


@shared
def live_hours(filters: Filters) -> list[tuple[str, int | None, Decimal]]:
    """(month key, home postcode area, hours) of the contacts logged in the live months."""
    _rolled, rest = filters.rollup
    if rest is None:
        return []
    rows = (
        rest.contacts()
        .filter(on__range=(rest.start, rest.end))
        .annotate(month=TruncMonth("on"), area=home("match__request__"))
        .values("month", "area")
        .annotate(hours=Sum("hours"))
        .order_by()
    )
    return [(r["month"].strftime("%Y-%m"), r["area"], r["hours"] or 0) for r in rows]


def areas_of(postcode_areas: set, level: Level) -> dict:
    """The area at `level` of each postcode area (None: unknown)."""
    found = PostcodeArea.objects.filter(pk__in=postcode_areas - {None})
    return dict(found.values_list("pk", level.path)) | {None: None}
