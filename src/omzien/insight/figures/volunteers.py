"""The unseen work made visible: volunteers with a running match, and the hours they logged."""

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from ..scope import Filters
from ..suppression import suppress
from ..tables import HOURS, Chart, Column, Figure, Row
from .matches import running_during


def hours_per_month(filters: Filters) -> dict[str, float]:
    rows = (
        filters.contacts()
        .filter(on__range=(filters.start, filters.end))
        .annotate(month=TruncMonth("on"))
        .values("month")
        .annotate(hours=Sum("hours"))
    )
    return {row["month"].strftime("%Y-%m"): round(float(row["hours"] or 0), 1) for row in rows}


def volunteers_and_hours(filters: Filters) -> Figure:
    months = filters.months
    counts = filters.matches().aggregate(
        period=Count(
            "offer__volunteer", distinct=True, filter=running_during(filters.start, filters.end)
        ),
        **{
            m.key: Count("offer__volunteer", distinct=True, filter=running_during(m.start, m.end))
            for m in months
        },
    )
    hours = hours_per_month(filters)
    # The period's hours are the sum of the months': a month's hours hide with its volunteers,
    # so at least two months hide together, or the total goes too.
    monthly = suppress({m.key: counts[m.key] for m in months}, groups=[[m.key for m in months]])
    period = suppress({"period": counts["period"]}, groups=[])
    rows = [
        Row(
            m.key,
            m.label,
            short=m.short_label,
            values={
                "volunteers": monthly.cells[m.key],
                "hours": monthly.figure(m.key, hours.get(m.key, 0.0)),
            },
        )
        for m in months
    ]
    hidden = monthly.totals[0] is None or period.cells["period"] is None
    total_hours = None if hidden else round(sum(hours.values()), 1)
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
        total=Row(
            "total", _("Hele periode"), {"volunteers": period.cells["period"], "hours": total_hours}
        ),
        chart=Chart("bars", ("hours",)),
        empty=not counts["period"] and not hours,
    )
