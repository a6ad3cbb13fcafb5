"""The waiting list: how many wait for a match, and how long they have waited, on a given day.

A request waits from `waiting_since` until the last time it left the waiting list (its log's
last step out of 'waiting'); one that waits now has not left. As on the waiting list page, a
proposal that came to nothing does not restart the wait. A request that left the list without
a logged step (an imported history) cannot be placed in time and is left out of the trend.
"""

from collections import defaultdict
from datetime import date

import numpy as np
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.access.suppression import publish
from omzien.intake.models import RequestStatus, RequestStatusChange

from ..places import Level, area_of
from ..scope import Filters
from ..tables import DAYS, Chart, Column, Figure, Row
from .stats import median

STILL_WAITING = np.inf


def spells(filters: Filters, level: Level | None = None) -> list[tuple[int, float, int | None]]:
    """(first day waiting, first day no longer waiting, area) of every wait that touches the
    period, days as ordinals."""
    left = RequestStatusChange.objects.filter(
        request=OuterRef("pk"), source=RequestStatus.WAITING
    ).order_by("-at", "-pk")
    queryset = (
        filters.requests()
        .filter(waiting_since__isnull=False, waiting_since__lte=filters.end)
        .annotate(left=Subquery(left.values("at")[:1]))
    )
    if level is not None:
        queryset = queryset.annotate(area=area_of("", level))
    fields = ["status", "waiting_since", "left"] + (["area"] if level else [])
    result, start = [], filters.start.toordinal()
    for status, since, left_at, *area in queryset.values_list(*fields):
        if status == RequestStatus.WAITING:
            until = STILL_WAITING
        elif left_at is None:
            continue
        else:
            until = timezone.localdate(left_at).toordinal()
        if until > start:
            result.append((since.toordinal(), until, area[0] if area else None))
    return result


def waited_on(waits: list, day: date) -> np.ndarray:
    """Days waited so far by everyone on the list at the end of `day`."""
    if not waits:
        return np.array([], dtype=int)
    since = np.array([w[0] for w in waits])
    until = np.array([w[1] for w in waits], dtype=float)
    ordinal = day.toordinal()
    return (ordinal - since)[(since <= ordinal) & (until > ordinal)]


def waiting_trend(filters: Filters) -> Figure:
    waits, months = spells(filters), filters.months
    on_list = {m.key: waited_on(waits, m.end) for m in months}
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
        empty=not waits,
    )


def nobody(*columns: str, count: int) -> frozenset[str]:
    """A median of nobody is no figure at all (not a hidden one)."""
    return frozenset(columns) if count == 0 else frozenset()


def hidden_with(count: int | None, value):
    """A figure derived from a count's people (a median) is hidden with the count."""
    return None if count is None else value


def waiting_by_area(filters: Filters, level: Level, places: dict) -> dict[str, dict]:
    """Per area of `places` (pk: the code of its cell; None for the rest): how many wait on the
    period's last day, raw and as published, and the median days waited."""
    by_area = defaultdict(list)
    for since, until, area in spells(filters, level):
        by_area[area if area in places else None].append((since, until))
    days = {key: waited_on(by_area.get(key, []), filters.end) for key in places}
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
