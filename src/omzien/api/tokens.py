"""Issue and recognise API tokens: `omz_<prefix>_<secret>`, stored only as a SHA-256 hash.

The secret has 256 bits of randomness, so a fast hash suffices (no password stretching needed);
the prefix finds the row without revealing the secret.
"""

import hashlib
import hmac
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from omzien.accounts.models import Role, User

from .models import DEFAULT_TOKEN_DAYS, SCOPE_ROLES, ApiClient, ApiToken, Scope

TOKEN_PREFIX = "omz"


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def check_scopes(account: User, scopes) -> list[str]:
    """The scopes, in a fixed order, if the account's role may use each of them."""
    unknown = set(scopes) - set(Scope.values)
    if unknown:
        raise ValidationError(_("Onbekend doel: %(scopes)s.") % {"scopes": ", ".join(unknown)})
    refused = [s for s in scopes if account.role not in SCOPE_ROLES[s]]
    if refused:
        raise ValidationError(
            _("Een account met rol ‘%(role)s’ kan dit doel niet gebruiken: %(scopes)s.")
            % {"role": Role(account.role).label, "scopes": ", ".join(refused)}
        )
    if not scopes:
        raise ValidationError(_("Kies minstens één doel."))
    return [s for s in Scope.values if s in scopes]


def issue_token(
    client: ApiClient, scopes, *, days: int = DEFAULT_TOKEN_DAYS, raw: str | None = None
) -> tuple[ApiToken, str]:
    """A new token for `client`; the raw token is returned once and never stored.

    `raw` lets the demo use a fixed, printed token; it must have the token's shape.
    """
    scopes = check_scopes(client.account, scopes)
    if raw is None:
        raw = f"{TOKEN_PREFIX}_{secrets.token_hex(6)}_{secrets.token_urlsafe(32)}"
    prefix = prefix_of(raw)
    if prefix is None:
        raise ValidationError(_("Een sleutel ziet eruit als omz_<12 tekens>_<geheim>."))
    token = ApiToken.objects.create(
        client=client,
        prefix=prefix,
        key_hash=digest(raw),
        scopes=scopes,
        expires_at=ApiToken.default_expiry(days),
    )
    return token, raw


def prefix_of(raw: str) -> str | None:
    parts = raw.split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX or len(parts[1]) != 12 or len(parts[2]) < 20:
        return None
    return parts[1]


def find_token(raw: str) -> ApiToken | None:
    """The token row this raw token belongs to (maybe expired or revoked), or None."""
    prefix = prefix_of(raw)
    if prefix is None:
        return None
    token = ApiToken.objects.select_related("client__account").filter(prefix=prefix).first()
    if token is None or not hmac.compare_digest(token.key_hash, digest(raw)):
        return None
    return token


@transaction.atomic
def create_client(
    *,
    name: str,
    organisation_name: str,
    account: User,
    scopes,
    days: int = DEFAULT_TOKEN_DAYS,
    rate_limit: int | None = None,
    raw: str | None = None,
) -> tuple[ApiClient, str]:
    """A client acting as `account`, with its first token."""
    client = ApiClient(name=name, organisation_name=organisation_name, account=account)
    if rate_limit is not None:
        client.rate_limit = rate_limit
    client.save()
    _token, token = issue_token(client, scopes, days=days, raw=raw)
    return client, token
