"""Matches (koppelingen): one request with one offer, from proposal to closure."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.privacy.scoping import ScopedQuerySet
from omzien.workflow import StatusChange, VersionedStatusModel, table


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("voorgesteld")
    INTRODUCTION_PLANNED = "introduction_planned", _("kennismaking gepland")
    INTRODUCTION_HELD = "introduction_held", _("kennismaking gehouden")
    AGREED = "agreed", _("beide zeggen ja")
    ACTIVE = "active", _("loopt")
    PAUSED = "paused", _("gepauzeerd")
    CLOSING = "closing", _("wordt afgesloten")
    CLOSED = "closed", _("afgesloten")
    DECLINED = "declined", _("niet doorgegaan")


M = MatchStatus
MATCH_WORKFLOW = table(
    proposed=(M.INTRODUCTION_PLANNED, M.DECLINED),
    introduction_planned=(M.INTRODUCTION_HELD, M.DECLINED),
    introduction_held=(M.AGREED, M.DECLINED),
    agreed=(M.ACTIVE, M.DECLINED),
    active=(M.PAUSED, M.CLOSING),
    paused=(M.ACTIVE, M.CLOSING),
    closing=(M.CLOSED,),
)

OPEN_MATCH_STATUSES = [s for s in MatchStatus.values if s not in {M.CLOSED, M.DECLINED}]


class MatchQuerySet(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        return self.filter(request__programme__in=programme_ids)

    def open(self):
        return self.filter(status__in=OPEN_MATCH_STATUSES)


class Match(VersionedStatusModel):
    request = models.ForeignKey(
        "intake.Request",
        on_delete=models.CASCADE,
        related_name="matches",
        verbose_name=_("hulpvraag"),
    )
    offer = models.ForeignKey(
        "intake.Offer", on_delete=models.CASCADE, related_name="matches", verbose_name=_("aanbod")
    )
    status = models.CharField(
        _("status"), max_length=30, choices=MatchStatus.choices, default=M.PROPOSED
    )
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    explanation = models.JSONField(_("uitleg"), default=dict, blank=True)
    proposed_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("voorgesteld door"),
    )
    proposed_at = models.DateTimeField(_("voorgesteld op"), default=timezone.now)
    introduction_on = models.DateField(_("datum kennismaking"), null=True, blank=True)
    started_on = models.DateField(_("gestart op"), null=True, blank=True)
    ended_on = models.DateField(_("geëindigd op"), null=True, blank=True)

    objects = MatchQuerySet.as_manager()
    workflow = MATCH_WORKFLOW

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("koppeling")
        verbose_name_plural = _("koppelingen")
        constraints = [
            # A request has at most one match under way; the database guards it against races.
            models.UniqueConstraint(
                fields=["request"],
                condition=Q(status__in=OPEN_MATCH_STATUSES),
                name="match_one_open_per_request",
            )
        ]

    def __str__(self) -> str:
        return f"{self.request} – {self.offer}"


class MatchStatusChange(StatusChange):
    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="status_changes")


Match.log_model, Match.log_field = MatchStatusChange, "match"
