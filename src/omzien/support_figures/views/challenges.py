"""Neighbourhood challenges (opgaven): a shared challenge of an area, its partners and figures."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from omzien.access.checks import role_required
from omzien.web.versioning import saved

from .. import challenges
from ..forms.neighbourhood import ChallengeForm
from ..models import Challenge
from ..places import AREA_ROLES, chosen_municipality, municipalities_for


@role_required(*AREA_ROLES)
def challenge_list(request):
    municipalities, municipality = chosen_municipality(request)
    return render(
        request,
        "support_figures/challenges.html",
        {
            "municipalities": municipalities,
            "municipality": municipality,
            "challenges": Challenge.objects.filter(municipality=municipality).select_related(
                "neighbourhood"
            ),
            "flagged": challenges.flagged(municipality, request.user) if municipality else [],
            "period": challenges.year_to(timezone.localdate()),
        },
    )


def _challenge(request, pk: int) -> Challenge:
    queryset = Challenge.objects.filter(municipality__in=municipalities_for(request.user))
    return get_object_or_404(queryset.select_related("municipality", "neighbourhood"), pk=pk)


@role_required(*AREA_ROLES)
def challenge_edit(request, pk: int | None = None):
    challenge = _challenge(request, pk) if pk else None
    _all, municipality = chosen_municipality(request)
    municipality = challenge.municipality if challenge else municipality
    if municipality is None:
        return redirect("support_figures:challenges")
    form = ChallengeForm(municipality, request.POST or None, instance=challenge)
    if request.method == "POST" and saved(form, lambda: form.save_for(request.user)):
        messages.success(request, _("De opgave is opgeslagen."))
        return redirect("support_figures:challenge", pk=form.instance.pk)
    return render(
        request,
        "support_figures/challenge_form.html",
        {"form": form, "challenge": challenge, "municipality": municipality},
        status=400 if form.errors else 200,
    )


@role_required(*AREA_ROLES)
def challenge_detail(request, pk: int):
    challenge = _challenge(request, pk)
    return render(
        request,
        "support_figures/challenge.html",
        {
            "challenge": challenge,
            "partners": challenge.partners.select_related("district"),
            "figures": challenge.figures.all(),
        },
    )


@require_POST
@role_required(*AREA_ROLES)
def challenge_close(request, pk: int):
    challenge = _challenge(request, pk)
    # A new version, so that an edit opened before this cannot open the challenge again.
    closed = Challenge.objects.filter(pk=challenge.pk, closed_on__isnull=True).update(
        closed_on=timezone.localdate(), version=F("version") + 1
    )
    if closed:
        messages.success(request, _("De opgave is afgerond."))
    return redirect("support_figures:challenge", pk=pk)


@require_POST
@role_required(*AREA_ROLES)
def challenge_follow(request, pk: int):
    """Add the latest figures of the challenge's theme and neighbourhood."""
    challenge = _challenge(request, pk)
    figure = challenges.record_latest(challenge)
    if figure is None:
        messages.error(request, _("Voor deze opgave zijn geen cijfers te volgen."))
    else:
        messages.success(request, _("De cijfers zijn bijgewerkt."))
    return redirect("support_figures:challenge", pk=pk)


@require_POST
@role_required(*AREA_ROLES)
def challenge_from_theme(request):
    """One click on a flagged theme: a challenge for that neighbourhood, carrying its figures."""
    municipalities = municipalities_for(request.user)
    try:
        challenge, created = challenges.start_from_theme(request.user, municipalities, request.POST)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("support_figures:challenges")
    message = (
        _("De opgave ‘%(title)s’ is gestart.")
        if created
        else _("Voor dit thema loopt al een opgave: ‘%(title)s’.")
    )
    messages.success(request, message % {"title": challenge})
    return redirect("support_figures:challenge", pk=challenge.pk)
