"""The one scoping layer: which rows of personal data a user may see.

Every view, export, API endpoint and task gets personal data through
`Model.objects.visible_to(user)`. Deny by default: a role without a rule sees nothing.
"""

from django.apps import apps
from django.db import models

from .roles import Role


def programme_ids(user) -> models.QuerySet:
    """The programmes whose people a staff user works with."""
    Programme = apps.get_model("programmes", "Programme")
    if user.role == Role.COORDINATOR:
        return Programme.objects.filter(staff=user).values("pk")
    if user.role == Role.ORG_ADMIN and user.organisation_id:
        return Programme.objects.filter(organisation_id=user.organisation_id).values("pk")
    return Programme.objects.none().values("pk")


# Roles that see the personal data of whole programmes.
PROGRAMME_ROLES = frozenset({Role.COORDINATOR, Role.ORG_ADMIN})


class ScopedQuerySet(models.QuerySet):
    """Base for every QuerySet of personal data."""

    def visible_to(self, user) -> "ScopedQuerySet":
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role in PROGRAMME_ROLES:
            return self.in_programmes(programme_ids(user))
        return self.own_of(user)

    def in_programmes(self, programme_ids) -> "ScopedQuerySet":
        """Rows that belong to these programmes; each model says how it hangs off a programme."""
        raise NotImplementedError

    def own_of(self, user) -> "ScopedQuerySet":
        """Rows about the user themself (volunteers, parents, youth); none unless a model says so."""
        return self.none()
