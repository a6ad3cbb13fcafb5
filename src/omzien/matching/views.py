from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from omzien.intake.models import Request, RequestStatus
from omzien.intake.views import apply_transition, transition_form
from omzien.privacy.access import STAFF_WITH_FILES, role_required

from . import services


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
            "result": services.suggestions_for_request(request.user, help_request) if waiting else None,
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
