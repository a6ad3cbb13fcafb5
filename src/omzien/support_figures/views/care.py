"""The professional's pages: their young people, registration, placements, support figures."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from omzien.access.checks import role_required
from omzien.access.roles import Role
from omzien.web.paging import page_of, querystring_without
from omzien.web.versioning import saved

from ..forms.care import EndPlacementForm, PlacementForm, RegistrationForm
from ..forms.figures import ConfirmForm, EndForm, SupportFigureForm
from ..models import Placement, SupportFigure, SupportFigureStatus, YoungPersonInCare

PROFESSIONAL = (Role.CARE_PROFESSIONAL,)
FILTERS = {
    "zonder": ("has_figure", False),
    "voorstel": ("has_proposal", True),
}


def with_status(queryset, day):
    """Whether each young person is placed, has a support figure, or has a proposal waiting."""
    of = {"young_person": OuterRef("pk")}
    return queryset.annotate(
        placed=Exists(Placement.objects.current_on(day).filter(**of)),
        has_figure=Exists(SupportFigure.objects.present_on(day).filter(**of)),
        has_proposal=Exists(SupportFigure.objects.awaiting_confirmation().filter(**of)),
    )


@role_required(*PROFESSIONAL)
def young_people(request):
    queryset = with_status(
        YoungPersonInCare.objects.visible_to(request.user).select_related("municipality"),
        timezone.localdate(),
    )
    chosen = request.GET.get("toon")
    if chosen in FILTERS:
        field, value = FILTERS[chosen]
        queryset = queryset.filter(**{field: value})
    return render(
        request,
        "support_figures/young_people.html",
        {
            "young_people": page_of(request, queryset),
            "chosen": chosen,
            "query": querystring_without(request, "pagina"),
        },
    )


@role_required(*PROFESSIONAL)
def register(request):
    form = RegistrationForm(request.POST or None, initial={"consent_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        young_person = form.save_for(request.user)
        messages.success(request, _("%(name)s is vastgelegd.") % {"name": young_person})
        return redirect("support_figures:young_person", pk=young_person.pk)
    return render(
        request,
        "support_figures/register.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def visible_young_person(request, pk: int) -> YoungPersonInCare:
    queryset = YoungPersonInCare.objects.visible_to(request.user).select_related("municipality")
    return get_object_or_404(queryset, pk=pk)


@role_required(*PROFESSIONAL)
def young_person(request, pk: int, forms=None, status=200):
    person = visible_young_person(request, pk)
    placements = list(person.placements.all())
    figures = list(
        person.support_figures.select_related("programme", "proposed_by").prefetch_related(
            "status_changes__by"
        )
    )
    current = next((p for p in placements if p.is_current_on(timezone.localdate())), None)
    forms = forms or {}
    steps = [
        (
            figure,
            forms.get(figure.pk)
            or (ConfirmForm(figure) if figure.status == SupportFigureStatus.PROPOSED else None)
            or (EndForm(figure) if figure.status == SupportFigureStatus.ACTIVE else None),
        )
        for figure in figures
    ]
    return render(
        request,
        "support_figures/young_person.html",
        {
            "person": person,
            "placements": placements,
            "current": current,
            "steps": steps,
            "placement_form": forms.get("placement") or PlacementForm(person),
            "end_form": forms.get("end") or (EndPlacementForm(current) if current else None),
        },
        status=status,
    )


@require_POST
@role_required(*PROFESSIONAL)
def new_placement(request, pk: int):
    person = visible_young_person(request, pk)
    form = PlacementForm(person, request.POST)
    if not saved(form, form.save_for):
        return young_person(request, pk, forms={"placement": form}, status=400)
    messages.success(request, _("De nieuwe plaatsing is vastgelegd."))
    return redirect("support_figures:young_person", pk=pk)


@require_POST
@role_required(*PROFESSIONAL)
def end_placement(request, pk: int):
    person = visible_young_person(request, pk)
    current = person.current_placement()
    if current is None:
        messages.error(request, _("Er loopt geen plaatsing meer."))
        return redirect("support_figures:young_person", pk=pk)
    form = EndPlacementForm(current, request.POST)
    if not saved(form, form.save):
        return young_person(request, pk, forms={"end": form}, status=400)
    messages.success(request, _("De plaatsing is beëindigd."))
    return redirect("support_figures:young_person", pk=pk)


@role_required(*PROFESSIONAL)
def add_figure(request, pk: int):
    person = visible_young_person(request, pk)
    form = SupportFigureForm(person, request.POST or None)
    if request.method == "POST" and form.is_valid():
        figure = form.save_for(request.user)
        messages.success(request, _("%(name)s is nu steunfiguur.") % {"name": figure})
        return redirect("support_figures:young_person", pk=pk)
    return render(
        request,
        "support_figures/figure_form.html",
        {"person": person, "form": form},
        status=400 if form.errors else 200,
    )


def _visible_figure(request, pk: int) -> SupportFigure:
    queryset = SupportFigure.objects.visible_to(request.user).select_related(
        "young_person", "programme__programme_type"
    )
    return get_object_or_404(queryset, pk=pk)


@require_POST
@role_required(*PROFESSIONAL)
def figure_step(request, pk: int):
    """Confirm or decline a proposal, or end a support figure."""
    figure = _visible_figure(request, pk)
    form_class = ConfirmForm if figure.status == SupportFigureStatus.PROPOSED else EndForm
    form = form_class(figure, request.POST)
    if form.is_valid():
        try:
            form.save(by=request.user)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(
                request,
                _("%(name)s: %(status)s.")
                % {"name": figure, "status": figure.get_status_display()},
            )
            return redirect("support_figures:young_person", pk=figure.young_person_id)
    return young_person(request, figure.young_person_id, forms={figure.pk: form}, status=400)
