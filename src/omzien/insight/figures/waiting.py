"""The waiting list: how many wait for a match, and how long they have waited, on a given day.

Who waits when is read from the status log (`insight.waits`). Months that the roll-ups hold
are summed from them; the rest is counted live.
"""

from collections import defaultdict
from datetime import date

import numpy as np
from django.utils.translation import gettext_lazy as _

from omzien.access.suppression import publish

from .. import rollups
from ..models import Measure
from ..places import Level, area_of
from ..scope import Filters
from ..tables import DAYS, Chart, Column, Figure, Row
from ..waits import waits
from .stats import median

NOBODY = np.array([], dtype=int)


def spells(filters: Filters, level: Level | None = None) -> list[tuple[int, float, int | None]]:
    """(first day waiting, first day no longer waiting, area) of every wait that touches the
    period, days as ordinals."""
    requests = filters.requests().filter(waiting_since__lte=filters.end)
    extra = {"area": area_of("", level)} if level is not None else {}
    start, result = filters.start.toordinal(), []
    for since, until, *area in waits(requests, reaching=filters.start, **extra):
        if until > start:
            result.append((since, until, area[0] if area else None))
    return result


def waited_on(waits: list, day: date) -> np.ndarray:
    """Days waited so far by everyone on the list at the end of `day`."""
    if not waits:
        return NOBODY
    since = np.array([w[0] for w in waits])
    until = np.array([w[1] for w in waits], dtype=float)
    ordinal = day.toordinal()
    return (ordinal - since)[(since <= ordinal) & (until > ordinal)]


def on_list_per_month(filters: Filters) -> tuple[dict[str, np.ndarray], bool]:
    """Days waited by everyone on the list at the end of each month; and whether anyone
    waited at all in the period."""
    rolled, rest = filters.rollup
    summed = rollups.days(filters, Measure.WAITING, rolled)
    on_list = {m.key: summed.get(m.key, NOBODY) for m in rolled}
    anyone = bool(sum(rollups.counts(filters, Measure.WAITS, rolled).values()))
    if rest is not None:
        live = spells(rest)
        on_list |= {m.key: waited_on(live, m.end) for m in rest.months}
        anyone = anyone or bool(live)
    return on_list, anyone


def waiting_trend(filters: Filters) -> Figure:
    months = filters.months
    on_list, anyone = on_list_per_month(filters)
    shown = {m.key: publish(len(on_list[m.key]), filters.cell("waiting", m.end)) for m in months}
    rows = [
        Row(
            m.key,
            m.label,
            short=m.short_label,
            values={
                "waiting": shown[m.key],
                "median_days": hidden_with(shown[m.key], median(on_list[m.key])),
            },
            unavailable=nobody("median_days", count=len(on_list[m.key])),
        )
        for m in months
    ]
    return Figure(
        key="waiting_list",
        title=_("Wachtlijst"),
        explanation=_(
            "Hoeveel gezinnen en jongeren op de laatste dag van elke maand op een match "
            "wachten, en hoe lang de helft van hen al wacht (mediaan, in dagen)."
        ),
        columns=[
            Column("waiting", _("wachtend")),
            Column("median_days", _("mediaan dagen gewacht"), DAYS),
        ],
        rows=rows,
        chart=Chart("line", ("waiting",)),
        empty=not anyone,
    )


def nobody(*columns: str, count: int) -> frozenset[str]:
    """A median of nobody is no figure at all (not a hidden one)."""
    return frozenset(columns) if count == 0 else frozenset()


def hidden_with(count: int | None, value):
    """A figure derived from a count's people (a median) is hidden with the count."""
    return None if count is None else value


def days_by_area(filters: Filters, level: Level, places: dict) -> dict:
    """Days waited by everyone on the list at the end of the period, per area of `places`."""
    rolled, rest = filters.rollup
    if rest is None:
        found = defaultdict(list)
        summed = rollups.days(filters, Measure.WAITING, rolled[-1:], level)
        for area, days in summed.items():
            found[area if area in places else None].append(days)
        return {key: np.concatenate(found[key]) if key in found else NOBODY for key in places}
    by_area = defaultdict(list)
    for since, until, area in spells(rest, level):
        by_area[area if area in places else None].append((since, until))
    return {key: waited_on(by_area.get(key, []), filters.end) for key in places}


def waiting_by_area(filters: Filters, level: Level, places: dict) -> dict[str, dict]:
    """Per area of `places` (pk: the code of its cell; None for the rest): how many wait on the
    period's last day, raw and as published, and the median days waited."""
    days = days_by_area(filters, level, places)
    raw = {key: len(d) for key, d in days.items()}
    shown = {
        key: publish(n, filters.cell("waiting", filters.end, place=places[key]))
        for key, n in raw.items()
    }
    total = publish(sum(raw.values()), filters.cell("waiting", filters.end))
    everyone = np.concatenate(list(days.values())) if days else np.array([])
    return {
        "raw": raw,
        "waiting": shown,
        "median_days": {key: hidden_with(shown[key], median(d)) for key, d in days.items()},
        "total": total,
        "total_median_days": hidden_with(total, median(everyone)),
    }
