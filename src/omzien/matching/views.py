from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from omzien.intake.models import Request, RequestStatus
from omzien.intake.views import apply_transition, transition_form
from omzien.privacy.access import STAFF_WITH_FILES, role_required
from omzien.programmes.selection import selected_programme

from . import planning, services
from .models import Decision, PairRule, PairRuleKind, PlanProposal, PlanRun


def _visible_request(request, pk: int) -> Request:
    # Out of scope and non-existent look the same: 404, nothing revealed.
    queryset = Request.objects.visible_to(request.user).select_related(
        "programme__programme_type",
        "household__postcode_area__neighbourhood",
        "youth__postcode_area__neighbourhood",
    )
    return get_object_or_404(
        queryset.prefetch_related("household__parents", "household__children"), pk=pk
    )


@role_required(*STAFF_WITH_FILES)
def request_detail(request, pk: int, transition=None):
    """One household's request: its next step and, while waiting, the volunteers that fit best."""
    help_request = _visible_request(request, pk)
    waiting = help_request.status == RequestStatus.WAITING
    return render(
        request,
        "matching/request_detail.html",
        {
            "help_request": help_request,
            "result": services.suggestions_for_request(request.user, help_request)
            if waiting
            else None,
            "open_match": services.open_match_of(help_request),
            "transition_form": transition or transition_form(help_request),
            "history": help_request.status_changes.select_related("by"),
        },
        status=400 if transition else 200,
    )


@require_POST
@role_required(*STAFF_WITH_FILES)
def request_transition(request, pk: int):
    form = apply_transition(request, _visible_request(request, pk))
    if form is not None:
        return request_detail(request, pk, transition=form)
    return redirect("matching:request_detail", pk=pk)


@require_POST
@role_required(*STAFF_WITH_FILES)
def propose(request, pk: int):
    help_request = _visible_request(request, pk)
    try:
        match = services.propose(request.user, help_request, request.POST.get("offer"))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("matching:request_detail", pk=pk)
    messages.success(
        request, _("Koppeling voorgesteld: %(match)s. Plan nu de kennismaking.") % {"match": match}
    )
    return redirect(f"{reverse('matches:match_list')}?programme={help_request.programme.slug}")


@role_required(*STAFF_WITH_FILES)
def plan_page(request):
    """The latest plan for the programme's pool: proposals to decide on, and whom it leaves behind."""
    programmes, programme = selected_programme(request)
    plan_run = PlanRun.objects.visible_to(request.user).filter(programme=programme).first()
    proposals = (
        plan_run.proposals.select_related(
            "request__household", "request__youth", "offer__volunteer"
        ).prefetch_related("request__household__parents")
        if plan_run
        else []
    )
    rules = (
        PairRule.objects.visible_to(request.user)
        .filter(programme=programme)
        .select_related("request__household", "request__youth", "offer__volunteer")
        .prefetch_related("request__household__parents")
    )
    return render(
        request,
        "matching/plan.html",
        {
            "programmes": programmes,
            "programme": programme,
            "plan_run": plan_run,
            "proposals": proposals,
            "rules": rules,
        },
    )


@require_POST
@role_required(*STAFF_WITH_FILES)
def plan_run(request):
    _programmes, programme = selected_programme(request)
    if programme is None:
        raise Http404
    result = planning.run(request.user, programme)
    messages.success(
        request,
        _("Plan berekend: %(matched)s, %(unmatched)s.")
        % {
            "matched": ngettext(
                "%(n)s koppeling voorgesteld", "%(n)s koppelingen voorgesteld", result.matched
            )
            % {"n": result.matched},
            "unmatched": ngettext(
                "%(n)s gezin blijft wachten", "%(n)s gezinnen blijven wachten", result.unmatched
            )
            % {"n": result.unmatched},
        },
    )
    return redirect(f"{reverse('matching:plan')}?programme={programme.slug}")


@require_POST
@role_required(*STAFF_WITH_FILES)
def plan_decide(request, pk: int, action: str):
    proposal = get_object_or_404(
        PlanProposal.objects.visible_to(request.user).select_related("run__programme", "request"),
        pk=pk,
    )
    try:
        if action in (Decision.ACCEPTED, Decision.REJECTED):
            planning.decide(request.user, proposal, action)
        else:
            planning.set_rule(request.user, proposal, action)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, PLAN_MESSAGES[action] % {"pair": proposal})
    return redirect(f"{reverse('matching:plan')}?programme={proposal.run.programme.slug}")


@require_POST
@role_required(*STAFF_WITH_FILES)
def plan_rule_delete(request, pk: int):
    rule = get_object_or_404(
        PairRule.objects.visible_to(request.user).select_related("programme"), pk=pk
    )
    rule.delete()
    messages.success(request, _("De regel voor dit paar is weggehaald."))
    return redirect(f"{reverse('matching:plan')}?programme={rule.programme.slug}")


PLAN_MESSAGES = {
    Decision.ACCEPTED: gettext_lazy(
        "Geaccepteerd: %(pair)s. Zet de volgende stap op de pagina van de koppeling."
    ),
    Decision.REJECTED: gettext_lazy("Afgewezen: %(pair)s. Dit paar wordt niet meer voorgesteld."),
    PairRuleKind.LOCK: gettext_lazy("Vastgezet: %(pair)s. Een nieuw plan houdt dit paar."),
    PairRuleKind.EXCLUDE: gettext_lazy(
        "Uitgesloten: %(pair)s. Een nieuw plan stelt dit paar niet voor."
    ),
}
