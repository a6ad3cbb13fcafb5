"""Aggregates out: the dashboard's figures per municipality, district and period."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from omzien.insight.scope import INSIGHT_ROLES

from ..models import Scope
from ..schema import ok, problems
from ..serializers.aggregates import AggregatesFilter, AggregatesSerializer
from ..services.aggregates import figures_for
from .base import ApiView, query


class Aggregates(ApiView):
    scope = Scope.AGGREGATES
    roles = INSIGHT_ROLES

    @extend_schema(
        operation_id="aggregates_read",
        summary="The dashboard's figures for a municipality, district and period",
        description="Exactly the figures of the dashboard page for the same choices, with "
        "the same small-number suppression: a hidden count is `null`, never 0. An analyst "
        "sees the programmes serving their own municipality.",
        parameters=[AggregatesFilter],
        responses={**ok(AggregatesSerializer), **problems()},
        tags=["aggregates"],
    )
    def get(self, request):
        self.operation = "aggregates_read"
        return Response(figures_for(request.user, query(AggregatesFilter, request)))
