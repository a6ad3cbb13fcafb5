"""The social map: where a professional can refer a family living at a postcode."""

from drf_spectacular.utils import extend_schema

from ..models import SCOPE_ROLES, Scope
from ..pagination import Pages
from ..schema import ok, problems
from ..serializers.programmes import ProgrammeFilter, ProgrammeSerializer
from ..services.social_map import figures_of, programmes_serving
from .base import ApiView, query


class ProgrammeList(ApiView):
    scope = Scope.SOCIAL_MAP
    roles = tuple(sorted(SCOPE_ROLES[Scope.SOCIAL_MAP]))
    pagination_class = Pages

    @extend_schema(
        operation_id="programmes_list",
        summary="Programmes serving a postcode, with their waiting figures",
        description="The social map: active programmes, those serving the municipality of "
        "`postcode` when given, with how many wait, their median wait and the volunteers "
        "available now. Counts below the suppression threshold are `null`, as on the "
        "dashboards.",
        parameters=[ProgrammeFilter],
        responses={**ok(ProgrammeSerializer(many=True)), **problems(404)},
        tags=["social map"],
    )
    def get(self, request):
        self.operation = "programmes_list"
        filters = query(ProgrammeFilter, request)
        programmes = programmes_serving(filters.get("postcode"), filters.get("serves"))
        page = self.paginate_queryset(programmes)
        figures = figures_of(page)
        for programme in page:
            programme.figures = figures[programme.pk]
        return self.get_paginated_response(ProgrammeSerializer(page, many=True).data)
