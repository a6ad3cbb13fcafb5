"""Consent per purpose: when and how it was given, and when it was withdrawn."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.access.consent import ConsentSource, Purpose
from omzien.access.scoping import ScopedQuerySet

# Which person a consent belongs to: exactly one of these is filled in.
SUBJECT_FIELDS = ("household", "youth", "volunteer")


class ConsentQuerySet(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        from omzien.intake.models import Offer, Request

        requests = Request.objects.filter(programme__in=programme_ids)
        return self.filter(
            Q(household__in=requests.values("household"))
            | Q(youth__in=requests.values("youth"))
            | Q(volunteer__in=Offer.objects.filter(programme__in=programme_ids).values("volunteer"))
        )

    def current(self):
        return self.filter(withdrawn_at__isnull=True)

    def for_purpose(self, purpose: str):
        return self.current().filter(purpose=purpose)


class Consent(models.Model):
    household = models.ForeignKey(
        "people.Household", on_delete=models.CASCADE, null=True, blank=True, related_name="consents"
    )
    youth = models.ForeignKey(
        "people.Youth", on_delete=models.CASCADE, null=True, blank=True, related_name="consents"
    )
    volunteer = models.ForeignKey(
        "people.Volunteer", on_delete=models.CASCADE, null=True, blank=True, related_name="consents"
    )
    purpose = models.CharField(_("doel"), max_length=30, choices=Purpose.choices)
    given_at = models.DateTimeField(_("gegeven op"), default=timezone.now)
    source = models.CharField(_("hoe gegeven"), max_length=20, choices=ConsentSource.choices)
    recorded_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["given_at"]
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(household__isnull=False, youth__isnull=True, volunteer__isnull=True)
                | Q(household__isnull=True, youth__isnull=False, volunteer__isnull=True)
                | Q(household__isnull=True, youth__isnull=True, volunteer__isnull=False),
                name="consent_one_subject",
            ),
            # At most one current consent per person and purpose (one index per subject,
            # because NULLs never collide in a unique index).
            *(
                models.UniqueConstraint(
                    fields=[subject, "purpose"],
                    condition=Q(withdrawn_at__isnull=True, **{f"{subject}__isnull": False}),
                    name=f"consent_one_current_per_{subject}",
                )
                for subject in SUBJECT_FIELDS
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.get_source_display()})"

    @property
    def subject_kind(self) -> str:
        return next(kind for kind in SUBJECT_FIELDS if getattr(self, f"{kind}_id"))

    def withdraw(self) -> None:
        """Withdrawal takes effect at once: every check reads `current()`."""
        if self.withdrawn_at is None:
            self.withdrawn_at = timezone.now()
            self.save(update_fields=["withdrawn_at"])
