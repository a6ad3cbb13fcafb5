"""Network maps (eco-maps): the people and organisations around a household or a young person.

A tie is never edited into something else: a change ends the old row and starts a new one with
the same `origin`, so the map on any day can be drawn again and intake compared with closure.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.access.roles import Role
from omzien.access.scoping import ScopedQuerySet
from omzien.workflow import Versioned

from .care import YoungPersonInCare


class TieCategory(models.TextChoices):
    FAMILY = "family", _("familie")
    FRIEND = "friend", _("vrienden")
    NEIGHBOUR = "neighbour", _("buren")
    VOLUNTEER = "volunteer", _("vrijwilligers")
    SCHOOL = "school", _("school")
    SPORT = "sport", _("sport en club")
    FAITH = "faith", _("geloofsgemeenschap")
    PROFESSIONAL = "professional", _("professionals")
    OTHER = "other", _("anders")


# The informal network: the people who are there without being paid for it.
INFORMAL = frozenset(
    {
        TieCategory.FAMILY,
        TieCategory.FRIEND,
        TieCategory.NEIGHBOUR,
        TieCategory.VOLUNTEER,
        TieCategory.FAITH,
    }
)


class TieStrength(models.TextChoices):
    STRONG = "strong", _("sterk")
    NORMAL = "normal", _("gewoon")
    WEAK = "weak", _("zwak")
    STRESSFUL = "stressful", _("geeft spanning")


# From least to most support, to say whether a tie grew stronger.
STRENGTH_ORDER = [TieStrength.STRESSFUL, TieStrength.WEAK, TieStrength.NORMAL, TieStrength.STRONG]


class NetworkMapQuerySet(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        from omzien.people.models import Household

        return self.filter(
            Q(household__in=Household.objects.in_programmes(programme_ids).values("pk"))
            | Q(
                young_person__in=YoungPersonInCare.objects.in_programmes(programme_ids).values("pk")
            )
        )

    def own_of(self, user):
        return self.filter(young_person__in=YoungPersonInCare.objects.own_of(user).values("pk"))

    def editable_by(self, user):
        """A young person may look at their own map; the professionals around them draw it."""
        if user.role == Role.YOUTH:
            return self.none()
        return self.visible_to(user)


class NetworkMap(models.Model):
    household = models.OneToOneField(
        "people.Household",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="network_map",
        verbose_name=_("gezin"),
    )
    young_person = models.OneToOneField(
        YoungPersonInCare,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="network_map",
        verbose_name=_("jongere"),
    )
    started_on = models.DateField(_("begonnen op"), default=timezone.localdate)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = NetworkMapQuerySet.as_manager()

    class Meta:
        verbose_name = _("netwerkkaart")
        verbose_name_plural = _("netwerkkaarten")
        constraints = [
            models.CheckConstraint(
                condition=Q(household__isnull=False, young_person__isnull=True)
                | Q(household__isnull=True, young_person__isnull=False),
                name="network_map_of_household_or_young_person",
            )
        ]

    def __str__(self) -> str:
        return _("Netwerkkaart van %(subject)s") % {"subject": self.subject}

    @property
    def subject(self):
        return self.household or self.young_person

    def subject_label(self) -> str:
        if self.young_person:
            return self.young_person.first_name
        return str(self.household)


class TieQuerySet(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        return self.filter(
            network_map__in=NetworkMap.objects.in_programmes(programme_ids).values("pk")
        )

    def own_of(self, user):
        return self.filter(network_map__in=NetworkMap.objects.own_of(user).values("pk"))

    def on(self, day):
        """The ties as they stood on `day`."""
        return self.filter(Q(until__isnull=True) | Q(until__gt=day), since__lte=day)


class Tie(Versioned):
    network_map = models.ForeignKey(
        NetworkMap, on_delete=models.CASCADE, related_name="ties", verbose_name=_("netwerkkaart")
    )
    # The first row of this relationship; later versions point back to it.
    origin = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    name = models.CharField(
        _("wie of wat"), max_length=120, help_text=_("Bijvoorbeeld: oma Fatima, voetbalclub.")
    )
    category = models.CharField(_("soort"), max_length=20, choices=TieCategory.choices)
    strength = models.CharField(
        _("band"), max_length=20, choices=TieStrength.choices, default=TieStrength.NORMAL
    )
    note = models.CharField(_("korte toelichting"), max_length=300, blank=True)
    volunteer = models.ForeignKey(
        "people.Volunteer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vrijwilliger in Omzien"),
    )
    partner = models.ForeignKey(
        "support_figures.Partner",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ties",
        verbose_name=_("organisatie uit de sociale kaart"),
    )
    since = models.DateField(_("sinds"), default=timezone.localdate)
    until = models.DateField(_("tot"), null=True, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = TieQuerySet.as_manager()

    class Meta:
        ordering = ["category", "name", "pk"]
        verbose_name = _("band")
        verbose_name_plural = _("banden")

    def __str__(self) -> str:
        return self.name

    @property
    def thread(self) -> int:
        """One number for every version of this relationship."""
        return self.origin_id or self.pk

    @property
    def is_informal(self) -> bool:
        return self.category in INFORMAL

    def clean(self) -> None:
        if self.until and self.until < self.since:
            raise ValidationError({"until": _("Het einde kan niet vóór het begin liggen.")})
