"""Whose figures a user may see, and the filters they chose within that.

Analysts see the programmes serving their own municipality, counted over the families and
young people living there. Organisation admins and coordinators see their own programmes,
through the one scoping layer's `programme_ids`. Everyone else sees nothing.
"""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, wraps

from django.db.models import QuerySet

from omzien.access import suppression
from omzien.access.roles import Role
from omzien.access.scoping import programme_ids
from omzien.geo.models import District, Municipality
from omzien.intake.models import Offer, Request
from omzien.matches.models import Contact, Match
from omzien.programmes.models import Programme

from . import rollups
from .periods import Month, months
from .places import home_in

# Who may open the figure pages; the yearly account is for the first two only.
INSIGHT_ROLES = (Role.ANALYST, Role.ORG_ADMIN, Role.COORDINATOR)
ACCOUNT_ROLES = (Role.ANALYST, Role.ORG_ADMIN)


@dataclass(frozen=True)
class Scope:
    programmes: list[Programme]
    municipality: Municipality | None  # fixed for analysts

    @property
    def organisations(self) -> list:
        return sorted({p.organisation for p in self.programmes}, key=lambda o: o.name)

    def municipalities(self) -> list[Municipality]:
        if self.municipality is not None:
            return [self.municipality]
        return list(
            Municipality.objects.filter(programmes__in=[p.pk for p in self.programmes])
            .distinct()
            .defer("geometry")
        )


def scope_of(user) -> Scope:
    if not (user.is_authenticated and user.has_role(*INSIGHT_ROLES)):
        return Scope([], None)
    if user.role == Role.ANALYST:
        if user.municipality_id is None:
            return Scope([], None)
        queryset = Programme.objects.filter(municipalities=user.municipality_id)
        municipality = Municipality.objects.defer("geometry").get(pk=user.municipality_id)
    else:
        queryset, municipality = Programme.objects.filter(pk__in=programme_ids(user)), None
    return Scope(list(queryset.select_related("organisation").order_by("name")), municipality)


@dataclass(frozen=True)
class Filters:
    """What one dashboard shows: a period of whole months, programmes and a place."""

    start: date
    end: date
    programmes: frozenset[int]
    municipality: Municipality | None = None
    district: District | None = None
    labels: dict = field(default_factory=dict, compare=False)  # the choices, in words
    # Counts that several figures of one page share, made once (see `shared`).
    made: dict = field(default_factory=dict, compare=False, repr=False, init=False)

    @property
    def months(self) -> list[Month]:
        return months(self.start, self.end)

    def requests(self) -> QuerySet:
        return Request.objects.in_programmes(self.programmes).filter(home_in("", *self.place))

    def matches(self) -> QuerySet:
        return Match.objects.in_programmes(self.programmes).filter(
            home_in("request__", *self.place)
        )

    def contacts(self) -> QuerySet:
        return Contact.objects.in_programmes(self.programmes).filter(
            home_in("match__request__", *self.place)
        )

    def offers(self) -> QuerySet:
        """Volunteers' offers in the programmes, wherever the volunteer lives."""
        return Offer.objects.in_programmes(self.programmes)

    @cached_property
    def rollup(self) -> tuple:
        """The months the roll-ups answer, and the filters for the rest (`rollups.split`)."""
        return rollups.split(self)

    @property
    def place(self) -> tuple:
        return self.municipality, self.district

    @property
    def place_code(self) -> str:
        here = self.district or self.municipality
        return here.code if here else "*"

    def cell(self, measure: str, first: date, last: date | None = None, place: str = "") -> tuple:
        """What one published count counts, for `suppression.publish`: the measure, the
        programmes, the place (an area's code; by default the chosen district or municipality)
        and the days. Whichever page, table or API asks, the same people give the same cell."""
        return suppression.cell(measure, self.programmes, place or self.place_code, first, last)


def shared(count):
    """`count(filters)` made once per Filters: two figures of one page that show the same
    counts (new matches per month, say) ask the database once."""

    @wraps(count)
    def once(filters: Filters):
        if count not in filters.made:
            filters.made[count] = count(filters)
        return filters.made[count]

    return once
