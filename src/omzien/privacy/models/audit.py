"""The audit trail: who did what with which person's data, when and from where.

Append-only: the application never changes or deletes a row (save, delete and the queryset's
update and delete refuse; on PostgreSQL a trigger refuses too). A row holds ids, never names:
it outlives the person's erasure, so it points with plain numbers rather than foreign keys.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.access.roles import Role


class AuditAction(models.TextChoices):
    VIEW = "view", _("ingezien")
    CREATE = "create", _("aangemaakt")
    CHANGE = "change", _("gewijzigd")
    EXPORT = "export", _("geëxporteerd")
    ERASE = "erase", _("gewist")
    ANONYMISE = "anonymise", _("geanonimiseerd (bewaartermijn)")
    REFUSED = "refused", _("geweigerd")
    DELETE = "delete", _("verwijderd")


class AppendOnly(PermissionDenied):
    """Raised on any attempt to rewrite or remove the audit trail."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly("The audit trail is append-only.")

    def delete(self):
        raise AppendOnly("The audit trail is append-only.")

    def about(self, kind: str, pk: int) -> "AuditEventQuerySet":
        """Every row about one person: as the subject, or as the object itself."""
        from omzien.privacy.subjects import SUBJECT_MODELS

        label = SUBJECT_MODELS[kind]._meta.label_lower
        return self.filter(Q(**{f"{kind}_id": pk}) | Q(object_type=label, object_id=pk))

    def visible_to_officer(self, user) -> "AuditEventQuerySet":
        """The whole trail for the installation's functional management; for an organisation's
        privacy officer the rows about its people and the rows of its staff."""
        from omzien.accounts.models import User
        from omzien.people.models import Household, Volunteer, Youth
        from omzien.privacy.officer import is_privacy_officer

        if user.has_role(Role.SUPERUSER):
            return self.all()
        if not is_privacy_officer(user):
            return self.none()
        organisation = user.organisation_id
        staff = User.objects.filter(
            Q(organisation=organisation) | Q(programmes__organisation=organisation)
        ).values("pk")
        return self.filter(
            Q(user_id__in=staff)
            | Q(household_id__in=Household.objects.visible_to(user).values("pk"))
            | Q(youth_id__in=Youth.objects.visible_to(user).values("pk"))
            | Q(volunteer_id__in=Volunteer.objects.visible_to(user).values("pk"))
        )


class AuditEvent(models.Model):
    at = models.DateTimeField(_("wanneer"), default=timezone.now, db_index=True)
    # No foreign-key constraint: the row stays when an account is removed; username keeps who.
    user = models.ForeignKey(
        "accounts.User",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wie"),
    )
    username = models.CharField(_("gebruikersnaam"), max_length=150, blank=True)
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, blank=True)
    action = models.CharField(_("wat"), max_length=20, choices=AuditAction.choices)
    url_name = models.CharField(_("pagina"), max_length=200, blank=True)
    url_kwargs = models.JSONField(_("nummers in het adres"), default=dict, blank=True)
    method = models.CharField(_("methode"), max_length=10, blank=True)
    status_code = models.PositiveSmallIntegerField(_("antwoord"), null=True, blank=True)
    object_type = models.CharField(_("soort gegeven"), max_length=100, blank=True)
    object_id = models.PositiveBigIntegerField(_("nummer"), null=True, blank=True)
    household_id = models.PositiveBigIntegerField(_("gezin"), null=True, blank=True)
    youth_id = models.PositiveBigIntegerField(_("jongere"), null=True, blank=True)
    volunteer_id = models.PositiveBigIntegerField(_("vrijwilliger"), null=True, blank=True)
    ip_address = models.GenericIPAddressField(_("vanaf adres"), null=True, blank=True)
    count = models.PositiveIntegerField(_("aantal regels"), null=True, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("auditregel")
        verbose_name_plural = _("audittrail")
        indexes = [
            models.Index(fields=["household_id"], name="audit_household"),
            models.Index(fields=["youth_id"], name="audit_youth"),
            models.Index(fields=["volunteer_id"], name="audit_volunteer"),
            models.Index(fields=["object_type", "object_id"], name="audit_object"),
        ]
        permissions = [
            (
                "act_as_privacy_officer",
                _("Functionaris gegevensbescherming: audittrail, bewaartermijnen en rechten"),
            )
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.url_name}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnly("The audit trail is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("The audit trail is append-only.")
