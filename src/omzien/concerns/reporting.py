"""Reporting a concern: a coordinator from a match, or a volunteer or parent about their own match."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from omzien.access.checks import role_required
from omzien.access.roles import Role
from omzien.matches.models import Match

from .forms import ConcernForm, ReportForm
from .models import Concern
from .notify import notify_coordinators

REPORTERS = (Role.VOLUNTEER, Role.PARENT, Role.YOUTH)


def _match(queryset, pk: int) -> Match:
    return get_object_or_404(
        queryset.select_related(
            "request__programme", "request__household", "request__youth", "offer__volunteer"
        ).prefetch_related("request__household__parents"),
        pk=pk,
    )


@role_required(Role.COORDINATOR)
def concern_create(request, match_pk: int):
    """A coordinator records a concern on a match of their programme and handles it."""
    match = _match(Match.objects.visible_to(request.user), match_pk)
    form = ConcernForm(match, request.POST or None, initial={"reported_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        concern = form.save_for(request.user, handler=request.user)
        messages.success(request, _("Het zorgsignaal is vastgelegd. Zet nu stap 1."))
        return redirect("concerns:detail", pk=concern.pk)
    return render(
        request,
        "concerns/concern_form.html",
        {"match": match, "form": form},
        status=400 if form.errors else 200,
    )


@role_required(*REPORTERS)
def report_own(request, match_pk: int):
    """A volunteer, parent or young person reports a worry about their own match."""
    match = _match(Match.objects.visible_to(request.user).open(), match_pk)
    form = ReportForm(match, request.POST or None)
    if request.method == "POST" and form.is_valid():
        concern = form.save_for(request.user, reported_on=timezone.localdate())
        notify_coordinators(request, concern)
        return redirect("concerns:report_received", pk=concern.pk)
    earlier = Concern.objects.reported_by_user(request.user).filter(match=match)
    return render(
        request,
        "concerns/report_own.html",
        {"match": match, "form": form, "earlier": earlier},
        status=400 if form.errors else 200,
    )


@role_required(*REPORTERS)
def report_received(request, pk: int):
    """The reporter sees that the report came in, and when; never what the coordinator did."""
    report = get_object_or_404(Concern.objects.reported_by_user(request.user), pk=pk)
    return render(request, "concerns/report_received.html", {"report": report})
