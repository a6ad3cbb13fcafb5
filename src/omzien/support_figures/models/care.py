"""Young people placed out of home, and their placements.

A record is made by the responsible professional with the young person's consent, or by the
young person themself from 16 on. It is personal data: reach it through `visible_to(user)`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.access.roles import Role
from omzien.access.scoping import ScopedQuerySet
from omzien.people.validators import age_on, birth_date, not_in_future
from omzien.workflow import Versioned

SELF_REGISTRATION_AGE = 16


class PlacementKind(models.TextChoices):
    FOSTER_FAMILY = "foster_family", _("pleeggezin")
    FAMILY_HOME = "family_home", _("gezinshuis")
    RESIDENTIAL = "residential", _("leefgroep (residentiële jeugdhulp)")
    SECURE = "secure", _("gesloten jeugdhulp")
    SUPPORTED_LIVING = "supported_living", _("begeleid wonen of kamertraining")
    OTHER = "other", _("anders")


class YoungPersonInCareQuerySet(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        """Programme staff see the young people whose support figure comes from their programme."""
        from .figures import SupportFigure

        return self.filter(
            pk__in=SupportFigure.objects.filter(programme__in=programme_ids).values("young_person")
        )

    def own_of(self, user):
        """A professional's own young people; a young person's own record."""
        if user.role == Role.CARE_PROFESSIONAL:
            through = YoungPersonInCare.professionals.through
            return self.filter(pk__in=through.objects.filter(user=user).values("youngpersonincare"))
        if user.role == Role.YOUTH:
            return self.filter(account=user)
        return self.none()

    def placed_on(self, day):
        return self.filter(pk__in=Placement.objects.current_on(day).values("young_person"))


class YoungPersonInCare(Versioned):
    """A young person in care. The version also guards their placements: a move or an end
    changes which placement is current, so two people doing that at once must not both win."""

    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("achternaam"), max_length=100)
    date_of_birth = models.DateField(_("geboortedatum"), validators=[birth_date])
    # The municipality responsible for the young person's care; coverage is counted per municipality.
    # Deleting a municipality removes its records (the demo relies on this to clean up).
    municipality = models.ForeignKey(
        "geo.Municipality",
        on_delete=models.CASCADE,
        related_name="young_people_in_care",
        verbose_name=_("gemeente"),
    )
    postcode_area = models.ForeignKey(
        "geo.PostcodeArea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("postcodegebied waar de jongere nu woont"),
    )
    professionals = models.ManyToManyField(
        "accounts.User",
        related_name="young_people_in_care",
        blank=True,
        verbose_name=_("verantwoordelijke jeugdprofessionals"),
    )
    # The young person's own log-in: it opens their own page and nothing else.
    account = models.OneToOneField(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="young_person_in_care",
        verbose_name=_("account van de jongere"),
    )
    consent_on = models.DateField(_("toestemming van de jongere gegeven op"))
    registered_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastgelegd door"),
    )
    registered_at = models.DateTimeField(_("vastgelegd op"), default=timezone.now)

    objects = YoungPersonInCareQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name", "pk"]
        verbose_name = _("jongere in zorg")
        verbose_name_plural = _("jongeren in zorg")

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def age(self) -> int:
        return age_on(self.date_of_birth, timezone.localdate())

    def current_placement(self):
        today = timezone.localdate()
        return next((p for p in self.placements.all() if p.is_current_on(today)), None)


class PlacementQuerySet(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        return self.filter(
            young_person__in=YoungPersonInCare.objects.in_programmes(programme_ids).values("pk")
        )

    def own_of(self, user):
        return self.filter(young_person__in=YoungPersonInCare.objects.own_of(user).values("pk"))

    def current_on(self, day):
        return self.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=day), started_on__lte=day)


class Placement(models.Model):
    """One out-of-home placement: by whom, since when, and what kind. A move is a new placement."""

    young_person = models.ForeignKey(
        YoungPersonInCare,
        on_delete=models.CASCADE,
        related_name="placements",
        verbose_name=_("jongere"),
    )
    kind = models.CharField(_("soort plaatsing"), max_length=20, choices=PlacementKind.choices)
    placed_by = models.CharField(
        _("geplaatst door"),
        max_length=200,
        help_text=_("Bijvoorbeeld de gecertificeerde instelling of de jeugdhulpaanbieder."),
    )
    started_on = models.DateField(_("sinds"), validators=[not_in_future])
    ended_on = models.DateField(_("tot"), null=True, blank=True)

    objects = PlacementQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-pk"]
        verbose_name = _("uithuisplaatsing")
        verbose_name_plural = _("uithuisplaatsingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="placement_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.started_on})"

    def is_current_on(self, day) -> bool:
        return self.started_on <= day and (self.ended_on is None or self.ended_on > day)

    def clean(self) -> None:
        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": _("Het einde kan niet vóór het begin liggen.")})
