"""Which municipalities a user may look at on the aggregate pages (coverage, challenges).

These pages show suppressed figures only; the choice follows the user's own work so that the
first municipality offered is the one they care about.
"""

from django.db.models import QuerySet
from django.http import Http404

from omzien.access.roles import Role
from omzien.access.scoping import programme_ids
from omzien.geo.models import Municipality

from .models import YoungPersonInCare

COVERAGE_ROLES = (Role.ANALYST, Role.COORDINATOR, Role.ORG_ADMIN, Role.CARE_PROFESSIONAL)
AREA_ROLES = (Role.ANALYST, Role.COORDINATOR, Role.ORG_ADMIN)  # challenges, the social map


def municipalities_for(user) -> QuerySet:
    queryset = Municipality.objects.defer("geometry").order_by("name")
    if user.role == Role.ANALYST:
        if user.municipality_id:
            return queryset.filter(pk=user.municipality_id)
        # A national analyst: every municipality with young people in care.
        return queryset.filter(young_people_in_care__isnull=False).distinct()
    if user.role in (Role.COORDINATOR, Role.ORG_ADMIN):
        return queryset.filter(programmes__in=programme_ids(user)).distinct()
    if user.role == Role.CARE_PROFESSIONAL:
        own = YoungPersonInCare.objects.visible_to(user).values("municipality")
        return queryset.filter(pk__in=own)
    return queryset.none()


def chosen_municipality(request, param: str = "gemeente"):
    """The user's municipalities, and the one picked by CBS code (default: the first)."""
    municipalities = list(municipalities_for(request.user))
    code = request.GET.get(param)
    if not code:
        return municipalities, (municipalities[0] if municipalities else None)
    for municipality in municipalities:
        if municipality.code == code:
            return municipalities, municipality
    raise Http404
