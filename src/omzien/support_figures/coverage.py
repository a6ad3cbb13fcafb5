"""Coverage per municipality and month, fit to publish: the dashboards' and the API's figure.

Counts are taken over every young person in care of the municipality (an aggregate, not a
list of people), then leave this module through `suppression.publish`.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils import timezone

from omzien.access.suppression import cell, publish

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

    Each count is published as its own cell (what is counted, the municipality, the month), so the same month gives the same numbers on every page and in the API;
    the share is taken from the published counts, the wait is hidden with its count.
    """
    today = today or timezone.localdate()
    months = months_between(start, end)
    if not months:
        return []
    last = reference_day(months[-1], today)
    placements, figures = periods(municipality, months[0], last)
    return [published(municipality, s) for s in monthly_shares(placements, figures, months, today)]


def published(municipality, month) -> CoverageRow:
    """One month's counts through `publish`."""

    def shown(measure: str, count: int) -> int | None:
        # The month, not its reference day: this month's counts keep one draw until it ends.
        return publish(count, cell(measure, None, municipality.code, month.month))

    placed = shown("placed_out_of_home", month.placed)
    with_ = shown("placed_with_support_figure", month.with_figure)
    without = shown("placed_without_support_figure", month.without_figure)
    # When one part is zero (shown), the other is the whole: rounded apart it would not add up.
    if month.without_figure == 0:
        with_ = placed
    elif month.with_figure == 0:
        without = placed
    elif with_ is not None and placed is not None:
        with_ = min(with_, placed)  # likewise, the part could come out above the whole
    return CoverageRow(
        month=month.month,
        reference_day=month.reference_day,
        placed=placed,
        with_support_figure=with_,
        without_support_figure=without,
        share=round(100 * with_ / placed, 1) if with_ is not None and placed else None,
        median_waiting_days=None if without is None else month.median_waiting_days,
    )
