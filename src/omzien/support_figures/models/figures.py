"""Support figures (steunfiguren): who stands beside a young person in care, and since when.

A young person can propose a mentor from their own network; the professional confirms or
declines. A figure is never overwritten: a new one starts, the old one ends, and every step is
logged, so the history of who was there stays visible.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.access.scoping import ScopedQuerySet
from omzien.workflow import StatusChange, VersionedStatusModel, table

from .care import YoungPersonInCare


class SupportFigureKind(models.TextChoices):
    CHOSEN_MENTOR = "chosen_mentor", _("mentor die de jongere zelf koos uit het eigen netwerk")
    CITIZEN_GUARDIAN = "citizen_guardian", _("burgervoogd")
    PROGRAMME_MENTOR = "programme_mentor", _("vrijwillige mentor van een programma")
    FAMILY_MEMBER = "family_member", _("familielid")


class SupportFigureStatus(models.TextChoices):
    PROPOSED = "proposed", _("voorgesteld")
    ACTIVE = "active", _("bevestigd")
    DECLINED = "declined", _("niet bevestigd")
    ENDED = "ended", _("gestopt")


F = SupportFigureStatus
SUPPORT_FIGURE_WORKFLOW = table(
    proposed=(F.ACTIVE, F.DECLINED),
    active=(F.ENDED,),
)
# Statuses in which a figure has been (or still is) there for the young person.
CONFIRMED = (F.ACTIVE, F.ENDED)


class SupportFigureQuerySet(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        return self.filter(programme__in=programme_ids)

    def own_of(self, user):
        return self.filter(young_person__in=YoungPersonInCare.objects.own_of(user).values("pk"))

    def confirmed(self):
        return self.filter(status__in=CONFIRMED, started_on__isnull=False)

    def present_on(self, day):
        return self.confirmed().filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=day), started_on__lte=day
        )

    def awaiting_confirmation(self):
        return self.filter(status=F.PROPOSED)


class SupportFigure(VersionedStatusModel):
    young_person = models.ForeignKey(
        YoungPersonInCare,
        on_delete=models.CASCADE,
        related_name="support_figures",
        verbose_name=_("jongere"),
    )
    kind = models.CharField(
        _("soort steunfiguur"), max_length=20, choices=SupportFigureKind.choices
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SupportFigureStatus.choices, default=F.PROPOSED
    )
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("achternaam"), max_length=100)
    relation = models.CharField(
        _("wie is dit voor de jongere?"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: oom, trainer van de voetbalclub, buurvrouw."),
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    motivation = models.TextField(_("waarom deze persoon?"), blank=True)
    # The programme a mentor comes from, or that asks for screening; its type sets the VOG rule.
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="support_figures",
        verbose_name=_("programma"),
    )
    conversation_on = models.DateField(_("kennismakingsgesprek op"), null=True, blank=True)
    certificate_issued_on = models.DateField(_("datum van de VOG"), null=True, blank=True)
    started_on = models.DateField(_("steunfiguur sinds"), null=True, blank=True)
    ended_on = models.DateField(_("gestopt op"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voorgesteld door"),
    )
    proposed_at = models.DateTimeField(_("voorgesteld op"), default=timezone.now)

    objects = SupportFigureQuerySet.as_manager()
    workflow = SUPPORT_FIGURE_WORKFLOW

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("steunfiguur")
        verbose_name_plural = _("steunfiguren")

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def latest_reason(self) -> str:
        """Why the last step was taken (for a decline: why not), from the prefetched log."""
        changes = list(self.status_changes.all())
        return changes[-1].reason if changes else ""

    def check_guard(self, target: str) -> None:
        """Confirming checks the screening the kind asks for and that this is not the professional."""
        if target == F.ACTIVE:
            from ..screening import check_support_figure

            check_support_figure(self)


class SupportFigureStatusChange(StatusChange):
    support_figure = models.ForeignKey(
        SupportFigure, on_delete=models.CASCADE, related_name="status_changes"
    )
    # A professional's account may be removed when they leave; the young person's history stays.
    by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )


SupportFigure.log_model, SupportFigure.log_field = SupportFigureStatusChange, "support_figure"
