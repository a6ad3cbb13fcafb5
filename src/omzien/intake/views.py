from django.shortcuts import render

from omzien.privacy.access import STAFF_WITH_FILES, role_required
from omzien.programmes.selection import selected_programme
from omzien.web.paging import page_of, querystring_without

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
