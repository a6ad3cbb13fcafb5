"""Coverage per municipality: the share of young people in care with a support figure."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format

from omzien.access.checks import role_required

from .. import chart
from ..coverage import coverage
from ..places import COVERAGE_ROLES, chosen_municipality

PERIODS = (6, 12, 24)  # months


def first_month(today, months: int):
    index = today.year * 12 + today.month - 1 - (months - 1)
    return today.replace(year=index // 12, month=index % 12 + 1, day=1)


@role_required(*COVERAGE_ROLES)
def coverage_page(request):
    municipalities, municipality = chosen_municipality(request)
    try:
        months = int(request.GET.get("maanden", 12))
    except ValueError:
        months = 12
    months = months if months in PERIODS else 12
    today = timezone.localdate()
    rows = coverage(municipality, first_month(today, months), today) if municipality else []
    points = [(date_format(row.month, "M y"), row.share) for row in rows]
    return render(
        request,
        "support_figures/coverage.html",
        {
            "municipalities": municipalities,
            "municipality": municipality,
            "periods": PERIODS,
            "months": months,
            "rows": rows,
            "bars": chart.bars(points),
            "ticks": chart.ticks(),
            "frame": chart.frame(),
        },
    )
