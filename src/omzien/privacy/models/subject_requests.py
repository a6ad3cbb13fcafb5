"""A data subject's request (export, correction, erasure), how it was handled and why."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .subject import AboutSubject, one_subject


class RequestKind(models.TextChoices):
    EXPORT = "export", _("inzage en kopie")
    CORRECT = "correct", _("correctie")
    ERASE = "erase", _("wissen")


class RequestOutcome(models.TextChoices):
    DONE = "done", _("uitgevoerd")
    REFUSED = "refused", _("geweigerd")


class SubjectRequest(AboutSubject):
    kind = models.CharField(_("soort verzoek"), max_length=10, choices=RequestKind.choices)
    handled_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("door")
    )
    handled_at = models.DateTimeField(_("wanneer"), default=timezone.now)
    outcome = models.CharField(_("uitkomst"), max_length=10, choices=RequestOutcome.choices)
    # Written by the application from fixed sentences: why a request was (partly) refused.
    explanation = models.TextField(_("uitleg"), blank=True)

    class Meta:
        ordering = ["-handled_at", "-pk"]
        verbose_name = _("verzoek van een betrokkene")
        verbose_name_plural = _("verzoeken van betrokkenen")
        constraints = [one_subject("subject_request_one_subject")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.get_outcome_display()}"
