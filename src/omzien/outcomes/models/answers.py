"""Answered questionnaires (administrations), their answers, and the goals of a family (GAS).

All of this is personal data: reach it only through `objects.visible_to(user)`.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.access.scoping import ScopedQuerySet
from omzien.workflow import StatusChange, Versioned, VersionedStatusModel, table

from .instruments import Instrument, InstrumentVersion, Item, Phase, Respondent


class AdministrationStatus(models.TextChoices):
    DUE = "due", _("open")
    ANSWERED = "answered", _("ingevuld")
    SUPERSEDED = "superseded", _("vervangen")
    CANCELLED = "cancelled", _("vervallen")


A = AdministrationStatus
ADMINISTRATION_WORKFLOW = table(
    due=(A.ANSWERED, A.CANCELLED),
    answered=(A.SUPERSEDED,),  # a new administration for the same moment replaces it
)
# At most one of these per request, instrument and moment: the database refuses a second.
LIVE = [A.DUE, A.ANSWERED]


class Mode(models.TextChoices):
    PAPER = "paper", _("op papier, ingevoerd door de coördinator")
    OWN_PAGE = "own_page", _("zelf ingevuld op de eigen pagina")


def own_requests(user):
    """The requests of a parent's household or of a young person, through their own account."""
    from omzien.intake.models import Request
    from omzien.people.models import Parent

    return Request.objects.filter(
        Q(household__in=Parent.objects.filter(account=user).values("household"))
        | Q(youth__account=user)
    )


RESPONDENT_OF_ROLE = {
    "parent": Respondent.PARENT,
    "youth": Respondent.YOUTH,
    "volunteer": Respondent.VOLUNTEER,
}


class AdministrationQuerySet(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        return self.filter(request__programme__in=programme_ids)

    def own_of(self, user):
        """A parent, young person or volunteer sees what they were asked to fill in themself."""
        from omzien.matches.models import Match

        respondent = RESPONDENT_OF_ROLE.get(user.role)
        if respondent is None:
            return self.none()
        if respondent == Respondent.VOLUNTEER:
            return self.filter(respondent=respondent, match__in=Match.objects.own_of(user))
        return self.filter(respondent=respondent, request__in=own_requests(user))

    def live(self):
        return self.filter(status__in=LIVE)

    def answered(self):
        return self.filter(status=A.ANSWERED)


class Administration(VersionedStatusModel):
    """One questionnaire for one request at one moment: due, answered, or replaced by another."""

    request = models.ForeignKey(
        "intake.Request",
        on_delete=models.CASCADE,
        related_name="questionnaires",
        verbose_name=_("hulpvraag"),
    )
    match = models.ForeignKey(
        "matches.Match",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questionnaires",
        verbose_name=_("koppeling"),
    )
    instrument = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, related_name="administrations"
    )
    instrument_version = models.ForeignKey(
        InstrumentVersion,
        on_delete=models.PROTECT,
        related_name="administrations",
        verbose_name=_("versie"),
    )
    phase = models.CharField(_("moment"), max_length=10, choices=Phase.choices)
    # 0 at intake and closure; the first, second, ... evaluation for interim measurements.
    round = models.PositiveSmallIntegerField(_("ronde"), default=0)
    respondent = models.CharField(_("wie vult in"), max_length=20, choices=Respondent.choices)
    status = models.CharField(_("status"), max_length=20, choices=A.choices, default=A.DUE)
    due_on = models.DateField(_("klaar om in te vullen vanaf"), null=True, blank=True)
    answered_on = models.DateField(_("ingevuld op"), null=True, blank=True)
    entered_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingevoerd door"),
    )
    mode = models.CharField(_("manier"), max_length=10, choices=Mode.choices, blank=True)
    # Scores per subscale, "" for the total: fixed when answered, because the version is.
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    replaces = models.OneToOneField(
        "self",
        # Rows are never deleted one by one; erasing a family takes all of them at once.
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("vervangt"),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = AdministrationQuerySet.as_manager()
    workflow = ADMINISTRATION_WORKFLOW

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ingevulde vragenlijst")
        verbose_name_plural = _("ingevulde vragenlijsten")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "instrument", "phase", "round"],
                condition=Q(status__in=LIVE),
                name="administration_one_live_per_moment",
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument} ({self.get_phase_display()})"

    @property
    def total(self) -> float | None:
        return self.scores.get("")

    def subscale_scores(self) -> list[tuple[str, float | None]]:
        version = self.instrument_version
        return sorted(
            (version.subscale_name(name), value) for name, value in self.scores.items() if name
        )


class AdministrationStatusChange(StatusChange):
    administration = models.ForeignKey(
        Administration, on_delete=models.CASCADE, related_name="status_changes"
    )


Administration.log_model, Administration.log_field = AdministrationStatusChange, "administration"


class OfAdministrationQuerySet(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        return self.filter(administration__request__programme__in=programme_ids)

    def own_of(self, user):
        return self.filter(administration__in=Administration.objects.own_of(user))


class Answer(models.Model):
    """One answered item; a skipped item has no row."""

    administration = models.ForeignKey(
        Administration, on_delete=models.CASCADE, related_name="answers"
    )
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="answers")
    value = models.SmallIntegerField(_("antwoord"))

    objects = OfAdministrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.UniqueConstraint(fields=["administration", "item"], name="answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.value}"


class GoalQuerySet(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        return self.filter(request__programme__in=programme_ids)


class Goal(Versioned):
    """A goal set with the family at intake, scored at evaluations and closure (-2 .. +2).

    Versioned: two coordinators may edit the goals of one family at once."""

    request = models.ForeignKey("intake.Request", on_delete=models.CASCADE, related_name="goals")
    position = models.PositiveSmallIntegerField(_("volgorde"), default=1)
    description = models.CharField(_("doel"), max_length=300)
    expected = models.CharField(
        _("verwacht resultaat"),
        max_length=300,
        blank=True,
        help_text=_("Hoe ziet het eruit als het doel zo is bereikt als verwacht?"),
    )
    weight = models.PositiveSmallIntegerField(
        _("gewicht"), default=1, validators=[MinValueValidator(1), MaxValueValidator(3)]
    )
    set_on = models.DateField(_("gesteld op"), default=timezone.localdate)

    objects = GoalQuerySet.as_manager()

    class Meta:
        ordering = ["request", "position", "pk"]
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")

    def __str__(self) -> str:
        return self.description


class GoalScore(models.Model):
    administration = models.ForeignKey(
        Administration, on_delete=models.CASCADE, related_name="goal_scores"
    )
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="scores")
    level = models.SmallIntegerField(
        _("bereikt niveau"), validators=[MinValueValidator(-2), MaxValueValidator(2)]
    )

    objects = OfAdministrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("score van een doel")
        verbose_name_plural = _("scores van doelen")
        constraints = [
            models.UniqueConstraint(fields=["administration", "goal"], name="goal_score_once"),
            models.CheckConstraint(
                condition=Q(level__gte=-2, level__lte=2), name="goal_score_level_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.goal_id}: {self.level:+d}"
