"""The people Omzien serves: households with parents and children, youth, and volunteers.

All of this is personal data: reach it only through `objects.visible_to(user)`.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.access.scoping import ScopedQuerySet
from omzien.vocabulary import HouseholdType

# not_in_future stays importable from here: earlier migrations refer to it by this path.
from .validators import age_on, birth_date, child_birth_date, not_in_future  # noqa: F401


class Located(models.Model):
    """A postcode, kept whole for contact, and its PC4 area for matching and insight."""

    postcode = models.CharField(_("postcode"), max_length=7)
    postcode_area = models.ForeignKey(
        "geo.PostcodeArea",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("postcodegebied"),
    )
    languages = models.JSONField(_("talen"), default=list, blank=True)
    created_at = models.DateTimeField(_("geregistreerd op"), default=timezone.now)

    class Meta:
        abstract = True


def with_files_in(queryset, files: str, programme_ids):
    """The people with a request or offer (`files`, the reverse relation) in these programmes.

    Named through the reverse relation, so that people stays below the intake app."""
    inside = queryset.model._base_manager.filter(**{f"{files}__programme__in": programme_ids})
    return queryset.filter(pk__in=inside.values("pk"))


class HouseholdQuerySet(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        return with_files_in(self, "requests", programme_ids)


class Household(Located):
    household_type = models.CharField(
        _("samenstelling"),
        max_length=20,
        choices=HouseholdType.choices,
        default=HouseholdType.OTHER,
    )
    accepts_pets = models.BooleanField(_("huisdieren bij de vrijwilliger zijn goed"), default=True)
    accepts_smoking = models.BooleanField(_("roken bij de vrijwilliger is goed"), default=False)
    faith = models.CharField(_("geloof"), max_length=50, blank=True)
    faith_must_match = models.BooleanField(_("vrijwilliger met hetzelfde geloof"), default=False)

    objects = HouseholdQuerySet.as_manager()

    class Meta:
        verbose_name = _("gezin")
        verbose_name_plural = _("gezinnen")

    def __str__(self) -> str:
        # The first parent registered names the household, on every database (works prefetched).
        parent = min(self.parents.all(), key=lambda p: p.pk, default=None)
        return (
            _("Gezin %(name)s") % {"name": parent.last_name}
            if parent
            else _("Gezin %(id)s") % {"id": self.pk}
        )


class Person(models.Model):
    # The person's own log-in, if they have one: it opens their own page and nothing else.
    account = models.OneToOneField(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
    )
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("achternaam"), max_length=100)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Parent(Person):
    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="parents", verbose_name=_("gezin")
    )

    class Meta:
        verbose_name = _("ouder")
        verbose_name_plural = _("ouders")


class Child(models.Model):
    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="children", verbose_name=_("gezin")
    )
    first_name = models.CharField(_("voornaam"), max_length=100)
    date_of_birth = models.DateField(_("geboortedatum"), validators=[child_birth_date])

    class Meta:
        ordering = ["date_of_birth"]
        verbose_name = _("kind")
        verbose_name_plural = _("kinderen")

    def __str__(self) -> str:
        return self.first_name

    @property
    def age(self) -> int:
        return age_on(self.date_of_birth, timezone.localdate())


class YouthQuerySet(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        return with_files_in(self, "requests", programme_ids)


class Youth(Person, Located):
    """A young person who asks for support on their own behalf."""

    date_of_birth = models.DateField(_("geboortedatum"), validators=[birth_date])

    objects = YouthQuerySet.as_manager()

    class Meta:
        verbose_name = _("jongere")
        verbose_name_plural = _("jongeren")

    @property
    def age(self) -> int:
        return age_on(self.date_of_birth, timezone.localdate())


class VolunteerKind(models.TextChoices):
    PERSON = "person", _("persoon")
    FAMILY = "family", _("steungezin")


class VolunteerQuerySet(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        return with_files_in(self, "offers", programme_ids)


class Volunteer(Person, Located):
    """A volunteer: one person, or a whole support family with a contact person."""

    kind = models.CharField(
        _("soort"), max_length=10, choices=VolunteerKind.choices, default=VolunteerKind.PERSON
    )
    family_name = models.CharField(_("naam steungezin"), max_length=100, blank=True)
    household_members = models.TextField(
        _("wie horen bij het steungezin"),
        blank=True,
        help_text=_("Voornamen en leeftijden, één per regel."),
    )
    date_of_birth = models.DateField(_("geboortedatum"), validators=[birth_date])
    travel_radius_km = models.PositiveSmallIntegerField(
        _("reisafstand (km)"), default=10, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    has_pets = models.BooleanField(_("heeft huisdieren"), default=False)
    smokes = models.BooleanField(_("rookt in huis"), default=False)
    faith = models.CharField(_("geloof"), max_length=50, blank=True)
    faith_must_match = models.BooleanField(
        _("alleen een gezin met hetzelfde geloof"), default=False
    )

    objects = VolunteerQuerySet.as_manager()

    class Meta:
        verbose_name = _("vrijwilliger")
        verbose_name_plural = _("vrijwilligers")

    def __str__(self) -> str:
        if self.kind == VolunteerKind.FAMILY and self.family_name:
            return _("Steungezin %(name)s") % {"name": self.family_name}
        return super().__str__()

    def clean(self) -> None:
        if self.date_of_birth and age_on(self.date_of_birth, timezone.localdate()) < 18:
            raise ValidationError({"date_of_birth": _("Vrijwilligers zijn 18 jaar of ouder.")})
