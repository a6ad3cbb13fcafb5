"""The unseen work made visible: volunteers with a running match, and the hours they logged."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from omzien.access.suppression import publish, publish_amount

from .. import rollups
from ..running import running_during
from ..scope import Filters
from ..tables import HOURS, Chart, Column, Figure, Row
from .hours import live_hours


def hours_per_month(filters: Filters) -> dict[str, float]:
    """Hours logged per month that had any contact."""
    hours = rollups.hours(filters, filters.rollup[0])
    for month, _area, worked in live_hours(filters):
        hours[month] = hours.get(month, 0) + worked
    return {key: float(value or 0) for key, value in hours.items()}


def volunteers_and_hours(filters: Filters) -> Figure:
    months = filters.months
    # Volunteers are counted live: one who helps in several months or programmes counts once.
    period = running_during(filters.start, filters.end)
    counts = (
        filters.matches()
        .filter(period)
        .aggregate(
            period=Count("offer__volunteer", distinct=True),
            **{
                m.key: Count(
                    "offer__volunteer", distinct=True, filter=running_during(m.start, m.end)
                )
                for m in months
            },
        )
    )
    hours = hours_per_month(filters)

    def values(first, last, key) -> dict:
        """A month's or the period's hours hide with its volunteers."""
        volunteers = publish(counts[key], filters.cell("volunteers", first, last))
        worked = sum(hours.values()) if key == "period" else hours.get(key, 0.0)
        shown = (
            None
            if volunteers is None
            else publish_amount(worked, filters.cell("hours", first, last))
        )
        return {"volunteers": volunteers, "hours": shown}

    rows = [Row(m.key, m.label, values(m.start, m.end, m.key), short=m.short_label) for m in months]
    return Figure(
        key="volunteers_and_hours",
        title=_("Vrijwilligers en hun uren"),
        explanation=_(
            "Hoeveel vrijwilligers in de maand een lopende koppeling hadden, en hoeveel uur "
            "zij samen in het contactlogboek schreven. Dit werk is meestal onzichtbaar."
        ),
        columns=[
            Column("volunteers", _("actieve vrijwilligers")),
            Column("hours", _("uren"), HOURS),
        ],
        rows=rows,
        total=Row("total", _("Hele periode"), values(filters.start, filters.end, "period")),
        chart=Chart("bars", ("hours",)),
        empty=not counts["period"] and not hours,
    )
