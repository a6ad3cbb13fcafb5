"""The privacy officer: an organisation's administrator given the capability, for their own
organisation; functional management (superuser) sees the whole audit trail."""

from functools import wraps

from django.core.exceptions import PermissionDenied

from omzien.access.checks import role_required
from omzien.access.roles import Role

CAPABILITY = "privacy.act_as_privacy_officer"
AUDIT_ROLES = (Role.ORG_ADMIN, Role.SUPERUSER)


def is_privacy_officer(user) -> bool:
    return (
        user.has_role(Role.ORG_ADMIN)
        and user.organisation_id is not None
        and user.has_perm(CAPABILITY)
    )


def may_read_audit(user) -> bool:
    return user.has_role(Role.SUPERUSER) or is_privacy_officer(user)


def officer_required(*, audit: bool = False):
    """Privacy officers only; with `audit`, functional management too."""
    allowed = may_read_audit if audit else is_privacy_officer

    def decorator(view):
        @wraps(view)
        def inner(request, *args, **kwargs):
            if not allowed(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return role_required(*(AUDIT_ROLES if audit else (Role.ORG_ADMIN,)))(inner)

    return decorator
