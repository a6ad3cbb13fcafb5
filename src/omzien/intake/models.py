"""Requests (hulpvragen) and offers (aanbod): what enters a programme, and their workflows."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from omzien.access.scoping import ScopedQuerySet
from omzien.vocabulary import OPEN_MATCH_STATUSES
from omzien.workflow import StatusChange, VersionedStatusModel, table


class RequestStatus(models.TextChoices):
    SIGNED_UP = "signed_up", _("aangemeld")
    INTAKE_PLANNED = "intake_planned", _("intake gepland")
    INTAKE_HELD = "intake_held", _("intake gehouden")
    WAITING = "waiting", _("wacht op een match")
    MATCHED = "matched", _("gekoppeld")
    CLOSED = "closed", _("afgesloten")
    REFERRED_ELSEWHERE = "referred_elsewhere", _("doorverwezen")
    WITHDRAWN = "withdrawn", _("teruggetrokken")


S = RequestStatus
REQUEST_WORKFLOW = table(
    signed_up=(S.INTAKE_PLANNED, S.REFERRED_ELSEWHERE, S.WITHDRAWN),
    intake_planned=(S.INTAKE_HELD, S.REFERRED_ELSEWHERE, S.WITHDRAWN),
    intake_held=(S.WAITING, S.REFERRED_ELSEWHERE, S.WITHDRAWN),
    waiting=(S.MATCHED, S.REFERRED_ELSEWHERE, S.WITHDRAWN),
    # Back to waiting when a proposal is declined or a match ends early and the family wants a new one.
    matched=(S.WAITING, S.CLOSED),
    closed=(S.MATCHED,),  # the match is reopened within 30 days
)


class RequestQuerySet(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        return self.filter(programme__in=programme_ids)

    def waiting(self):
        """Waiting longest first: nobody stays at the bottom forever."""
        return self.filter(status=RequestStatus.WAITING).order_by("waiting_since", "pk")


class Request(VersionedStatusModel):
    """A household's or a young person's request for support in one programme."""

    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.PROTECT,
        related_name="requests",
        verbose_name=_("programma"),
    )
    household = models.ForeignKey(
        "people.Household",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("gezin"),
    )
    youth = models.ForeignKey(
        "people.Youth",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("jongere"),
    )
    status = models.CharField(
        _("status"), max_length=30, choices=RequestStatus.choices, default=RequestStatus.SIGNED_UP
    )
    signed_up_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    intake_on = models.DateField(_("datum intake"), null=True, blank=True)
    waiting_since = models.DateField(_("wacht sinds"), null=True, blank=True)
    description = models.TextField(_("waar zou hulp bij helpen?"), blank=True)
    needs = models.JSONField(_("hulpvraag"), default=list, blank=True)
    themes = models.JSONField(_("thema's"), default=list, blank=True)
    availability = models.JSONField(_("beschikbaarheid"), default=list, blank=True)
    needs_shared_language = models.BooleanField(_("een gedeelde taal is nodig"), default=False)

    objects = RequestQuerySet.as_manager()
    workflow = REQUEST_WORKFLOW
    # These steps follow from a match (proposal, decline, closure), never from the status form.
    automatic = frozenset(
        {
            (RequestStatus.WAITING, RequestStatus.MATCHED),
            (RequestStatus.MATCHED, RequestStatus.WAITING),
            (RequestStatus.MATCHED, RequestStatus.CLOSED),
            (RequestStatus.CLOSED, RequestStatus.MATCHED),
        }
    )

    class Meta:
        verbose_name = _("hulpvraag")
        verbose_name_plural = _("hulpvragen")
        constraints = [
            models.CheckConstraint(
                condition=Q(household__isnull=False, youth__isnull=True)
                | Q(household__isnull=True, youth__isnull=False),
                name="request_for_household_or_youth",
            )
        ]
        # Who waits now, for the dashboard's running month: a small part of all requests.
        indexes = [
            models.Index(
                fields=["programme"], condition=Q(status="waiting"), name="request_waiting"
            )
        ]

    def __str__(self) -> str:
        return str(self.household or self.youth)

    @property
    def person(self):
        """The household or young person the request is for."""
        return self.household or self.youth

    @property
    def days_waited(self) -> int | None:
        if self.waiting_since is None:
            return None
        return (timezone.localdate() - self.waiting_since).days


class RequestStatusChange(StatusChange):
    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="status_changes")

    class Meta(StatusChange.Meta):
        # The dashboard reads who left the waiting list in the running month.
        indexes = [models.Index(fields=["source", "at"], name="request_change_source_at")]


Request.log_model, Request.log_field = RequestStatusChange, "request"


class OfferStatus(models.TextChoices):
    SIGNED_UP = "signed_up", _("aangemeld")
    INTAKE_PLANNED = "intake_planned", _("intake gepland")
    INTAKE_HELD = "intake_held", _("intake gehouden")
    SCREENING = "screening", _("in screening")
    AVAILABLE = "available", _("beschikbaar")
    NOT_SUITABLE = "not_suitable", _("niet geschikt")
    WITHDRAWN = "withdrawn", _("gestopt")


OFFER_WORKFLOW = table(
    signed_up=(OfferStatus.INTAKE_PLANNED, OfferStatus.NOT_SUITABLE, OfferStatus.WITHDRAWN),
    intake_planned=(OfferStatus.INTAKE_HELD, OfferStatus.WITHDRAWN),
    intake_held=(OfferStatus.SCREENING, OfferStatus.NOT_SUITABLE, OfferStatus.WITHDRAWN),
    screening=(OfferStatus.AVAILABLE, OfferStatus.NOT_SUITABLE, OfferStatus.WITHDRAWN),
    # Back to screening when a certificate of conduct expires.
    available=(OfferStatus.SCREENING, OfferStatus.WITHDRAWN),
)


# What an offer still lacks before it may become available, each a function of the offer that
# returns the gaps in plain Dutch. The screening app, which builds on this one, adds its rules
# when it loads (ScreeningConfig.ready), so intake need not import it.
AVAILABILITY_CONDITIONS = []


class OfferQuerySet(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        return self.filter(programme__in=programme_ids)

    def with_capacity_left(self):
        # Counted per offer through its index: a join would bring along every past match too.
        Match = self.model._meta.get_field("matches").related_model
        open_matches = (
            Match.objects.filter(offer=OuterRef("pk"), status__in=OPEN_MATCH_STATUSES)
            .order_by()
            .values("offer")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.annotate(open_matches=Coalesce(Subquery(open_matches), 0)).annotate(
            capacity_left=F("capacity") - F("open_matches")
        )

    def screening_current(self, today=None):
        """Offers whose certificate of conduct, where required, has not expired.

        The certificates belong to the screening app, which builds on this one: they are
        reached by their relation name rather than imported."""
        today = today or timezone.localdate()
        Volunteer = self.model._meta.get_field("volunteer").related_model
        Certificate = Volunteer._meta.get_field("certificates").related_model
        current = Certificate._base_manager.filter(
            volunteer=OuterRef("volunteer"), valid_until__gte=today
        )
        return self.filter(Q(programme__programme_type__requires_vog=False) | Exists(current))

    def available(self):
        """Screened volunteers with a current certificate who can take one more household."""
        return (
            self.filter(status=OfferStatus.AVAILABLE)
            .screening_current()
            .with_capacity_left()
            .filter(capacity_left__gt=0)
            .order_by("available_since", "pk")
        )


class Offer(VersionedStatusModel):
    """A volunteer's availability in one programme."""

    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.PROTECT,
        related_name="offers",
        verbose_name=_("programma"),
    )
    volunteer = models.ForeignKey(
        "people.Volunteer",
        on_delete=models.CASCADE,
        related_name="offers",
        verbose_name=_("vrijwilliger"),
    )
    status = models.CharField(
        _("status"), max_length=30, choices=OfferStatus.choices, default=OfferStatus.SIGNED_UP
    )
    signed_up_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    intake_on = models.DateField(_("datum intake"), null=True, blank=True)
    available_since = models.DateField(_("beschikbaar sinds"), null=True, blank=True)
    description = models.TextField(_("wat wil je doen?"), blank=True)
    offers = models.JSONField(_("aanbod"), default=list, blank=True)
    availability = models.JSONField(_("beschikbaarheid"), default=list, blank=True)
    min_child_age = models.PositiveSmallIntegerField(_("kinderen vanaf (jaar)"), default=0)
    max_child_age = models.PositiveSmallIntegerField(_("kinderen tot en met (jaar)"), default=17)
    capacity = models.PositiveSmallIntegerField(_("aantal gezinnen"), default=1)

    objects = OfferQuerySet.as_manager()
    workflow = OFFER_WORKFLOW

    class Meta:
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "volunteer"], name="offer_one_per_programme"
            ),
            models.CheckConstraint(
                condition=Q(min_child_age__lte=F("max_child_age")), name="offer_age_range"
            ),
        ]

    def __str__(self) -> str:
        return str(self.volunteer)

    def check_guard(self, target: str) -> None:
        if target != OfferStatus.AVAILABLE:
            return
        if gaps := [gap for condition in AVAILABILITY_CONDITIONS for gap in condition(self)]:
            raise ValidationError(
                _("De screening is nog niet rond: %(gaps)s") % {"gaps": " ".join(gaps)},
                code="screening",
            )

    def clean(self) -> None:
        if self.min_child_age > self.max_child_age:
            raise ValidationError(
                {"max_child_age": _("De hoogste leeftijd is lager dan de laagste.")}
            )
        limit = (
            self.programme.programme_type.max_households_per_volunteer
            if self.programme_id
            else None
        )
        if limit and self.capacity > limit:
            raise ValidationError(
                {
                    "capacity": _(
                        "Dit programma staat hoogstens %(n)s gezinnen per vrijwilliger toe."
                    )
                    % {"n": limit}
                }
            )


class OfferStatusChange(StatusChange):
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="status_changes")


Offer.log_model, Offer.log_field = OfferStatusChange, "offer"


class ReferralStatus(models.TextChoices):
    """What a referrer may know: the step, never the file."""

    RECEIVED = "received", _("ontvangen")
    INTAKE = "intake", _("intake gepland")
    WAITING = "waiting", _("wacht op een match")
    MATCHED = "matched", _("gekoppeld")
    CLOSED = "closed", _("afgesloten")


REFERRAL_STATUS_OF = {
    RequestStatus.SIGNED_UP: ReferralStatus.RECEIVED,
    RequestStatus.INTAKE_PLANNED: ReferralStatus.INTAKE,
    RequestStatus.INTAKE_HELD: ReferralStatus.INTAKE,
    RequestStatus.WAITING: ReferralStatus.WAITING,
    RequestStatus.MATCHED: ReferralStatus.MATCHED,
    RequestStatus.CLOSED: ReferralStatus.CLOSED,
    RequestStatus.REFERRED_ELSEWHERE: ReferralStatus.CLOSED,
    RequestStatus.WITHDRAWN: ReferralStatus.CLOSED,
}


class ReferralQuerySet(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        return self.filter(request__programme__in=programme_ids)

    def own_of(self, user):
        return self.filter(referrer=user)


class Referral(models.Model):
    """A professional's referral of a household, made with the household's consent."""

    request = models.OneToOneField(Request, on_delete=models.CASCADE, related_name="referral")
    referrer = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("verwijzer"),
    )
    referrer_organisation = models.CharField(_("organisatie van de verwijzer"), max_length=200)
    created_at = models.DateTimeField(_("verwezen op"), default=timezone.now)
    idempotency_key = models.CharField(max_length=100, null=True, blank=True, editable=False)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        constraints = [
            models.UniqueConstraint(
                fields=["referrer", "idempotency_key"], name="referral_idempotent"
            )
        ]

    def __str__(self) -> str:
        return _("Verwijzing van %(date)s") % {
            "date": date_format(timezone.localdate(self.created_at))
        }

    @property
    def status(self) -> str:
        return REFERRAL_STATUS_OF[self.request.status]

    def get_status_display(self) -> str:
        return ReferralStatus(self.status).label
