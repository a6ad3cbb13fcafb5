"""Who may open which page: roles checked before any view code runs. Deny by default.

Every visit through `role_required` is also audited (see `recording`): a view that touched
personal data, and every refusal, leaves one row in the audit trail.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from omzien.accounts.models import Role

STAFF_WITH_FILES = (Role.COORDINATOR, Role.ORG_ADMIN)


def role_required(*roles: str):
    """Only users with one of `roles` get in; others are sent to log in or refused."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            return audited(
                request, kwargs, lambda: checked(user, roles, view, request, args, kwargs)
            )

        wrapper.allowed_roles = frozenset(roles)
        return wrapper

    return decorator


def checked(user, roles, view, request, args, kwargs):
    if not user.has_role(*roles):
        raise PermissionDenied
    return view(request, *args, **kwargs)


def audited(request, kwargs, respond):
    """Run `respond` while watching what it does with personal data, then write the audit row."""
    from . import recording

    visit, token = recording.start(kwargs)
    if visit is None:  # an outer view already watches this request
        return respond()
    try:
        try:
            response = respond()
        except Http404:
            recording.finish(request, visit, 404)
            raise
        except PermissionDenied:
            recording.finish(request, visit, 403)
            raise
        recording.finish(request, visit, response.status_code)
        return response
    finally:
        recording.stop(token)
