"""Retention: how long a programme keeps personal data after closure, legal holds, and what was
anonymised when."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .subject import AboutSubject, one_subject

DEFAULT_KEEP_MONTHS = 24  # two years after the last match closed


class RetentionPolicy(models.Model):
    programme = models.OneToOneField(
        "programmes.Programme",
        on_delete=models.CASCADE,
        related_name="retention_policy",
        verbose_name=_("programma"),
    )
    keep_months = models.PositiveSmallIntegerField(
        _("bewaren na afsluiting (maanden)"),
        default=DEFAULT_KEEP_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_("Na de laatste afgesloten koppeling of aanmelding. Standaard 24 maanden."),
    )

    class Meta:
        verbose_name = _("bewaartermijn")
        verbose_name_plural = _("bewaartermijnen")

    def __str__(self) -> str:
        return f"{self.programme}: {self.keep_months}"


class LegalHoldQuerySet(models.QuerySet):
    def current(self):
        return self.filter(lifted_at__isnull=True)


class LegalHold(AboutSubject):
    """Keeps one file from being anonymised, for example during a complaint or a court case."""

    reason = models.TextField(_("reden"))
    placed_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("door")
    )
    placed_at = models.DateTimeField(_("sinds"), default=timezone.now)
    lifted_at = models.DateTimeField(_("opgeheven op"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = LegalHoldQuerySet.as_manager()

    class Meta:
        ordering = ["-placed_at"]
        verbose_name = _("bewaarplicht")
        verbose_name_plural = _("bewaarplichten")
        constraints = [
            one_subject("legal_hold_one_subject"),
            *(
                models.UniqueConstraint(
                    fields=[kind],
                    condition=Q(lifted_at__isnull=True, **{f"{kind}__isnull": False}),
                    name=f"legal_hold_one_current_per_{kind}",
                )
                for kind in ("household", "youth", "volunteer")
            ),
        ]

    def __str__(self) -> str:
        return str(_("Bewaarplicht sinds %(date)s") % {"date": f"{self.placed_at:%d-%m-%Y}"})


class AnonymisationReason(models.TextChoices):
    RETENTION = "retention", _("bewaartermijn verlopen")
    ERASURE = "erasure", _("verzoek om wissen")


class Anonymisation(AboutSubject):
    """That a person's data was anonymised, when and why: the rows stay for the totals."""

    at = models.DateTimeField(_("wanneer"), default=timezone.now)
    reason = models.CharField(_("waarom"), max_length=20, choices=AnonymisationReason.choices)
    by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-at"]
        verbose_name = _("anonimisering")
        verbose_name_plural = _("anonimiseringen")
        constraints = [one_subject("anonymisation_one_subject")]
