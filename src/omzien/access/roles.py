"""The roles a user can have; every account has exactly one."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("coördinator")
    ORG_ADMIN = "org_admin", _("beheerder organisatie")
    REFERRER = "referrer", _("verwijzer")
    CARE_PROFESSIONAL = "care_professional", _("jeugdprofessional")
    VOLUNTEER = "volunteer", _("vrijwilliger")
    PARENT = "parent", _("ouder")
    YOUTH = "youth", _("jongere")
    ANALYST = "analyst", _("beleidsmedewerker")
    RESEARCHER = "researcher", _("onderzoeker")
    SUPERUSER = "superuser", _("functioneel beheer")


# One form of address per audience: "je" for volunteers and young people, "u" for parents
# and professionals.
INFORMAL = frozenset({Role.VOLUNTEER, Role.YOUTH})
