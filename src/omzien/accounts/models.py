"""Users: every account has one role and a scope (organisation, programmes, municipality)."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from omzien.access.roles import Role


class UserQuerySet(models.QuerySet):
    def coordinators_of(self, programmes):
        """The active coordinators of any of these programmes: whom mails about them reach."""
        return self.filter(
            role=Role.COORDINATOR, is_active=True, programmes__in=programmes
        ).distinct()

    def mail_addresses(self) -> list[str]:
        return sorted(set(self.exclude(email="").values_list("email", flat=True)))


class OmzienUserManager(UserManager.from_queryset(UserQuerySet)):
    """Django's user manager, with the domain words of `UserQuerySet`."""


class User(AbstractUser):
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        "programmes.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("organisatie"),
    )
    programmes = models.ManyToManyField(
        "programmes.Programme", blank=True, related_name="staff", verbose_name=_("programma's")
    )
    municipality = models.ForeignKey(
        "geo.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("gemeente"),
    )
    must_change_password = models.BooleanField(
        _("moet een nieuw wachtwoord kiezen"),
        default=False,
        help_text=_("Na een wachtwoord van de beheerder: bij de volgende keer inloggen."),
    )

    objects = OmzienUserManager()

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def has_role(self, *roles: str) -> bool:
        return self.is_authenticated and self.is_active and self.role in roles
