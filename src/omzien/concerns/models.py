"""Concerns (zorgsignalen) about a child's safety, followed through the five Meldcode steps.

Need-to-know: only coordinators of the match's programme see a concern at all, and of those
only the handler and the reporter open it without giving a reason (see `access.py`).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.access.roles import Role
from omzien.access.scoping import ScopedQuerySet, programme_ids
from omzien.workflow import StatusChange, VersionedStatusModel, table


class ConcernStatus(models.TextChoices):
    REPORTED = "reported", _("gemeld")
    SIGNS_MAPPED = "signs_mapped", _("stap 1 gedaan: signalen in kaart")
    CONSULTED = "consulted", _("stap 2 gedaan: overlegd")
    TALKED = "talked", _("stap 3 gedaan: gesprek gevoerd")
    RISK_WEIGHED = "risk_weighed", _("stap 4 gedaan: risico gewogen")
    DECIDED = "decided", _("stap 5 gedaan: besluit genomen")
    CLOSED = "closed", _("afgesloten")


C = ConcernStatus
# The Meldcode in order: no step can be skipped, and closing comes only after step 5.
CONCERN_WORKFLOW = table(
    reported=(C.SIGNS_MAPPED,),
    signs_mapped=(C.CONSULTED,),
    consulted=(C.TALKED,),
    talked=(C.RISK_WEIGHED,),
    risk_weighed=(C.DECIDED,),
    decided=(C.CLOSED,),
)


class MeldcodeStep(models.IntegerChoices):
    SIGNS = 1, _("Stap 1: signalen in kaart brengen")
    CONSULT = 2, _("Stap 2: overleggen met een collega of Veilig Thuis")
    CONVERSATION = 3, _("Stap 3: gesprek met de betrokkene")
    WEIGH = 4, _("Stap 4: het risico wegen")
    DECIDE = 5, _("Stap 5: beslissen: hulp organiseren of melden")


# The status a concern has once a step is done, and the step that comes next in each status.
STATUS_AFTER = {1: C.SIGNS_MAPPED, 2: C.CONSULTED, 3: C.TALKED, 4: C.RISK_WEIGHED, 5: C.DECIDED}
NEXT_STEP = {C.REPORTED: 1, C.SIGNS_MAPPED: 2, C.CONSULTED: 3, C.TALKED: 4, C.RISK_WEIGHED: 5}


class Decision(models.TextChoices):
    HELP = "help", _("Hulp geboden of georganiseerd")
    REPORTED = "reported", _("Gemeld bij Veilig Thuis")
    HELP_AND_REPORTED = "help_and_reported", _("Gemeld bij Veilig Thuis én hulp georganiseerd")
    NO_FURTHER_ACTION = "no_further_action", _("Geen verdere actie nodig (leg uit waarom)")


class ConcernQuerySet(ScopedQuerySet):
    def visible_to(self, user) -> "ConcernQuerySet":
        """Stricter than other personal data: coordinators of the programme only, no org_admin."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role != Role.COORDINATOR:
            return self.none()
        return self.in_programmes(programme_ids(user))

    def in_programmes(self, programme_ids):
        return self.filter(match__request__programme__in=programme_ids)

    def reported_by_user(self, user):
        """A reporter's own reports: only that each exists and when it came in, never the steps."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none().values("pk", "reported_on")
        return (
            self.filter(reported_by=user)
            .order_by("-reported_on", "-pk")
            .values("pk", "reported_on")
        )

    def open(self):
        return self.exclude(status=C.CLOSED)

    def closed(self):
        return self.filter(status=C.CLOSED)

    def with_direct_access(self, user):
        """`direct`: the user opens it without a reason (handler, reporter, or nobody took it up)."""
        direct = Q(handler__isnull=True) | Q(handler=user) | Q(reported_by=user)
        return self.annotate(direct=ExpressionWrapper(direct, output_field=BooleanField()))


class Concern(VersionedStatusModel):
    match = models.ForeignKey(
        "matches.Match",
        on_delete=models.CASCADE,
        related_name="concerns",
        verbose_name=_("koppeling"),
    )
    child = models.ForeignKey(
        "people.Child",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("over welk kind"),
    )
    reported_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("gemeld door")
    )
    reported_on = models.DateField(_("gemeld op"), default=timezone.localdate)
    signs = models.TextField(_("wat is er gezien of gehoord?"))
    handler = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("behandelaar"),
    )
    status = models.CharField(
        _("status"), max_length=30, choices=ConcernStatus.choices, default=C.REPORTED
    )
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)

    objects = ConcernQuerySet.as_manager()
    workflow = CONCERN_WORKFLOW

    class Meta:
        ordering = ["-reported_on", "-pk"]
        verbose_name = _("zorgsignaal")
        verbose_name_plural = _("zorgsignalen")

    def __str__(self) -> str:
        return _("Zorgsignaal %(number)s") % {"number": self.pk}

    @property
    def next_step(self) -> int | None:
        return NEXT_STEP.get(self.status)

    def next_step_label(self) -> str:
        return MeldcodeStep(self.next_step).label if self.next_step else ""

    def check_guard(self, target: str) -> None:
        if target == C.CLOSED and set(self.steps.values_list("step", flat=True)) != set(
            MeldcodeStep.values
        ):
            raise ValidationError(
                _("Een zorgsignaal sluit je pas af als alle vijf stappen zijn gezet."),
                code="steps_missing",
            )

    def check_step(self, step: int, on: date, decision: str, today: date) -> None:
        """Refuse a step out of order, dated before the report or the step before, or in the future."""
        if step != self.next_step:
            raise ValidationError(
                _("Deze stap is nu niet aan de beurt. Eerst: %(next)s.")
                % {"next": self.next_step_label() or _("afsluiten")},
                code="out_of_order",
            )
        errors = {}
        previous = self.steps.order_by("-step").values_list("on", flat=True).first()
        if on > today:
            errors["on"] = _("Een stap kan niet in de toekomst liggen.")
        elif on < self.reported_on:
            errors["on"] = _("Een stap kan niet vóór de melding liggen.")
        elif previous and on < previous:
            errors["on"] = _("Een stap kan niet vóór de vorige stap liggen.")
        if step == MeldcodeStep.DECIDE and not decision:
            errors["decision"] = _("Kies wat je besluit.")
        if errors:
            raise ValidationError(errors)

    def record_step(
        self, step: int, *, on: date, note: str, by, decision: str = ""
    ) -> "ConcernStep":
        """Date and sign the next step; the first coordinator who signs becomes the handler."""
        self.check_step(step, on, decision, timezone.localdate())
        changes = {"handler": by} if self.handler_id is None else {}
        with transaction.atomic():
            self.transition(STATUS_AFTER[step], by=by, **changes)
            return ConcernStep.objects.create(
                concern=self, step=step, on=on, note=note, decision=decision, signed_by=by
            )

    def close(self, *, by, reason: str = "") -> None:
        self.transition(C.CLOSED, by=by, reason=reason, closed_on=timezone.localdate())


class ConcernStatusChange(StatusChange):
    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="status_changes")


Concern.log_model, Concern.log_field = ConcernStatusChange, "concern"


class OfConcernQuerySet(ScopedQuerySet):
    """Rows that belong to a concern: exactly as visible as the concern itself."""

    def visible_to(self, user):
        return self.filter(concern__in=Concern.objects.visible_to(user).values("pk"))

    def in_programmes(self, programme_ids):
        return self.filter(concern__match__request__programme__in=programme_ids)


class ConcernStep(models.Model):
    """One Meldcode step: dated, with a note, signed by a coordinator; step 5 holds the decision."""

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="steps")
    step = models.PositiveSmallIntegerField(_("stap"), choices=MeldcodeStep.choices)
    on = models.DateField(_("datum"))
    note = models.TextField(_("toelichting"))
    decision = models.CharField(_("besluit"), max_length=20, choices=Decision.choices, blank=True)
    signed_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("getekend door")
    )
    signed_at = models.DateTimeField(_("getekend op"), default=timezone.now)

    objects = OfConcernQuerySet.as_manager()

    class Meta:
        ordering = ["step"]
        verbose_name = _("stap van de meldcode")
        verbose_name_plural = _("stappen van de meldcode")
        constraints = [
            # Two coordinators signing the same step at once: the database keeps one.
            models.UniqueConstraint(fields=["concern", "step"], name="concern_step_once"),
            models.CheckConstraint(
                condition=Q(step=MeldcodeStep.DECIDE, decision__gt="")
                | (~Q(step=MeldcodeStep.DECIDE) & Q(decision="")),
                name="concern_decision_at_step_five",
            ),
        ]

    def __str__(self) -> str:
        return self.get_step_display()


class ConcernAccessQuerySet(OfConcernQuerySet):
    def update(self, **kwargs):
        raise ValidationError(_("Een vastgelegde inzage verandert niet meer."))

    def delete(self):
        raise ValidationError(_("Een vastgelegde inzage wordt niet verwijderd."))


class ConcernAccess(models.Model):
    """A coordinator other than the handler opened the concern, and said why ('break the glass')."""

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="accesses")
    user = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("wie")
    )
    at = models.DateTimeField(_("wanneer"), default=timezone.now)
    reason = models.TextField(_("reden"))

    objects = ConcernAccessQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("inzage in een zorgsignaal")
        verbose_name_plural = _("inzage in zorgsignalen")

    def __str__(self) -> str:
        return f"{self.user} ({self.at:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        # Append-only: a logged access is never rewritten.
        if not self._state.adding:
            raise ValidationError(_("Een vastgelegde inzage verandert niet meer."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Een vastgelegde inzage wordt niet verwijderd."))
