"""Every error as problem details (RFC 9457, `application/problem+json`), in the client's language.

A problem has `type`, `title`, `status`, `detail` and `instance`, plus `code` (stable, for
programs) and, for invalid input, `errors`: one entry per wrong field with a JSON pointer into
the body (`pointer`) or the name of a query parameter or header (`parameter`).
"""

import logging
import math

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from .language import in_requested_language, speaks

logger = logging.getLogger(__name__)

CONTENT_TYPE = "application/problem+json"


class InvalidInput(exceptions.APIException):
    """Input that passed the types but not the rules; `errors` are problem error entries."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "validation_error"

    def __init__(self, errors: list[dict]) -> None:
        super().__init__(_("Controleer de invoer: %(n)s fout(en).") % {"n": len(errors)})
        self.errors = errors


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "payload_too_large"


def titles() -> dict[int, str]:
    return {
        400: _("Ongeldig verzoek"),
        401: _("Niet aangemeld"),
        403: _("Geen toegang"),
        404: _("Niet gevonden"),
        405: _("Methode niet toegestaan"),
        406: _("Formaat niet beschikbaar"),
        409: _("Conflict"),
        413: _("Verzoek te groot"),
        415: _("Soort inhoud niet ondersteund"),
        429: _("Te veel verzoeken"),
        500: _("Er ging iets mis bij ons"),
    }


def body(request: HttpRequest | None, status_code: int, code: str, detail: str) -> dict:
    anchor = f"{reverse('api:reference')}#problem-{code}"
    return {
        "type": request.build_absolute_uri(anchor) if request else anchor,
        "title": titles().get(status_code, _("Fout")),
        "status": status_code,
        "detail": str(detail),
        "code": code,
        "instance": request.path if request else "",
    }


def error_entries(detail, pointer: str = "#") -> list[dict]:
    """DRF's nested validation errors as a flat list of entries with a JSON pointer each."""
    if isinstance(detail, dict):
        return [
            entry
            for key, value in detail.items()
            for entry in error_entries(
                value, pointer if key in ("non_field_errors", "__all__") else f"{pointer}/{key}"
            )
        ]
    if isinstance(detail, list):
        if all(isinstance(item, exceptions.ErrorDetail | str) for item in detail):
            return [
                {"pointer": pointer, "detail": str(item), "code": getattr(item, "code", "invalid")}
                for item in detail
            ]
        return [e for i, item in enumerate(detail) for e in error_entries(item, f"{pointer}/{i}")]
    return [{"pointer": pointer, "detail": str(detail), "code": getattr(detail, "code", "invalid")}]


def own_detail(exc: exceptions.APIException, code: str) -> str | None:
    """Clearer words than DRF's for the problems a client meets first."""
    if isinstance(exc, exceptions.Throttled):
        return _(
            "Te veel verzoeken van deze koppeling. Probeer het over %(n)s seconden opnieuw."
        ) % {"n": max(1, math.ceil(exc.wait or 1))}
    return {
        "not_authenticated": _("Stuur een sleutel mee: Authorization: Bearer omz_…"),
        "unsupported_media_type": _("Stuur JSON, met Content-Type: application/json."),
        "not_acceptable": _("De API antwoordt alleen in JSON (application/json)."),
    }.get(code)


def exception_handler(exc, context) -> Response:
    """DRF's exception handler: problem details for every error, never an HTML page."""
    request = context["request"]._request if context.get("request") else None
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    set_rollback()
    if not isinstance(exc, exceptions.APIException):
        logger.exception("API request failed", exc_info=exc)
        data = body(request, 500, "server_error", _("Probeer het later opnieuw."))
        return Response(data, status=500, content_type=CONTENT_TYPE)
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if isinstance(exc, exceptions.Throttled):
        headers["Retry-After"] = str(max(1, math.ceil(exc.wait or 1)))
    if isinstance(exc, exceptions.ValidationError):
        errors = error_entries(exc.detail)
        data = body(
            request,
            400,
            "validation_error",
            _("Controleer de invoer: %(n)s fout(en).") % {"n": len(errors)},
        )
        data["errors"] = errors
    else:
        code = exc.detail.code if isinstance(exc.detail, exceptions.ErrorDetail) else None
        code = code or exc.default_code
        data = body(request, exc.status_code, code, own_detail(exc, code) or exc.detail)
        if isinstance(exc, InvalidInput):
            data["errors"] = exc.errors
    return Response(data, status=exc.status_code, headers=headers, content_type=CONTENT_TYPE)


def not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Any path under the API that matches no endpoint."""
    with in_requested_language(request) as language:
        data = body(request, 404, "not_found", _("Dit adres bestaat niet in de API."))
    response = JsonResponse(
        data, status=404, content_type=CONTENT_TYPE, json_dumps_params={"ensure_ascii": False}
    )
    return speaks(response, language)
