"""Coverage per municipality and month, fit to publish: the dashboards' and the API's figure.

Counts are taken over every young person in care of the municipality (an aggregate, not a
list of people), then pass small-number suppression before they leave this module.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils import timezone

from omzien.access.suppression import suppress

from .models import Placement, SupportFigure
from .shares import Period, monthly_shares, months_between, reference_day


@dataclass(frozen=True)
class CoverageRow:
    """One month; a figure that could point at someone is None."""

    month: date  # its first day
    reference_day: date  # the day it was counted on: the month's last day, or today
    placed: int | None
    with_support_figure: int | None
    without_support_figure: int | None
    share: float | None  # percentage of the placed with a support figure, one decimal
    median_waiting_days: int | None  # of those without one

    @property
    def key(self) -> str:
        return self.month.strftime("%Y-%m")


def periods(municipality, start: date, end: date) -> tuple[list[Period], list[Period]]:
    """The placements and confirmed support figures of the municipality's young people."""
    overlapping = Q(ended_on__isnull=True) | Q(ended_on__gt=start)
    placements = Placement.objects.filter(
        overlapping, young_person__municipality=municipality, started_on__lte=end
    ).values_list("young_person_id", "started_on", "ended_on")
    figures = (
        SupportFigure.objects.confirmed()
        .filter(young_person__municipality=municipality, started_on__lte=end)
        .values_list("young_person_id", "started_on", "ended_on")
    )
    return [Period(*row) for row in placements], [Period(*row) for row in figures]


def coverage(
    municipality, start: date, end: date, *, today: date | None = None
) -> list[CoverageRow]:
    """Per month from `start`'s to `end`'s (months not yet begun are left out): how many young
    people placed out of home, how many with a support figure, and the median wait of the others.

    Each month's two cells (with, without) add up to its published total (placed), so a hidden
    cell takes its neighbour with it; a share or wait is hidden with the count it comes from.
    """
    today = today or timezone.localdate()
    months = months_between(start, end)
    if not months:
        return []
    last = reference_day(months[-1], today)
    placements, figures = periods(municipality, months[0], last)
    shares = monthly_shares(placements, figures, months, today)
    counts, groups = {}, []
    for s in shares:
        counts[(s.month, "with")], counts[(s.month, "without")] = s.with_figure, s.without_figure
        groups.append([(s.month, "with"), (s.month, "without")])
    published = suppress(counts, groups)
    rows = []
    for s, total in zip(shares, published.totals, strict=True):
        with_, without = published.cells[(s.month, "with")], published.cells[(s.month, "without")]
        visible = with_ is not None and without is not None and total
        rows.append(
            CoverageRow(
                month=s.month,
                reference_day=s.reference_day,
                placed=total,
                with_support_figure=with_,
                without_support_figure=without,
                share=round(100 * s.share, 1) if visible else None,
                median_waiting_days=published.figure((s.month, "without"), s.median_waiting_days),
            )
        )
    return rows
