"""Screening of volunteers: certificate of conduct (VOG), references and training."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from omzien.access.scoping import ScopedQuerySet


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for candidate in (day.day, 30, 29, 28):  # 31 January + 1 month is 28 or 29 February
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


class VolunteerScoped(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        from omzien.intake.models import Offer

        return self.filter(
            volunteer__in=Offer.objects.filter(programme__in=programme_ids).values("volunteer")
        )


class CertificateQuerySet(VolunteerScoped):
    def valid_on(self, day: date):
        return self.filter(issued_on__isnull=False, valid_until__gte=day)

    def expiring_between(self, start: date, end: date):
        return self.filter(valid_until__gte=start, valid_until__lte=end)


class Certificate(models.Model):
    """A certificate of conduct (Verklaring Omtrent het Gedrag)."""

    volunteer = models.ForeignKey(
        "people.Volunteer",
        on_delete=models.CASCADE,
        related_name="certificates",
        verbose_name=_("vrijwilliger"),
    )
    requested_on = models.DateField(_("aangevraagd op"), default=timezone.localdate)
    issued_on = models.DateField(_("datum van de VOG"), null=True, blank=True)
    valid_until = models.DateField(_("geldig tot"), null=True, blank=True, editable=False)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-requested_on"]
        verbose_name = _("VOG")
        verbose_name_plural = _("VOG's")
        # One row per volunteer and dates, also without an issue date (NULLs count as distinct
        # in a plain unique constraint): a double click must not record a VOG twice.
        constraints = [
            models.UniqueConstraint(
                fields=["volunteer", "requested_on", "issued_on"],
                condition=Q(issued_on__isnull=False),
                name="one_certificate_per_issue",
            ),
            models.UniqueConstraint(
                fields=["volunteer", "requested_on"],
                condition=Q(issued_on__isnull=True),
                name="one_open_certificate_per_request",
            ),
        ]

    def __str__(self) -> str:
        if self.issued_on:
            return _("VOG van %(date)s") % {"date": date_format(self.issued_on)}
        return _("VOG aangevraagd op %(date)s") % {"date": date_format(self.requested_on)}

    def save(self, *args, **kwargs):
        self.valid_until = (
            add_months(self.issued_on, self.validity_months()) if self.issued_on else None
        )
        super().save(*args, **kwargs)

    def clean(self) -> None:
        today = timezone.localdate()
        if self.issued_on and self.issued_on > today:
            raise ValidationError(
                {"issued_on": _("De datum van de VOG kan niet in de toekomst liggen.")}
            )
        if self.issued_on and self.requested_on and self.issued_on < self.requested_on:
            raise ValidationError({"issued_on": _("De VOG kan niet van vóór de aanvraag zijn.")})

    def validity_months(self) -> int:
        """The strictest validity among the programmes this volunteer offers help in."""
        from omzien.programmes.models import ProgrammeType

        months = ProgrammeType.objects.filter(
            programmes__offers__volunteer_id=self.volunteer_id
        ).values_list("vog_validity_months", flat=True)
        return min(months, default=36)


class ReferenceOutcome(models.TextChoices):
    PENDING = "pending", _("nog niet gesproken")
    POSITIVE = "positive", _("positief")
    NEGATIVE = "negative", _("negatief")


class Reference(models.Model):
    volunteer = models.ForeignKey(
        "people.Volunteer",
        on_delete=models.CASCADE,
        related_name="references",
        verbose_name=_("vrijwilliger"),
    )
    name = models.CharField(_("naam"), max_length=200)
    relation = models.CharField(_("relatie"), max_length=200, blank=True)
    contacted_on = models.DateField(_("gesproken op"), null=True, blank=True)
    outcome = models.CharField(
        _("uitkomst"),
        max_length=10,
        choices=ReferenceOutcome.choices,
        default=ReferenceOutcome.PENDING,
    )

    objects = VolunteerScoped.as_manager()

    class Meta:
        verbose_name = _("referentie")
        verbose_name_plural = _("referenties")

    def __str__(self) -> str:
        return self.name


class TrainingSession(models.Model):
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.CASCADE,
        related_name="training_sessions",
        verbose_name=_("programma"),
    )
    title = models.CharField(_("titel"), max_length=200)
    held_on = models.DateField(_("datum"))

    class Meta:
        ordering = ["-held_on"]
        verbose_name = _("training")
        verbose_name_plural = _("trainingen")

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on})"


class Attendance(models.Model):
    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="attendances"
    )
    volunteer = models.ForeignKey(
        "people.Volunteer", on_delete=models.CASCADE, related_name="attendances"
    )
    attended = models.BooleanField(_("aanwezig"), default=True)

    objects = VolunteerScoped.as_manager()

    class Meta:
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheid")
        constraints = [
            models.UniqueConstraint(fields=["session", "volunteer"], name="attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} – {self.session}"
