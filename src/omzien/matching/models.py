"""Plans for a whole pool: the engine proposes, a coordinator accepts or rejects each pair."""

from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from omzien.privacy.scoping import ScopedQuerySet


class ProgrammeScoped(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        return self.filter(programme__in=programme_ids)


class PlanRun(models.Model):
    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="plan_runs"
    )
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    total_score = models.FloatField(_("totale score"))
    matched = models.PositiveIntegerField(_("gekoppeld"))
    unmatched = models.PositiveIntegerField(_("niet gekoppeld"))
    components = models.PositiveIntegerField(_("losse groepen"))
    seconds = models.FloatField(_("rekentijd (s)"))
    fairness = models.JSONField(_("eerlijkheid"), default=dict)

    objects = ProgrammeScoped.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("plan")
        verbose_name_plural = _("plannen")

    def __str__(self) -> str:
        return _("Plan van %(date)s") % {
            "date": formats.date_format(timezone.localtime(self.created_at), "DATETIME_FORMAT")
        }


class Decision(models.TextChoices):
    PENDING = "pending", _("nog beslissen")
    ACCEPTED = "accepted", _("geaccepteerd")
    REJECTED = "rejected", _("afgewezen")


class PlanProposalQuerySet(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        return self.filter(run__programme__in=programme_ids)


class PlanProposal(models.Model):
    run = models.ForeignKey(PlanRun, on_delete=models.CASCADE, related_name="proposals")
    request = models.ForeignKey("intake.Request", on_delete=models.CASCADE, related_name="+")
    offer = models.ForeignKey("intake.Offer", on_delete=models.CASCADE, related_name="+")
    score = models.FloatField(_("score"))
    explanation = models.JSONField(_("uitleg"), default=dict)
    decision = models.CharField(
        _("besluit"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = PlanProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-score", "pk"]
        verbose_name = _("voorstel")
        verbose_name_plural = _("voorstellen")

    def __str__(self) -> str:
        return f"{self.request} – {self.offer}"


class PairRuleKind(models.TextChoices):
    LOCK = "lock", _("vastgezet")
    EXCLUDE = "exclude", _("uitgesloten")


class PairRule(models.Model):
    """A coordinator's word on one pair that every later plan honours: keep it, or never propose it."""

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="pair_rules"
    )
    request = models.ForeignKey("intake.Request", on_delete=models.CASCADE, related_name="+")
    offer = models.ForeignKey("intake.Offer", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("soort"), max_length=10, choices=PairRuleKind.choices)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ProgrammeScoped.as_manager()

    class Meta:
        verbose_name = _("regel voor een paar")
        verbose_name_plural = _("regels voor paren")
        constraints = [models.UniqueConstraint(fields=["request", "offer"], name="pair_rule_once")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.request} – {self.offer}"
