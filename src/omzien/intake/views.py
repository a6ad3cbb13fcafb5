from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _

from omzien.access.checks import STAFF_WITH_FILES, role_required
from omzien.geo.models import Neighbourhood
from omzien.programmes.selection import selected_programme
from omzien.web.paging import page_of, querystring_without

from . import worklists
from .forms import TransitionForm
from .models import Offer, Request


@role_required(*STAFF_WITH_FILES)
def waiting_list(request):
    """Households waiting longest first, and the volunteers who can take one more."""
    programmes, programme = selected_programme(request)
    requests = (
        Request.objects.visible_to(request.user)
        .filter(programme=programme)
        .waiting()
        .select_related(
            "household__postcode_area__neighbourhood", "youth__postcode_area__neighbourhood"
        )
        .prefetch_related("household__parents", "household__children")
    )
    offers = (
        Offer.objects.visible_to(request.user)
        .filter(programme=programme)
        .available()
        .select_related("volunteer__postcode_area__neighbourhood")
    )
    return render(
        request,
        "intake/waiting_list.html",
        {
            "programmes": programmes,
            "programme": programme,
            "requests": page_of(request, requests, "gezinnen"),
            "offers": page_of(request, offers, "vrijwilligers"),
            "requests_query": querystring_without(request, "gezinnen"),
            "offers_query": querystring_without(request, "vrijwilligers"),
        },
    )


def transition_form(obj) -> TransitionForm:
    return TransitionForm(obj)


def apply_transition(request, obj) -> TransitionForm | None:
    """Apply a posted step to a request or offer; the form comes back when it was refused."""
    form = TransitionForm(obj, request.POST)
    if form.is_valid():
        try:
            form.save(by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("De stap is vastgelegd: %(status)s.") % {"status": obj.get_status_display()},
            )
            return None
    return form


@role_required(*STAFF_WITH_FILES)
def work_lists(request):
    """The coordinator's lists of what to do next, one at a time, filterable and paginated."""
    programmes, programme = selected_programme(request)
    current = worklists.BY_SLUG.get(request.GET.get("lijst"), worklists.WORK_LISTS[0])
    neighbourhood, search = (
        request.GET.get("buurt", "").strip(),
        request.GET.get("zoek", "").strip(),
    )
    tables = {
        table: page_of(
            request, worklists.filtered(table, qs, neighbourhood, search), f"pagina-{table}"
        )
        for table, qs in worklists.rows(current.slug, request.user, programme).items()
    }
    neighbourhoods = (
        Neighbourhood.objects.filter(district__municipality__programmes=programme).order_by("name")
        if programme
        else Neighbourhood.objects.none()
    )
    return render(
        request,
        "intake/work_lists.html",
        {
            "programmes": programmes,
            "programme": programme,
            "lists": list(
                zip(
                    worklists.WORK_LISTS,
                    worklists.counts(request.user, programme).values(),
                    strict=True,
                )
            ),
            "current": current,
            "tables": tables,
            "neighbourhoods": neighbourhoods,
            "neighbourhood": neighbourhood,
            "search": search,
            "query": querystring_without(
                request, "pagina-requests", "pagina-offers", "pagina-certificates"
            ),
        },
    )
