"""Family group conferences: plan one from the network map, record it, write down the plan."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from omzien.access.checks import role_required

from ..forms.conference import AgreementForm, ConferenceForm, ConferenceStepForm
from ..models import ConferenceStatus, FamilyGroupConference
from .network import MAP_EDITORS, MAP_READERS, visible_map


@role_required(*MAP_EDITORS)
def new_conference(request, pk: int):
    network_map = visible_map(request, pk, edit=True)
    ties = network_map.ties.on(timezone.localdate())
    form = ConferenceForm(network_map, ties, request.POST or None)
    if request.method == "POST" and form.is_valid():
        conference = form.save_for(request.user)
        messages.success(request, _("Het familiegroepsplan is gepland."))
        return redirect("support_figures:conference", pk=conference.pk)
    return render(
        request,
        "support_figures/conference_form.html",
        {"map": network_map, "form": form},
        status=400 if form.errors else 200,
    )


def _visible_conference(request, pk: int) -> FamilyGroupConference:
    queryset = FamilyGroupConference.objects.visible_to(request.user).select_related(
        "network_map__household", "network_map__young_person"
    )
    return get_object_or_404(queryset.prefetch_related("network_map__household__parents"), pk=pk)


@role_required(*MAP_READERS)
def conference(request, pk: int, step_form=None, agreement_form=None, status=200):
    conf = _visible_conference(request, pk)
    editor = request.user.has_role(*MAP_EDITORS)
    held = conf.status == ConferenceStatus.HELD
    return render(
        request,
        "support_figures/conference.html",
        {
            "conference": conf,
            "participants": conf.participants.select_related("tie"),
            "agreements": conf.agreements.select_related("who"),
            "history": conf.status_changes.select_related("by"),
            "step_form": (step_form or ConferenceStepForm(conf)) if editor else None,
            "agreement_form": (agreement_form or AgreementForm(conf)) if editor and held else None,
        },
        status=status,
    )


@require_POST
@role_required(*MAP_EDITORS)
def conference_step(request, pk: int):
    conf = _visible_conference(request, pk)
    form = ConferenceStepForm(conf, request.POST)
    if form.is_valid():
        try:
            form.save(by=request.user)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Vastgelegd: %(s)s.") % {"s": conf.get_status_display()})
            return redirect("support_figures:conference", pk=pk)
    return conference(request, pk, step_form=form, status=400)


@require_POST
@role_required(*MAP_EDITORS)
def add_agreement(request, pk: int):
    conf = _visible_conference(request, pk)
    form = AgreementForm(conf, request.POST)
    if conf.status != ConferenceStatus.HELD or not form.is_valid():
        return conference(request, pk, agreement_form=form, status=400)
    form.save()
    messages.success(request, _("De afspraak staat in het plan."))
    return redirect("support_figures:conference", pk=pk)
