"""Who may open which page: roles checked before any view code runs. Deny by default."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

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
            if not user.has_role(*roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.allowed_roles = frozenset(roles)
        return wrapper

    return decorator
