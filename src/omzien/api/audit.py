"""Log each use of a token (also a refused one) in `ApiRequestLog` and in the audit trail.

The path is kept without its query string and no body is stored: the log must not become a
second copy of personal data. A call about a referral lands in the audit trail with that
referral, so "who looked at this family's file?" finds API clients too.
"""

from django.http import HttpRequest

from omzien.intake.models import Referral
from omzien.privacy.models import AuditAction
from omzien.privacy.recording import record

from .models import ApiRequestLog


def log_use(request: HttpRequest, status: int, view) -> None:
    token = getattr(request, "omzien_api_token", None)
    if token is None:
        return  # no token we know: nobody to attribute the call to
    client = token.client
    ApiRequestLog.objects.create(
        client=client,
        token=token,
        client_name=str(client)[:420],
        account=client.account.get_username(),
        method=request.method[:10],
        path=request.path[:300],
        operation=getattr(view, "operation", "")[:60],
        status=status,
        referral_id=getattr(view, "referral_id", None),
    )
    _audit(request, status, getattr(view, "referral_id", None), client.account)


def _audit(request: HttpRequest, status: int, referral_id: int | None, account) -> None:
    if status >= 400:
        action = AuditAction.REFUSED
    else:
        action = AuditAction.CREATE if request.method == "POST" else AuditAction.VIEW
    found = referral_id is not None and status < 400
    referral = Referral.objects.filter(pk=referral_id).first() if found else None
    match = request.resolver_match
    record(
        account,
        action,
        obj=referral,
        request=request,
        url_name=match.view_name if match else "",
        status_code=status,
    )
