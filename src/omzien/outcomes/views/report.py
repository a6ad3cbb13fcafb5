"""The outcome report page: aggregates only, for a beheerder of the organisation's programmes
and for a municipal analyst of the programmes serving their municipality."""

from datetime import timedelta

from django.shortcuts import render
from django.utils import timezone

from omzien.access.checks import role_required
from omzien.access.roles import Role
from omzien.access.scoping import programme_ids
from omzien.geo.models import Municipality
from omzien.programmes.models import Programme

from ..forms import ReportFilterForm
from ..report import outcome_report

DEFAULT_DAYS = 365


def report_programmes(user):
    """The programmes whose aggregates this user may see."""
    if user.role == Role.ANALYST:
        if user.municipality_id is None:
            return Programme.objects.none()
        return Programme.objects.filter(municipalities=user.municipality_id).distinct()
    return Programme.objects.filter(pk__in=programme_ids(user))


def report_municipalities(user, programmes):
    """An analyst sees the families of their own municipality only."""
    if user.role == Role.ANALYST:
        return Municipality.objects.filter(pk=user.municipality_id)
    return Municipality.objects.filter(programmes__in=programmes).distinct()


@role_required(Role.ORG_ADMIN, Role.ANALYST)
def report(request):
    user, today = request.user, timezone.localdate()
    choices = report_programmes(user).order_by("name")
    programmes = list(choices)
    municipalities = report_municipalities(user, programmes).order_by("name")
    data = request.GET or {
        "start": (today - timedelta(days=DEFAULT_DAYS - 1)).isoformat(),
        "end": today.isoformat(),
    }
    form = ReportFilterForm(choices, municipalities, data)
    result = None
    if programmes and form.is_valid():
        chosen = form.cleaned_data["programme"]
        municipality = form.cleaned_data["municipality"]
        if user.role == Role.ANALYST:
            municipality = user.municipality
        result = outcome_report(
            [chosen] if chosen else programmes,
            municipality,
            form.cleaned_data["start"],
            form.cleaned_data["end"],
        )
    return render(
        request,
        "outcomes/report.html",
        {
            "form": form,
            "report": result,
            "has_programmes": bool(programmes),
            "analyst_municipality": user.municipality if user.role == Role.ANALYST else None,
        },
    )
