"""The API's authorisation matrix: a token's scope for the endpoint, the account's role for the data.

Every view names one `scope` and the `roles` it serves; deny by default, as `role_required` does
for the web pages.
"""

from django.utils.translation import gettext as _
from rest_framework import exceptions, permissions

from .models import ApiToken


class ScopeAndRole(permissions.BasePermission):
    def has_permission(self, request, view) -> bool:
        token = request.auth
        if not isinstance(token, ApiToken):
            return False  # DRF answers 401 with the Bearer challenge
        scope = getattr(view, "scope", None)
        if scope is None or not token.allows(scope):
            raise exceptions.PermissionDenied(
                _("Deze sleutel is niet uitgegeven voor dit doel (%(scope)s).") % {"scope": scope},
                code="insufficient_scope",
            )
        if not request.user.has_role(*getattr(view, "roles", ())):
            raise exceptions.PermissionDenied(
                _("Het account van deze koppeling mag dit niet."), code="role_not_allowed"
            )
        return True
