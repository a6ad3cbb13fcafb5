"""Referrals in, their step out: a client sees its own referrals and nothing else."""

import re

from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from omzien.access.roles import Role
from omzien.intake.models import REFERRAL_STATUS_OF
from omzien.intake.referrals.views import referrals_of

from ..models import Scope
from ..pagination import Pages
from ..problems import InvalidInput
from ..schema import IDEMPOTENCY_KEY, ok, problems
from ..serializers.referrals import ReferralFilter, ReferralInput, ReferralSerializer
from ..services.referrals import create_referral
from .base import ApiView, query

REFERRAL_ID = OpenApiParameter(
    "id", int, OpenApiParameter.PATH, description="The referral's number, from its creation."
)
KEY_RE = re.compile(r"^[\x21-\x7e]{8,100}$")


def idempotency_key(request) -> str:
    key = request.headers.get("Idempotency-Key", "")
    if not KEY_RE.match(key):
        raise InvalidInput(
            [
                {
                    "parameter": "Idempotency-Key",
                    "detail": _(
                        "Stuur een Idempotency-Key van 8 tot 100 zichtbare ASCII-tekens, "
                        "bijvoorbeeld een UUID."
                    ),
                    "code": "required" if not key else "invalid",
                }
            ]
        )
    return key


def filtered(referrals, filters: dict):
    if "status" in filters:
        # Only where the family still allows feedback: a filter must not reveal a hidden step.
        steps = [step for step, shown in REFERRAL_STATUS_OF.items() if shown == filters["status"]]
        referrals = referrals.filter(feedback_allowed=True, request__status__in=steps)
    if "created_after" in filters:
        referrals = referrals.filter(created_at__date__gte=filters["created_after"])
    return referrals


class ReferralList(ApiView):
    scope = Scope.REFERRALS
    roles = (Role.REFERRER,)
    pagination_class = Pages

    @extend_schema(
        operation_id="referrals_list",
        summary="Your referrals and their steps",
        description="The referrals made with this client's account, newest first, with the "
        "step each is in: what the referrer's page on the website shows, never the file.",
        parameters=[ReferralFilter],
        responses={**ok(ReferralSerializer(many=True)), **problems(404)},
        tags=["referrals"],
    )
    def get(self, request):
        self.operation = "referrals_list"
        referrals = filtered(referrals_of(request.user), query(ReferralFilter, request))
        page = self.paginate_queryset(referrals)
        return self.get_paginated_response(ReferralSerializer(page, many=True).data)

    @extend_schema(
        operation_id="referrals_create",
        summary="Refer a family, with its consent",
        description="Makes the same referral as the referral form on the website. Send an "
        "`Idempotency-Key`: a retry with the same key and body returns the referral made "
        "first (status 200, header `Idempotent-Replayed: true`) instead of a second one. A "
        "family registered already is referred all the same; the family's e-mail says so.",
        parameters=[IDEMPOTENCY_KEY],
        request=ReferralInput,
        responses={
            **ok(ReferralSerializer, "The referral was made.", 201),
            **ok(ReferralSerializer, "Made before under this key; nothing new was made."),
            **problems(409, 413, 415),
        },
        tags=["referrals"],
    )
    def post(self, request):
        self.operation = "referrals_create"
        key = idempotency_key(request)
        payload = ReferralInput(data=request.data)
        payload.is_valid(raise_exception=True)
        referral, created = create_referral(request.auth.client, payload.validated_data, key)
        self.referral_id = referral.pk
        shown = referrals_of(request.user).get(pk=referral.pk)
        headers = {"Location": reverse("api:referral", args=[referral.pk])}
        if not created:
            headers["Idempotent-Replayed"] = "true"
        return Response(
            ReferralSerializer(shown).data, status=201 if created else 200, headers=headers
        )


class ReferralDetail(ApiView):
    scope = Scope.REFERRALS
    roles = (Role.REFERRER,)

    @extend_schema(
        operation_id="referrals_read",
        summary="The step of one of your referrals",
        description="Poll this to follow a referral. Another client's referral, or one that "
        "does not exist, gives 404: the answer never says which.",
        parameters=[REFERRAL_ID],
        responses={**ok(ReferralSerializer), **problems(404)},
        tags=["referrals"],
    )
    def get(self, request, pk: int):
        self.operation = "referrals_read"
        referral = referrals_of(request.user).filter(pk=pk).first()
        if referral is None:
            raise NotFound(_("U hebt geen verwijzing met dit nummer."), code="referral_not_found")
        self.referral_id = referral.pk
        return Response(ReferralSerializer(referral).data)
