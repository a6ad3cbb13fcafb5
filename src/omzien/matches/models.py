"""Matches (koppelingen): one request with one offer, from proposal to closure."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.access.scoping import ScopedQuerySet
from omzien.vocabulary import OPEN_MATCH_STATUSES, ClosureReason, MatchStatus
from omzien.workflow import StatusChange, VersionedStatusModel, table

RUNNING_MATCH_STATUSES = sorted(set(OPEN_MATCH_STATUSES) - {MatchStatus.PAUSED})

M = MatchStatus
MATCH_WORKFLOW = table(
    # Without an introduction (the programme type says so) both sides say yes straight away.
    proposed=(M.INTRODUCTION_PLANNED, M.AGREED, M.DECLINED),
    introduction_planned=(M.INTRODUCTION_HELD, M.DECLINED),
    introduction_held=(M.AGREED, M.DECLINED),
    agreed=(M.ACTIVE, M.DECLINED),
    active=(M.PAUSED, M.CLOSING),
    paused=(M.ACTIVE, M.CLOSING),
    closing=(M.CLOSED,),
    closed=(M.ACTIVE,),  # reopening: once, within REOPEN_WITHIN_DAYS; see Match.check_guard
)


# Reasons that mean the match ran its course; the others end it early.
AS_PLANNED = frozenset({ClosureReason.GOALS_REACHED, ClosureReason.PLANNED_END})
REOPEN_WITHIN_DAYS = 30

INTRODUCTION_STEPS = frozenset({M.INTRODUCTION_PLANNED, M.INTRODUCTION_HELD})
# Contacts are logged while the match runs; a closed match keeps its log but takes no more.
CONTACT_STATUSES = frozenset({M.ACTIVE, M.PAUSED, M.CLOSING})


class MatchQuerySet(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        return self.filter(programme__in=programme_ids)

    def open(self):
        return self.filter(status__in=OPEN_MATCH_STATUSES)

    def own_of(self, user):
        """A volunteer's, parent's or young person's own matches, through their linked account.

        Their offers and requests are looked up first, in one query: an OR over joined tables
        would make the database read every match."""
        from omzien.intake.models import Offer, Request

        def keys(queryset, kind):
            return queryset.annotate(kind=Value(kind)).values_list("kind", "pk")

        found = keys(Offer.objects.filter(volunteer__account=user), "offer").union(
            keys(Request.objects.filter(household__parents__account=user), "request"),
            keys(Request.objects.filter(youth__account=user), "request"),
            all=True,
        )
        ids = {"offer": [], "request": []}
        for kind, pk in found:
            ids[kind].append(pk)
        return self.filter(Q(offer__in=ids["offer"]) | Q(request__in=ids["request"]))


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
    # The request's programme, copied when the match is made (a request never changes
    # programme): a coordinator's matches are then found without reading every match.
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.PROTECT,
        related_name="matches",
        editable=False,
        db_index=False,  # the index below starts with it
        verbose_name=_("programma"),
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
    closure_reason = models.CharField(
        _("reden van afsluiten"), max_length=20, choices=ClosureReason.choices, blank=True
    )
    closure_note = models.TextField(_("toelichting bij het afsluiten"), blank=True)
    ended_early = models.BooleanField(_("eerder gestopt dan gepland"), null=True, blank=True)
    specialist_care = models.BooleanField(
        _("specialistische jeugdhulp gestart tijdens de koppeling"), null=True, blank=True
    )
    reopened_on = models.DateField(_("heropend op"), null=True, blank=True)

    objects = MatchQuerySet.as_manager()
    workflow = MATCH_WORKFLOW
    # Closing and reopening ask for more than a reason: they have their own forms.
    automatic = frozenset({(M.CLOSING, M.CLOSED), (M.CLOSED, M.ACTIVE)})

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
        indexes = [
            # A programme's open or active matches (Vandaag), and its newest first (Koppelingen).
            models.Index(fields=["programme", "status"], name="match_programme_status"),
            models.Index(
                fields=["programme", "-proposed_at", "-id"], name="match_programme_newest"
            ),
            # An offer's open matches: how much room a volunteer has left (Wachtlijst).
            models.Index(
                fields=["offer"],
                condition=Q(status__in=OPEN_MATCH_STATUSES),
                name="match_open_by_offer",
            ),
            # The dashboard counts the running month live: matches started or ended in it.
            models.Index(fields=["started_on"], name="match_started_on"),
            models.Index(fields=["ended_on"], name="match_ended_on"),
        ]

    def __str__(self) -> str:
        return f"{self.request} – {self.offer}"

    def save(self, *args, **kwargs):
        if self.programme_id is None:
            self.programme_id = self.request.programme_id
        super().save(*args, **kwargs)

    def excluded_targets(self) -> frozenset[str]:
        if self.request.programme.programme_type.has_introduction:
            return frozenset({M.AGREED}) if self.status == M.PROPOSED else frozenset()
        return INTRODUCTION_STEPS

    @property
    def trial_ends_on(self):
        if self.started_on:
            days = self.request.programme.programme_type.trial_period_days
            return self.started_on + timedelta(days=days)
        return None

    @property
    def expected_end_on(self):
        """Roughly when the match should have run its course, by the programme type."""
        if self.started_on:
            months = self.request.programme.programme_type.expected_duration_months
            return self.started_on + timedelta(days=round(months * 30.44))
        return None

    def takes_contacts(self) -> bool:
        return self.started_on is not None and self.status in CONTACT_STATUSES

    def can_reopen(self, today) -> bool:
        """Once, within 30 days of closing."""
        return (
            self.status == M.CLOSED
            and self.reopened_on is None
            and self.ended_on is not None
            and today - self.ended_on <= timedelta(days=REOPEN_WITHIN_DAYS)
        )

    def check_guard(self, target: str) -> None:
        from omzien.intake.models import OfferStatus

        if self.status == M.CLOSED and target == M.ACTIVE:
            if not self.can_reopen(timezone.localdate()):
                raise ValidationError(
                    _(
                        "Een koppeling kan één keer heropend worden, binnen %(days)s dagen na het afsluiten."
                    )
                    % {"days": REOPEN_WITHIN_DAYS},
                    code="reopen",
                )
            if self.offer.status == OfferStatus.WITHDRAWN:
                raise ValidationError(
                    _("De vrijwilliger heeft afscheid genomen; koppel het gezin opnieuw."),
                    code="reopen",
                )
            others = Match.objects.open().filter(request_id=self.request_id).exclude(pk=self.pk)
            if others.exists():
                raise ValidationError(
                    _("Voor deze hulpvraag loopt al een andere koppeling."), code="reopen"
                )


class MatchStatusChange(StatusChange):
    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="status_changes")


Match.log_model, Match.log_field = MatchStatusChange, "match"


class MomentKind(models.TextChoices):
    CHECK_IN = "check_in", _("contactmoment")
    EVALUATION = "evaluation", _("evaluatie")
    CLOSING_EVALUATION = "closing_evaluation", _("eindevaluatie")


class OfMatchQuerySet(ScopedQuerySet):
    """Rows that belong to a match, scoped through its programme."""

    def in_programmes(self, programme_ids):
        return self.filter(match__programme__in=programme_ids)

    def own_of(self, user):
        return self.filter(match__in=Match.objects.own_of(user).values("pk"))


class MomentQuerySet(OfMatchQuerySet):
    def open(self):
        return self.filter(done_on__isnull=True, lapsed_on__isnull=True)

    def lapse(self, on):
        """Open moments of a match that closed: no longer due, and never overdue."""
        return self.open().update(lapsed_on=on)

    def running(self):
        """Moments of matches under way and not paused. Naming the statuses (rather than
        excluding "paused") lets the database find them through its index of open matches."""
        return self.open().filter(match__status__in=RUNNING_MATCH_STATUSES)

    def overdue(self, today):
        """Open moments past their date; a paused match is never overdue."""
        return self.running().filter(due_on__lt=today)

    def due_between(self, start, end):
        return self.running().filter(due_on__gte=start, due_on__lte=end)


class Moment(models.Model):
    """A planned check-in or evaluation of a match."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="moments")
    kind = models.CharField(_("soort"), max_length=20, choices=MomentKind.choices)
    due_on = models.DateField(_("gepland op"))
    done_on = models.DateField(_("gedaan op"), null=True, blank=True)
    done_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    lapsed_on = models.DateField(_("vervallen op"), null=True, blank=True)

    objects = MomentQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("moment")
        verbose_name_plural = _("momenten")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.due_on})"

    def is_overdue(self, today) -> bool:
        return (
            self.done_on is None
            and self.lapsed_on is None
            and self.due_on < today
            and self.match.status != MatchStatus.PAUSED
        )


class ContactKind(models.TextChoices):
    CALL = "call", _("telefoongesprek")
    VISIT = "visit", _("bezoek")
    MESSAGE = "message", _("bericht")


class ContactQuerySet(OfMatchQuerySet):
    def own_of(self, user):
        """A volunteer or parent sees the contacts they logged, never the coordinator's notes."""
        return super().own_of(user).filter(by=user)

    def hours(self):
        return self.aggregate(total=models.Sum("hours"))["total"] or 0


class Contact(models.Model):
    """A contact moment in the log of a match: who, when, how, a short note and the hours spent."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="contacts")
    on = models.DateField(_("datum"))
    kind = models.CharField(_("soort contact"), max_length=10, choices=ContactKind.choices)
    by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, null=True, related_name="+")
    note = models.TextField(_("korte notitie"), blank=True)
    hours = models.DecimalField(_("uren"), max_digits=5, decimal_places=2, default=0)

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["-on", "-pk"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacten")
        indexes = [models.Index(fields=["on"], name="contact_on")]  # the running month's hours

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.on})"


class Reminder(models.Model):
    """An e-mail reminder that went out; its unique link makes sure each is sent once."""

    moment = models.OneToOneField(
        Moment, on_delete=models.CASCADE, null=True, blank=True, related_name="reminder"
    )
    certificate = models.OneToOneField(
        "screening.Certificate",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminder",
    )
    sent_at = models.DateTimeField(_("verstuurd op"), default=timezone.now)
    recipients = models.PositiveSmallIntegerField(_("aantal ontvangers"), default=0)

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        constraints = [
            models.CheckConstraint(
                condition=Q(moment__isnull=False, certificate__isnull=True)
                | Q(moment__isnull=True, certificate__isnull=False),
                name="reminder_about_one_thing",
            )
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.sent_at:%Y-%m-%d}"
