"""`Authorization: Bearer <token>`: the client's account becomes `request.user`."""

from django.contrib.auth import get_backends
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from .tokens import find_token

# Writing `last_used_at` on every call would make each read a write; once a minute is plenty.
LAST_USED_RESOLUTION_SECONDS = 60


Refused = exceptions.AuthenticationFailed  # its `code` names the reason in the problem details


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise Refused(_("Stuur precies één sleutel na ‘Bearer’."), "token_malformed")
        try:
            raw = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise Refused(_("Deze sleutel bestaat niet."), "token_invalid") from None
        token = find_token(raw)
        if token is None:
            raise Refused(_("Deze sleutel bestaat niet."), "token_invalid")
        # Remembered for the request log, also when the token is refused below.
        request._request.omzien_api_token = token
        if token.revoked_at is not None:
            raise Refused(_("Deze sleutel is ingetrokken."), "token_revoked")
        if token.is_expired:
            raise Refused(
                _("Deze sleutel is verlopen. Vraag een nieuwe sleutel aan."), "token_expired"
            )
        account = token.client.account
        if not account.is_active:
            raise Refused(_("Het account van deze koppeling is uitgezet."), "account_inactive")
        if not may_sign_in(account):
            raise Refused(
                _("Deze sleutel hoort bij de demo. Die werkt niet in productie."),
                "demo_in_production",
            )
        touch(token)
        return account, token

    def authenticate_header(self, request) -> str:
        return f'{self.keyword} realm="api"'


def may_sign_in(account) -> bool:
    """A key acts as its account, so the log-in backends decide whether it still may: they
    refuse the demo accounts (public passwords) in production."""
    return all(
        backend.user_can_authenticate(account)
        for backend in get_backends()
        if hasattr(backend, "user_can_authenticate")
    )


def touch(token) -> None:
    now = timezone.now()
    last = token.last_used_at
    if last is None or (now - last).total_seconds() > LAST_USED_RESOLUTION_SECONDS:
        type(token).objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = ApiTokenAuthentication
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A token issued to your organisation's system (`omz_…`). "
            "Each token is limited to the scopes it was issued for.",
        }
