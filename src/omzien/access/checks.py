"""Who may open which page: roles checked before any view code runs. Deny by default.

Every visit through `role_required` is also audited: a view that touched personal data, and
every refusal, leaves one row in the audit trail. The recorder lives in the privacy app, above
this layer, so it is named by the setting `AUDIT_RECORDER` rather than imported.
"""

from functools import cache, wraps
from importlib import import_module

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from .roles import Role

# Roles that work with the files of people (and see them whole, within their programmes).
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
    recording = recorder()
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


@cache
def recorder():
    """The audit recorder module: `start`, `finish` and `stop` a watched visit."""
    return import_module(settings.AUDIT_RECORDER)
