"""Matches over time: running at the end of each month, started and closed in each month, and
how long families waited from sign-up to the start of their match.

Which matches run is said in `insight.running`. Months the roll-ups hold are summed from
them; the rest is counted live.
"""

import numpy as np
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.access.suppression import publish
from omzien.matches.models import MatchStatus

from .. import rollups
from ..models import Measure
from ..running import running_on
from ..scope import Filters, shared
from ..tables import DAYS, Chart, Column, Figure, Row
from .stats import median, percentile
from .waiting import NOBODY, nobody


def active_per_month(filters: Filters) -> dict[str, int]:
    """Matches running at the end of each month."""
    rolled, rest = filters.rollup
    summed = rollups.counts(filters, Measure.ACTIVE, rolled)
    counts = {m.key: summed.get(m.key, 0) for m in rolled}
    if rest is not None:
        counts |= rollups.running(filters, rest) or rest.matches().aggregate(
            **{m.key: Count("pk", filter=running_on(m.end)) for m in rest.months}
        )
    return counts


def active_trend(filters: Filters) -> Figure:
    months = filters.months
    counts = active_per_month(filters)
    shown = {m.key: publish(counts[m.key], filters.cell("active", m.end)) for m in months}
    return Figure(
        key="active_matches",
        title=_("Lopende koppelingen"),
        explanation=_("Hoeveel koppelingen op de laatste dag van elke maand liepen."),
        columns=[Column("active", _("lopend"))],
        rows=[Row(m.key, m.label, {"active": shown[m.key]}, short=m.short_label) for m in months],
        chart=Chart("line", ("active",)),
        empty=not any(counts.values()),
    )


def per_month(queryset, field: str) -> dict[str, int]:
    rows = queryset.annotate(month=TruncMonth(field)).values("month").annotate(n=Count("pk"))
    return {row["month"].strftime("%Y-%m"): row["n"] for row in rows}


def started_per_month(filters: Filters) -> dict[str, int]:
    rolled, rest = filters.rollup
    counts = rollups.counts(filters, Measure.STARTED, rolled)
    if rest is not None:
        started = rest.matches().filter(started_on__range=(rest.start, rest.end))
        counts |= per_month(started, "started_on")
    return counts


def closed_per_month(filters: Filters) -> dict[str, int]:
    rolled, rest = filters.rollup
    counts = rollups.counts(filters, Measure.CLOSED, rolled)
    if rest is not None:
        closed = rest.matches().filter(
            status=MatchStatus.CLOSED, ended_on__range=(rest.start, rest.end)
        )
        counts |= per_month(closed, "ended_on")
    return counts


@shared
def monthly_flows(filters: Filters) -> dict[tuple[str, str], int | None]:
    """Matches started ("new") and closed per month and over the period ("total"), as
    published: every table that shows one of these counts takes it from here."""
    months, period = filters.months, (filters.start, filters.end)
    sources = {"new": started_per_month(filters), "closed": closed_per_month(filters)}
    published = {}
    for kind, counts in sources.items():
        for m in months:
            published[kind, m.key] = publish(
                counts.get(m.key, 0), filters.cell(kind, m.start, m.end)
            )
        total = sum(counts.values())
        published[kind, "total"] = publish(total, filters.cell(kind, *period))
    return published


def new_and_closed(filters: Filters) -> Figure:
    months, shown = filters.months, monthly_flows(filters)
    rows = [
        Row(
            m.key,
            m.label,
            {k: shown[k, m.key] for k in ("new", "closed")},
            short=m.short_label,
        )
        for m in months
    ]
    totals = {k: shown[k, "total"] for k in ("new", "closed")}
    return Figure(
        key="new_and_closed",
        title=_("Nieuwe en afgesloten koppelingen per maand"),
        explanation=_(
            "Hoeveel koppelingen in elke maand begonnen, en hoeveel er in die maand zijn "
            "afgesloten."
        ),
        columns=[Column("new", _("nieuw")), Column("closed", _("afgesloten"))],
        rows=rows,
        total=Row("total", _("Totaal"), totals),
        chart=Chart("bars", ("new", "closed")),
        empty=all(total == 0 for total in totals.values()),
    )


def days_to_match(filters: Filters) -> dict[str, np.ndarray]:
    """Per month: the days from sign-up to start of every match that started in it."""
    rolled, rest = filters.rollup
    summed = rollups.days(filters, Measure.STARTED, rolled)
    days = {m.key: summed.get(m.key, NOBODY) for m in rolled}
    if rest is not None:
        live: dict[str, list[int]] = {m.key: [] for m in rest.months}
        started = rest.matches().filter(started_on__range=(rest.start, rest.end))
        for started_on, signed_up_at in started.values_list("started_on", "request__signed_up_at"):
            waited = (started_on - timezone.localdate(signed_up_at)).days
            live[started_on.strftime("%Y-%m")].append(waited)
        days |= {key: np.array(values, dtype=int) for key, values in live.items()}
    return days


def time_to_match(filters: Filters) -> Figure:
    """From sign-up to the start of the match, for matches that started in the period."""
    months = filters.months
    days = days_to_match(filters)
    flows = monthly_flows(filters)
    everyone = np.concatenate(list(days.values()))

    def values(n: int | None, of: np.ndarray) -> dict:
        """A median over a hidden count is hidden with it."""
        if n is None:
            return {"matches": None, "median": None, "p80": None}
        return {"matches": n, "median": median(of), "p80": percentile(of, 80)}

    return Figure(
        key="time_to_match",
        title=_("Tijd van aanmelding tot match"),
        explanation=_(
            "Hoeveel dagen er zaten tussen de aanmelding en de start van de koppeling, voor de "
            "koppelingen die in de maand begonnen. De helft wachtte korter dan de mediaan; 8 "
            "van de 10 wachtten korter dan het 80e percentiel."
        ),
        columns=[
            Column("matches", _("gestarte koppelingen")),
            Column("median", _("mediaan dagen"), DAYS),
            Column("p80", _("80e percentiel dagen"), DAYS),
        ],
        rows=[
            Row(
                m.key,
                m.label,
                values(flows["new", m.key], days[m.key]),
                unavailable=nobody("median", "p80", count=len(days[m.key])),
                short=m.short_label,
            )
            for m in months
        ],
        total=Row(
            "total",
            _("Hele periode"),
            values(flows["new", "total"], everyone),
            unavailable=nobody("median", "p80", count=len(everyone)),
        ),
        chart=Chart("bars", ("median",)),
        empty=not len(everyone),
    )
