"""What every endpoint shares: language, body limit, the authorisation matrix and the request log."""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.generics import GenericAPIView

from ..audit import log_use
from ..language import in_requested_language, speaks
from ..problems import InvalidInput, PayloadTooLarge

DEFAULT_MAX_BODY_BYTES = 64 * 1024  # a referral is a few kilobytes


def max_body_bytes() -> int:
    return getattr(settings, "OMZIEN_API_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES)


class ApiView(GenericAPIView):
    # Subclasses set `scope` (a token must carry it) and `roles` (the account must have one).
    # No docstring here: the OpenAPI document would give it to every operation.

    scope: str
    roles: tuple[str, ...] = ()
    referral_id: int | None = None  # the referral this call created or read, for the log

    def dispatch(self, request, *args, **kwargs):
        with in_requested_language(request) as language:
            response = super().dispatch(request, *args, **kwargs)
            # Render now: lazy texts must be translated while the client's language is active.
            if not getattr(response, "is_rendered", True):
                response.render()
        return speaks(response, language)

    def initial(self, request, *args, **kwargs) -> None:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > max_body_bytes():
            raise PayloadTooLarge(
                _("De inhoud is %(size)s bytes; het maximum is %(max)s bytes.")
                % {"size": length, "max": max_body_bytes()}
            )
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        log_use(request._request, response.status_code, self)
        return response


def query(serializer_class, request) -> dict:
    """Validated query parameters; wrong ones are named in the problem's `errors`."""
    params = serializer_class(data=request.query_params)
    errors = blank_parameters(params, request.query_params)
    if not params.is_valid():
        errors += [
            {"parameter": name, "detail": str(error), "code": error.code}
            for name, messages in params.errors.items()
            for error in messages
        ]
    if errors:
        raise InvalidInput(errors)
    return params.validated_data


def blank_parameters(params, query_params) -> list[dict]:
    """`status=` with nothing after it: DRF would read it as no filter at all, which the
    document does not allow and the client surely did not mean."""
    return [
        {
            "parameter": name,
            "detail": _("Deze parameter is leeg. Geef een waarde, of laat hem weg."),
            "code": "blank",
        }
        for name in params.fields
        if "" in query_params.getlist(name)
    ]
