from django.shortcuts import render

from omzien.privacy.access import STAFF_WITH_FILES, role_required
from omzien.programmes.selection import selected_programme
from omzien.web.paging import page_of, querystring_without

from .models import Match, MatchStatus


@role_required(*STAFF_WITH_FILES)
def match_list(request):
    programmes, programme = selected_programme(request)
    matches = (
        Match.objects.visible_to(request.user)
        .filter(request__programme=programme)
        .select_related("request__household", "request__youth", "offer__volunteer", "proposed_by")
        .prefetch_related("request__household__parents")
    )
    status = request.GET.get("status")
    if status in MatchStatus.values:
        matches = matches.filter(status=status)
    return render(
        request,
        "matches/match_list.html",
        {
            "programmes": programmes,
            "programme": programme,
            "statuses": MatchStatus.choices,
            "status": status,
            "matches": page_of(request, matches),
            "query": querystring_without(request, "pagina"),
        },
    )
