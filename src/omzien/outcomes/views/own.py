"""The own page of a parent, young person or volunteer: the questionnaires open for them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from omzien.access.checks import role_required
from omzien.access.roles import Role

from ..forms import AnswersForm, goal_questions, item_questions, posted
from ..models import Mode
from ..questionnaires import open_questionnaires
from ..recording import record

OWN_ROLES = (Role.PARENT, Role.YOUTH, Role.VOLUNTEER)


@role_required(*OWN_ROLES)
def own_list(request):
    return render(request, "outcomes/own_list.html", {"slots": open_questionnaires(request.user)})


@role_required(*OWN_ROLES)
def own_answer(request, pk: int, slug: str, phase: str, round: int):
    key = (pk, slug, phase, round)
    slot = next(
        (
            s
            for s in open_questionnaires(request.user)
            if (s.request.pk, s.instrument.slug, s.phase, s.round) == key
        ),
        None,
    )
    if slot is None:
        raise Http404
    if slot.version.is_goals:
        questions = goal_questions(slot.request.goals.all())
    else:
        questions = item_questions(slot.version.items_for(phase))
    form = AnswersForm(questions, posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            record(
                slot, form.values(), by=request.user, mode=Mode.OWN_PAGE, on=timezone.localdate()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Dank u wel. Uw antwoorden zijn opgeslagen."))
            return redirect("outcomes:own_list")
    return render(
        request,
        "outcomes/own_answer.html",
        {"slot": slot, "form": form},
        status=400 if form.is_bound else 200,
    )
