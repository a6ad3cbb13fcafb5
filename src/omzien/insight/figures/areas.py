"""Every figure that can go on the map, per neighbourhood, district or municipality.

Every count is published as the cell of its area (or of the chosen place, for the total), so
it is the same number that a dashboard filtered to that area shows; the families whose area is
unknown form one more cell.
"""

from collections import Counter

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from omzien.access.suppression import hidden, publish, publish_amount
from omzien.matches.models import MatchStatus

from .. import rollups
from ..models import Measure
from ..places import Level, area_of, areas
from ..running import running_during, running_on
from ..scope import Filters
from ..tables import COUNT, DAYS, HOURS, PER_THOUSAND, Column, Figure, Row
from .hours import areas_of, live_hours
from .waiting import nobody, waiting_by_area

UNKNOWN = "unknown"
COUNTED = ("active", "new", "closed", "households", "youth")
MEASURES = [
    Column("waiting", _("wachtend op de laatste dag")),
    Column("median_days", _("mediaan dagen gewacht"), DAYS),
    Column("active", _("lopende koppelingen op de laatste dag")),
    Column("new", _("nieuwe koppelingen")),
    Column("closed", _("afgesloten koppelingen")),
    Column("households", _("gezinnen bereikt")),
    Column("youth", _("jongeren bereikt")),
    Column("per_thousand", _("gezinnen bereikt per 1.000 huishoudens met kinderen"), PER_THOUSAND),
    Column("hours", _("uren vrijwilligers"), HOURS),
]
CBS_COLUMN = Column("households_with_children", _("huishoudens met kinderen (CBS)"), COUNT)


def match_counts(filters: Filters, level: Level) -> dict[str, dict]:
    """Per measure of COUNTED, the raw count per area. Families and young people reached are
    counted live: one family over several months or programmes counts once."""
    rolled, rest = filters.rollup
    period = (filters.start, filters.end)
    running = running_during(*period)
    live = {
        "households": Count("request__household", distinct=True, filter=running),
        "youth": Count("request__youth", distinct=True, filter=running),
    }
    if rest is None:
        active = rollups.counts(filters, Measure.ACTIVE, rolled[-1:], level)
    else:
        span = (rest.start, rest.end)
        active = rollups.running(filters, rest, level)
        live |= {
            "new": Count("pk", filter=Q(started_on__range=span)),
            "closed": Count("pk", filter=Q(status=MatchStatus.CLOSED, ended_on__range=span)),
        }
        if active is None:
            live["active"] = Count("pk", filter=running_on(filters.end))
    rows = (
        filters.matches()
        .filter(running | Q(started_on__range=period) | Q(ended_on__range=period))
        .annotate(area=area_of("request__", level))
        .values("area")
        .annotate(**live)
        .order_by()
    )
    counts = {name: {} for name in COUNTED}
    for row in rows:
        area = row.pop("area")
        for name, n in row.items():
            counts[name][area] = n
    if active is not None:
        counts["active"] = active
    for name, measure in (("new", Measure.STARTED), ("closed", Measure.CLOSED)):
        for area, n in rollups.counts(filters, measure, rolled, level).items():
            counts[name][area] = counts[name].get(area, 0) + n
    return counts


def hours_by_area(filters: Filters, level: Level) -> dict:
    hours = Counter(rollups.hours(filters, filters.rollup[0], level))
    live = live_hours(filters)
    area = areas_of({postcode_area for _month, postcode_area, _h in live}, level)
    for _month, postcode_area, worked in live:
        hours[area[postcode_area]] += worked
    return {area: float(value or 0) for area, value in hours.items()}


def per_thousand(count: int | None, households: int | None) -> float | None:
    return None if count is None or not households else round(1000 * count / households, 1)


def fold(raw: dict, keys: list) -> dict:
    """Counts per area of `keys`; anything outside them joins the unknown cell (None)."""
    result = dict.fromkeys(keys, 0)
    for area, value in raw.items():
        result[area if area in result else None] += value
    return result


def by_area(filters: Filters, level: Level, *, with_shapes: bool = False) -> tuple[Figure, list]:
    """The table of every measure per area, and the areas themselves (for the map)."""
    shown = areas(level, filters, with_shapes=with_shapes)
    # The cell of each row: an area's own code, or the rest of the chosen place at this level.
    places = {a.pk: a.code for a in shown} | {None: f"{filters.place_code}/{level.key}/{UNKNOWN}"}
    keys = list(places)
    raw = {name: fold(counts, keys) for name, counts in match_counts(filters, level).items()}
    waiting = waiting_by_area(filters, level, places)
    hours = fold(hours_by_area(filters, level), keys)

    def values(key, hwc) -> dict:
        counts = {name: raw[name][key] for name in COUNTED}
        return published(filters, counts, hours[key], hwc, place=places[key]) | {
            "waiting": waiting["waiting"][key],
            "median_days": waiting["median_days"][key],
        }

    hwc = {a.pk: a.households_with_children for a in shown}

    def absent(key, households_with_children) -> frozenset[str]:
        return missing(households_with_children) | nobody("median_days", count=waiting["raw"][key])

    rows = [Row(a.code, a.name, values(a.pk, hwc[a.pk]), absent(a.pk, hwc[a.pk])) for a in shown]
    if any(counts[None] for counts in (*raw.values(), waiting["raw"], hours)):
        rows.append(Row(UNKNOWN, _("woonplaats onbekend"), values(None, None), absent(None, None)))
    whole = filters.district or filters.municipality
    total_hwc = whole.households_with_children if whole else sum_of(hwc.values())
    totals = {name: sum(raw[name].values()) for name in COUNTED}
    total = Row(
        "total",
        _("Totaal"),
        published(filters, totals, sum(hours.values()), total_hwc)
        | {"waiting": waiting["total"], "median_days": waiting["total_median_days"]},
        missing(total_hwc) | nobody("median_days", count=sum(waiting["raw"].values())),
    )
    figure = Figure(
        key="by_area",
        title=_("Per %(level)s") % {"level": level.label},
        explanation=_(
            "De cijfers per gebied, geteld naar waar het gezin of de jongere woont. Bereikt: "
            "met een koppeling die in de periode liep."
        ),
        columns=[*MEASURES, CBS_COLUMN],
        rows=rows,
        total=total,
        empty=not any(sum(c.values()) for c in (*raw.values(), waiting["raw"], hours)),
        row_heading=level.label,
    )
    return figure, shown


def published(filters: Filters, counts: dict, hours: float, hwc, place: str = "") -> dict:
    """One row's counts over the period, each as the cell of `place` (default: the chosen one)."""
    period = (filters.start, filters.end)
    result = {
        name: publish(n, filters.cell(name, *period, place=place)) for name, n in counts.items()
    }
    result["active"] = publish(counts["active"], filters.cell("active", filters.end, place=place))
    # An area's hours hide with the families and young people behind them.
    people = counts["households"] + counts["youth"]
    shown_hours = publish_amount(hours, filters.cell("hours", *period, place=place))
    return result | {
        "per_thousand": per_thousand(result["households"], hwc),
        "hours": None if hidden(people) else shown_hours,
        "households_with_children": hwc,
    }


def missing(households_with_children) -> frozenset[str]:
    if households_with_children:
        return frozenset()
    return frozenset({"per_thousand", "households_with_children"})


def sum_of(figures) -> int | None:
    figures = list(figures)
    return sum(figures) if figures and None not in figures else None
