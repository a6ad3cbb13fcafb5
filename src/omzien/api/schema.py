"""Pieces of the OpenAPI document that every operation shares: its problems and their headers."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from .problems import CONTENT_TYPE
from .serializers.common import ProblemSerializer

JSON = "application/json"

PROBLEM_DESCRIPTIONS = {
    400: "Invalid input: malformed JSON, a wrong type, an unknown field or a broken rule. "
    "`errors` says which value and why.",
    401: "No token, or a token that is unknown, expired or revoked.",
    403: "The token was not issued for this scope, or its account may not do this.",
    404: "Not found, or not yours.",
    406: "Only `application/json` is served.",
    409: "The `Idempotency-Key` was used before for a different referral.",
    413: "The body is larger than the limit.",
    415: "Send `Content-Type: application/json`.",
    429: "Too many requests from this client; wait `Retry-After` seconds.",
}
# What can go wrong with any call that needs a token.
TOKEN_PROBLEMS = (400, 401, 403, 406, 429)


def problems(*codes: int) -> dict:
    """Responses keyed by (status, media type), as drf-spectacular takes them."""
    return {
        (code, CONTENT_TYPE): OpenApiResponse(ProblemSerializer, PROBLEM_DESCRIPTIONS[code])
        for code in sorted(set(TOKEN_PROBLEMS) | set(codes))
    }


def ok(serializer, description: str = "", code: int = 200) -> dict:
    return {(code, JSON): OpenApiResponse(serializer, description)}


IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    str,
    OpenApiParameter.HEADER,
    required=True,
    pattern=r"^[\x21-\x7e]{8,100}$",
    description="A key you make up for this one referral (a UUID is fine), 8 to 100 visible "
    "ASCII characters. Send the same key when you retry: the referral is made once.",
)

HEADERS = {
    "429": {
        "Retry-After": {
            "description": "Seconds until this client may call again.",
            "required": True,
            "schema": {"type": "integer", "minimum": 1},
        }
    },
    "401": {
        "WWW-Authenticate": {
            "description": "The scheme to use: `Bearer`.",
            "required": True,
            "schema": {"type": "string"},
        }
    },
}


def postprocess(result, generator, request, public):
    """Input objects refuse unknown fields; 401 and 429 carry their headers."""
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Input"):
            component["additionalProperties"] = False
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for code, headers in HEADERS.items():
                if code in operation.get("responses", {}):
                    operation["responses"][code]["headers"] = headers
    return result


class ApiAutoSchema(AutoSchema):
    """Every operation states the token scope it needs and the account roles it serves."""

    def get_extensions(self) -> dict:
        extensions = super().get_extensions()
        scope = getattr(self.view, "scope", None)
        if scope:
            extensions |= {"x-scope": str(scope), "x-roles": sorted(self.view.roles)}
        return extensions
