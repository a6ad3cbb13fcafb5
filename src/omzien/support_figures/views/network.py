"""Network maps: the eco-map on a chosen day, drawing it together, and intake versus now."""

from datetime import date

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from omzien.access.checks import STAFF_WITH_FILES, role_required
from omzien.access.roles import Role
from omzien.people.models import Household
from omzien.web.paging import page_of
from omzien.web.versioning import saved

from .. import ecomap
from ..forms.network import TieChangeForm, TieForm
from ..models import NetworkMap, Tie, TieCategory, TieStrength, YoungPersonInCare
from ..models.network import STRENGTH_ORDER

MAP_EDITORS = (*STAFF_WITH_FILES, Role.CARE_PROFESSIONAL)
MAP_READERS = (*MAP_EDITORS, Role.YOUTH)
CHANGE_LABELS = {
    "new": gettext_lazy("erbij gekomen"),
    "gone": gettext_lazy("weggevallen"),
    "stronger": gettext_lazy("sterker geworden"),
    "weaker": gettext_lazy("zwakker geworden"),
    "same": gettext_lazy("gelijk gebleven"),
}


def day_from(request, param: str, default: date) -> date:
    """A day from the query string, never after today; the default when absent or wrong."""
    try:
        day = parse_date(request.GET.get(param) or "")
    except ValueError:  # well-formed but impossible, such as 2026-02-30
        day = None
    return min(day or default, timezone.localdate())


def state(tie: Tie) -> ecomap.TieState:
    return ecomap.TieState(tie.thread, tie.name, tie.category, tie.strength, tie.is_informal)


@role_required(*STAFF_WITH_FILES)
def household_maps(request):
    """The households of the coordinator's programmes, with or without a map."""
    households = (
        Household.objects.visible_to(request.user)
        .annotate(has_map=Exists(NetworkMap.objects.filter(household=OuterRef("pk"))))
        .prefetch_related("parents")
        .order_by("-has_map", "-pk")
    )
    return render(
        request, "support_figures/household_maps.html", {"households": page_of(request, households)}
    )


@role_required(*STAFF_WITH_FILES)
def household_map(request, pk: int):
    household = get_object_or_404(Household.objects.visible_to(request.user), pk=pk)
    return _open_or_start(request, {"household": household}, household)


@role_required(Role.CARE_PROFESSIONAL)
def young_person_map(request, pk: int):
    person = get_object_or_404(YoungPersonInCare.objects.visible_to(request.user), pk=pk)
    return _open_or_start(request, {"young_person": person}, person)


def _open_or_start(request, subject: dict, label):
    existing = NetworkMap.objects.filter(**subject).first()
    if existing:
        return redirect("support_figures:map_detail", pk=existing.pk)
    if request.method == "POST":
        network_map = NetworkMap.objects.create(**subject, created_by=request.user)
        messages.success(request, _("De netwerkkaart is begonnen. Zet de eerste mensen erop."))
        return redirect("support_figures:map_detail", pk=network_map.pk)
    return render(request, "support_figures/map_start.html", {"subject": label})


def visible_map(request, pk: int, *, edit: bool = False) -> NetworkMap:
    if edit:
        queryset = NetworkMap.objects.editable_by(request.user)
    else:
        queryset = NetworkMap.objects.visible_to(request.user)
    queryset = queryset.select_related(
        "household__postcode_area", "young_person__postcode_area", "young_person__municipality"
    ).prefetch_related("household__parents")
    return get_object_or_404(queryset, pk=pk)


def change_rows(ties, user, refused: TieChangeForm | None) -> list:
    """Each tie with its change form. A refused form stays with its relationship, also when
    that moved on to a new row; when it ended meanwhile, it keeps a row of its own."""
    thread = refused.tie.thread if refused else None
    rows = [(tie, refused if tie.thread == thread else TieChangeForm(tie, user)) for tie in ties]
    if refused and thread not in {tie.thread for tie in ties}:
        rows.append((refused.tie, refused))
    return rows


@role_required(*MAP_READERS)
def map_detail(request, pk: int, tie_form=None, change_form=None, status=200):
    network_map = visible_map(request, pk)
    day = day_from(request, "op", timezone.localdate())
    ties = list(network_map.ties.on(day).select_related("partner", "volunteer"))
    editable = day == timezone.localdate() and request.user.role != Role.YOUTH
    if editable:
        rows = change_rows(ties, request.user, change_form)
    else:
        rows = [(tie, None) for tie in ties]
    return render(
        request,
        "support_figures/map_detail.html",
        {
            "map": network_map,
            "day": day,
            "is_today": day == timezone.localdate(),
            "rows": rows,
            "nodes": ecomap.layout(ties, [tie.name for tie in ties]),
            "canvas": {"width": ecomap.WIDTH, "height": ecomap.HEIGHT},
            "centre": (ecomap.CENTRE_X, ecomap.CENTRE_Y, ecomap.CENTRE_RADIUS),
            "node_radius": ecomap.NODE_RADIUS,
            "strengths": TieStrength.choices,
            "categories": TieCategory.choices,
            "tie_form": (tie_form or TieForm(network_map, request.user)) if editable else None,
            "conferences": network_map.conferences.all(),
        },
        status=status,
    )


@require_POST
@role_required(*MAP_EDITORS)
def add_tie(request, pk: int):
    network_map = visible_map(request, pk, edit=True)
    form = TieForm(network_map, request.user, request.POST)
    if not form.is_valid():
        return map_detail(request, pk, tie_form=form, status=400)
    tie = form.save_for()
    messages.success(request, _("%(name)s staat op de kaart.") % {"name": tie.name})
    return redirect("support_figures:map_detail", pk=pk)


@require_POST
@role_required(*MAP_EDITORS)
def change_tie(request, pk: int):
    maps = NetworkMap.objects.editable_by(request.user).values("pk")
    # An ended tie too: its form then says that someone else changed it meanwhile.
    tie = get_object_or_404(Tie.objects.filter(network_map__in=maps), pk=pk)
    form = TieChangeForm(tie, request.user, request.POST)
    if not saved(form, form.save):
        return map_detail(request, tie.network_map_id, change_form=form, status=400)
    kept = form.cleaned_data["strength"]  # empty: the tie stopped
    message = _("De band met %(name)s is bijgewerkt.") if kept else _("%(name)s is van de kaart.")
    messages.success(request, message % {"name": tie.name})
    return redirect("support_figures:map_detail", pk=tie.network_map_id)


@role_required(*MAP_READERS)
def compare_map(request, pk: int):
    """Two moments of the network side by side; by default the start of the map and today."""
    network_map = visible_map(request, pk)
    before = day_from(request, "van", network_map.started_on)
    after = day_from(request, "tot", timezone.localdate())
    before, after = min(before, after), max(before, after)
    comparison = ecomap.compare(
        [state(t) for t in network_map.ties.on(before)],
        [state(t) for t in network_map.ties.on(after)],
        STRENGTH_ORDER,
    )
    strengths, categories = dict(TieStrength.choices), dict(TieCategory.choices)
    rows = [
        {
            "name": change.name,
            "category": categories[change.category],
            "before": strengths.get(change.before, "–"),
            "after": strengths.get(change.after, "–"),
            "kind": change.kind,
            "change": CHANGE_LABELS[change.kind],
        }
        for change in comparison.changes
    ]
    return render(
        request,
        "support_figures/map_compare.html",
        {
            "map": network_map,
            "before": before,
            "after": after,
            "comparison": comparison,
            "rows": rows,
            "counts": [(CHANGE_LABELS[kind], comparison.count(kind)) for kind in CHANGE_LABELS],
        },
    )
