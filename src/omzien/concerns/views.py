"""The coordinator's pages: the list per programme, one concern with its steps, and the reason."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from omzien.access.checks import role_required
from omzien.access.roles import Role
from omzien.programmes.selection import selected_programme
from omzien.web.paging import page_of, querystring_without

from .access import break_the_glass, may_open, visible_concern
from .forms import CloseForm, ReasonForm, StepForm
from .models import Concern, ConcernStatus


def in_programme(user, programme):
    return (
        Concern.objects.visible_to(user)
        .filter(match__request__programme=programme)
        .with_direct_access(user)
        .select_related(
            "handler",
            "child",
            "match__request__household",
            "match__request__youth",
            "match__offer__volunteer",
        )
        .prefetch_related("match__request__household__parents")
    )


@role_required(Role.COORDINATOR)
def concern_list(request):
    programmes, programme = selected_programme(request)
    concerns = in_programme(request.user, programme)
    return render(
        request,
        "concerns/concern_list.html",
        {
            "programmes": programmes,
            "programme": programme,
            "open": concerns.open(),
            "closed": page_of(request, concerns.closed().order_by("-closed_on", "-pk")),
            "query": querystring_without(request, "pagina"),
        },
    )


@role_required(Role.COORDINATOR)
def concern_detail(request, pk: int, step_form=None, close_form=None):
    concern = visible_concern(request, pk)
    if not may_open(request, concern):
        return redirect("concerns:reason", pk=pk)
    decided = concern.status == ConcernStatus.DECIDED
    return render(
        request,
        "concerns/concern_detail.html",
        {
            "concern": concern,
            "step_form": step_form or (StepForm(concern) if concern.next_step else None),
            "close_form": close_form or (CloseForm(concern) if decided else None),
            "steps": concern.steps.select_related("signed_by"),
            "accesses": concern.accesses.select_related("user"),
        },
        status=400 if step_form or close_form else 200,
    )


@role_required(Role.COORDINATOR)
def concern_reason(request, pk: int):
    """'Break the glass': another coordinator says why before the concern opens."""
    concern = visible_concern(request, pk)
    if may_open(request, concern):
        return redirect("concerns:detail", pk=pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        break_the_glass(request, concern, form.cleaned_data["reason"])
        return redirect("concerns:detail", pk=pk)
    return render(
        request,
        "concerns/concern_reason.html",
        {"concern": concern, "form": form},
        status=400 if form.errors else 200,
    )


def _openable(request, pk: int) -> Concern:
    concern = visible_concern(request, pk)
    if not may_open(request, concern):
        raise PermissionDenied
    return concern


@require_POST
@role_required(Role.COORDINATOR)
def concern_step(request, pk: int):
    concern = _openable(request, pk)
    form = StepForm(concern, request.POST)
    if form.is_valid():
        try:
            step = form.save(by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Stap %(number)s is vastgelegd.") % {"number": step.step})
            return redirect("concerns:detail", pk=pk)
    return concern_detail(request, pk, step_form=form)


@require_POST
@role_required(Role.COORDINATOR)
def concern_close(request, pk: int):
    concern = _openable(request, pk)
    form = CloseForm(concern, request.POST)
    if form.is_valid():
        try:
            form.save(by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het zorgsignaal is afgesloten."))
            return redirect("concerns:detail", pk=pk)
    return concern_detail(request, pk, close_form=form)
