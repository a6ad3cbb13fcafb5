"""Where to recruit: per area, who waits now against the volunteers who could reach them.

A volunteer can reach an area when its middle lies within the travel distance they gave,
measured from the middle of their own PC4 area (as the matcher measures). Available means
screened, with a current certificate of conduct where required, and room for one more
household. One volunteer may reach several areas, so the volunteer column has no total.

The shortfall estimates the families who will not find a volunteer nearby. A volunteer only
helps in their own programme, so it is counted per programme and then added up. A volunteer
within reach of several areas can still only take the families they have room for: that room
is shared equally among the areas they can reach (one who can reach four areas counts for a
quarter of their room in each). The shortfall of a programme in an area is the number
waiting minus that shared room, never below zero, rounded to whole families.
Every count leaves through `suppression.publish`, as the cell of its area now: hidden
from 1 up to the threshold, otherwise rounded the same way every time it is asked.
The ranking uses published numbers only: a shown shortfall, largest first; then the areas
whose shortfall is hidden (1 to 4), then those without one, then those with hidden numbers.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from omzien.access.suppression import publish, this_month
from omzien.intake.models import RequestStatus

from .figures.areas import fold
from .places import Level, area_of, areas
from .scope import Filters
from .tables import Column, Figure, Row

EARTH_RADIUS_KM = 6371.0088
# Who waits today: the social map of the API counts the same cell per programme.
WAITING_NOW = "waiting_now"


def distances_km(lat1, lon1, lat2, lon2) -> np.ndarray:
    """Great-circle distances between every point of the first and of the second set."""
    phi1, phi2 = np.radians(lat1)[:, None], np.radians(lat2)[None, :]
    dphi = phi2 - phi1
    dlmb = np.radians(lon2)[None, :] - np.radians(lon1)[:, None]
    a = np.sin(dphi / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))


@dataclass
class Supply:
    volunteers: set[int]  # who can reach the area
    room: Counter  # per programme: the room for families, shared among the areas reached


def within_reach(shown: list, filters: Filters) -> dict[int, Supply]:
    """Per area, the available volunteers who can reach its middle, and their shared room."""
    offers = list(
        filters.offers()
        .available()
        .values_list(
            "programme_id",
            "volunteer_id",
            "capacity_left",
            "volunteer__postcode_area__lat",
            "volunteer__postcode_area__lon",
            "volunteer__travel_radius_km",
        )
    )
    placed = [a for a in shown if a.lat is not None and a.lon is not None]
    supply = {a.pk: Supply(set(), Counter()) for a in shown}
    if not offers or not placed:
        return supply
    *_ids, lat, lon, radius = np.array(offers, dtype=float).T
    near = (
        distances_km(np.array([a.lat for a in placed]), np.array([a.lon for a in placed]), lat, lon)
        <= radius[None, :]
    )
    areas_reached = near.sum(axis=0)
    for i, area in enumerate(placed):
        for j in np.flatnonzero(near[i]):
            programme, volunteer, room = offers[j][:3]
            supply[area.pk].volunteers.add(volunteer)
            supply[area.pk].room[programme] += room / areas_reached[j]
    return supply


def waiting_now(filters: Filters, level: Level, keys: list) -> dict[int | None, Counter]:
    """Per area (None: unknown), how many wait now in each programme."""
    rows = (
        filters.requests()
        .filter(status=RequestStatus.WAITING)
        .annotate(area=area_of("", level))
        .values("area", "programme")
        .annotate(n=Count("pk"))
        .order_by()
    )
    result, known = defaultdict(Counter), set(keys)
    for row in rows:
        result[row["area"] if row["area"] in known else None][row["programme"]] += row["n"]
    return result


def where_to_recruit(filters: Filters, level: Level) -> Figure:
    shown = areas(level, filters)
    keys = [a.pk for a in shown] + [None]
    waiting, supply = waiting_now(filters, level, keys), within_reach(shown, filters)
    raw_waiting = fold({area: sum(by.values()) for area, by in waiting.items()}, keys)
    shortfall = {
        a.pk: round(sum(max(0, n - supply[a.pk].room[p]) for p, n in waiting[a.pk].items()))
        for a in shown
    }
    rows = published_rows(filters, shown, raw_waiting, supply, shortfall)
    return Figure(
        key="where_to_recruit",
        title=_("Waar werven"),
        explanation=_(
            "Per %(level)s: hoeveel gezinnen en jongeren nu wachten, hoeveel beschikbare "
            "vrijwilligers binnen hun reisafstand van het midden ervan wonen, en hoeveel "
            "wachtenden in hun programma geen vrijwilliger in de buurt hebben (het tekort). "
            "Bovenaan staat waar de vraag het verst boven het aanbod uitkomt."
        )
        % {"level": level.label},
        columns=[
            Column("rank", _("plaats")),
            Column("waiting", _("wachtend nu")),
            Column("volunteers", _("vrijwilligers binnen bereik")),
            Column("shortfall", _("tekort")),
        ],
        rows=ranked(rows),
        total=Row(
            "total",
            _("Totaal wachtend"),
            {"waiting": published(filters, WAITING_NOW, sum(raw_waiting.values()))},
            unavailable=frozenset({"rank", "volunteers", "shortfall"}),
        ),
        empty=not any(raw_waiting.values()) and not any(s.volunteers for s in supply.values()),
        row_heading=level.label,
    )


def published(filters: Filters, measure: str, count: int, place: str = "") -> int | None:
    """A count as the cell of its area (by default the chosen place) this month."""
    return publish(count, filters.cell(measure, *this_month(), place=place))


def published_rows(filters: Filters, shown: list, waiting: dict, supply: dict, short: dict):
    """One row per area, every count published; a shortfall hides with those waiting."""
    rows = []
    for a in shown:
        demand = published(filters, WAITING_NOW, waiting[a.pk], a.code)
        shortfall = published(filters, "shortfall", short[a.pk], a.code)
        if demand is not None and shortfall is not None:
            shortfall = min(shortfall, demand)  # rounded apart, it could come out above them
        values = {
            "waiting": demand,
            "volunteers": published(
                filters, "volunteers_within_reach", len(supply[a.pk].volunteers), a.code
            ),
            "shortfall": None if demand is None else shortfall,
        }
        rows.append(Row(a.code, a.name, values))
    return rows


def ranked(rows: list[Row]) -> list[Row]:
    """Shown shortfalls first, largest first, numbered; then hidden ones, none, and unknown."""

    def order(row: Row) -> tuple:
        value, waiting = row.values["shortfall"], row.values["waiting"]
        if waiting is None:
            return (3, 0, row.label)
        if value is None:
            return (1, 0, row.label)
        return (0 if value else 2, -value, row.label)

    result = sorted(rows, key=order)
    for position, row in enumerate(result, start=1):
        shown = row.values["shortfall"]
        row.values["rank"] = position if shown else None
        if not shown:
            row.unavailable = frozenset({"rank"})
    return result
