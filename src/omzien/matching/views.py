from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from omzien.intake.models import Request
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
def request_detail(request, pk: int):
    """One household's request and the volunteers that fit it best, with the reasons why."""
    help_request = _visible_request(request, pk)
    result = services.suggestions_for_request(request.user, help_request)
    return render(
        request,
        "matching/request_detail.html",
        {
            "help_request": help_request,
            "result": result,
            "open_match": services.open_match_of(help_request),
        },
    )


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
