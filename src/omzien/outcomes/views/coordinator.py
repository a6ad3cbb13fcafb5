"""Coordinator pages: the questionnaires of a request, entering a paper questionnaire, and the
family's goals at intake."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from omzien.access.checks import STAFF_WITH_FILES, role_required
from omzien.intake.models import Request

from ..forms import AnswersForm, goal_formset, goal_questions, item_questions, posted
from ..models import AdministrationStatus, Goal, GoalScore, Mode, Phase
from ..questionnaires import find_slot, slots, with_slot_data
from ..recording import record, record_goal_levels


def visible_request(request, pk: int) -> Request:
    requests = with_slot_data(Request.objects.visible_to(request.user))
    requests = requests.select_related("household", "youth").prefetch_related("household__parents")
    return get_object_or_404(requests, pk=pk)


def uses_goals(slot) -> bool:
    version = slot.instrument.current_version()
    return version is not None and version.is_goals


@role_required(*STAFF_WITH_FILES)
def request_questionnaires(request, pk: int):
    case = visible_request(request, pk)
    found = slots(case)
    return render(
        request,
        "outcomes/request_questionnaires.html",
        {
            "case": case,
            "slots": found,
            "goals": case.goals.all(),
            "goal_slot": next(
                (s for s in found if s.phase == Phase.INTAKE and uses_goals(s)), None
            ),
        },
    )


@role_required(*STAFF_WITH_FILES)
def enter_paper(request, pk: int, slug: str, phase: str, round: int):
    """A questionnaire filled in on paper, typed in by the coordinator."""
    case = visible_request(request, pk)
    slot = find_slot(case, slug, phase, round)
    if slot is None:
        raise Http404
    if slot.version.is_goals:
        goals = list(case.goals.all())
        if phase == Phase.INTAKE or not goals:
            return redirect("outcomes:goals", pk=case.pk)
        questions = goal_questions(goals)
    else:
        questions = item_questions(slot.version.items_for(phase))
    replacing = bool(
        slot.administration and slot.administration.status == AdministrationStatus.ANSWERED
    )
    form = AnswersForm(questions, posted(request), paper=True, replacing=replacing)
    if request.method == "POST" and form.is_valid():
        try:
            record(
                slot,
                form.values(),
                by=request.user,
                mode=Mode.PAPER,
                on=form.answered_on,
                replace_reason=form.replace_reason,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De antwoorden zijn opgeslagen."))
            return redirect("outcomes:request_questionnaires", pk=case.pk)
    return render(
        request,
        "outcomes/enter.html",
        {"case": case, "slot": slot, "form": form, "replacing": replacing},
        status=400 if form.is_bound else 200,
    )


@role_required(*STAFF_WITH_FILES)
def goals(request, pk: int):
    """Two to five goals with the family at intake, and where the family stands on each now."""
    case = visible_request(request, pk)
    slot = next((s for s in slots(case) if s.phase == Phase.INTAKE and uses_goals(s)), None)
    if slot is None:
        raise Http404
    existing = list(case.goals.all())
    locked = (
        GoalScore.objects.visible_to(request.user)
        .filter(goal__request=case)
        .exclude(administration__phase=Phase.INTAKE)
        .exists()
    )
    formset = goal_formset(len(existing))(
        posted(request),
        queryset=Goal.objects.visible_to(request.user).filter(request=case),
        prefix="doel",
    )
    start_levels(formset, slot)
    if request.method == "POST" and not locked and formset.is_valid():
        try:
            save_goals(case, slot, formset, request.user)
        except ValidationError as error:  # someone else saved the intake goals just now
            formset.refuse(error)
        else:
            messages.success(request, _("De doelen zijn opgeslagen."))
            return redirect("outcomes:request_questionnaires", pk=case.pk)
    return render(
        request,
        "outcomes/goals.html",
        {"case": case, "formset": formset, "locked": locked},
        status=400 if formset.is_bound else 200,
    )


def start_levels(formset, slot) -> None:
    """Show the level each goal had at intake, as recorded last time."""
    if not slot.administration:
        return
    levels = dict(slot.administration.goal_scores.values_list("goal_id", "level"))
    for form in formset.forms:
        if form.instance.pk in levels:
            form.fields["start_level"].initial = levels[form.instance.pk]


@transaction.atomic
def save_goals(case, slot, formset, by) -> None:
    levels = {}
    for position, form in enumerate(formset.kept(), start=1):
        with form.locked():  # a goal changed by someone else since the page was read: refused
            goal = form.save(commit=False)
            goal.request, goal.position = case, position
            goal.save()
        levels[goal] = form.cleaned_data["start_level"]
    answered = slot.administration and slot.administration.status == AdministrationStatus.ANSWERED
    record_goal_levels(
        slot,
        levels,
        by=by,
        mode=Mode.PAPER,
        on=timezone.localdate(),
        replace_reason=_("De doelen zijn aangepast.") if answered else None,
    )
