"""Organisations, programme types and programmes.

Everything in which programmes differ lives on ProgrammeType as configuration, so
that code never branches on which organisation it serves.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

from omzien.vocabulary import ClosureReason

WEIGHT_FIELDS = (
    "weight_distance",
    "weight_availability",
    "weight_age",
    "weight_needs",
    "weight_language",
    "weight_waiting",
)


def default_schedule() -> list[dict]:
    """A call after two weeks, evaluations after six weeks, three months, then half-yearly."""
    return [
        {"kind": "check_in", "after_days": 14},
        {"kind": "evaluation", "after_days": 42},
        {"kind": "evaluation", "after_days": 91},
        {"kind": "evaluation", "after_days": 182},
        {"kind": "evaluation", "after_days": 365},
    ]


def all_closure_reasons() -> list[str]:
    return list(ClosureReason.values)


class Organisation(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("korte naam"), unique=True)
    email = models.EmailField(_("e-mailadres"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name


class Serves(models.TextChoices):
    HOUSEHOLDS = "households", _("gezinnen")
    YOUTH = "youth", _("jongeren")


class ProgrammeType(models.Model):
    """One way of giving support: which steps apply, screening, schedule and matching rules."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("korte naam"), unique=True)
    description = models.TextField(_("omschrijving"), blank=True)
    serves = models.CharField(
        _("voor wie"), max_length=20, choices=Serves.choices, default=Serves.HOUSEHOLDS
    )
    min_age = models.PositiveSmallIntegerField(_("leeftijd vanaf"), default=0)
    max_age = models.PositiveSmallIntegerField(_("leeftijd tot en met"), default=17)

    # Steps and follow-up
    has_introduction = models.BooleanField(_("kennismaking voor de start"), default=True)
    trial_period_days = models.PositiveSmallIntegerField(_("proefperiode (dagen)"), default=42)
    expected_duration_months = models.PositiveSmallIntegerField(
        _("verwachte duur (maanden)"), default=12
    )
    max_days_without_contact = models.PositiveSmallIntegerField(
        _("uiterlijk contact na (dagen)"), default=42
    )
    closure_reasons = models.JSONField(
        _("redenen van afsluiten"),
        default=all_closure_reasons,
        help_text=_("De redenen die de coördinator kan kiezen bij het afsluiten."),
    )
    schedule = models.JSONField(
        _("schema contactmomenten en evaluaties"),
        default=default_schedule,
        help_text=_("Lijst van momenten met soort en aantal dagen na de start."),
    )

    # Screening
    requires_vog = models.BooleanField(_("VOG verplicht"), default=True)
    vog_validity_months = models.PositiveSmallIntegerField(_("VOG geldig (maanden)"), default=36)
    references_required = models.PositiveSmallIntegerField(_("aantal referenties"), default=1)
    training_required = models.BooleanField(_("training verplicht"), default=True)

    # Matching rules
    max_households_per_volunteer = models.PositiveSmallIntegerField(
        _("gezinnen per vrijwilliger (hoogstens)"), default=1
    )
    language_rule = models.BooleanField(_("gedeelde taal als het gezin erom vraagt"), default=True)
    waiting_days_full_priority = models.PositiveSmallIntegerField(
        _("wachtdagen voor volle voorrang"), default=180
    )
    weight_distance = models.PositiveSmallIntegerField(_("gewicht afstand"), default=30)
    weight_availability = models.PositiveSmallIntegerField(_("gewicht beschikbaarheid"), default=20)
    weight_age = models.PositiveSmallIntegerField(_("gewicht leeftijd kinderen"), default=15)
    weight_needs = models.PositiveSmallIntegerField(_("gewicht hulpvraag en aanbod"), default=15)
    weight_language = models.PositiveSmallIntegerField(_("gewicht taal"), default=5)
    weight_waiting = models.PositiveSmallIntegerField(_("gewicht wachttijd"), default=15)

    class Meta:
        ordering = ["name"]
        verbose_name = _("programmatype")
        verbose_name_plural = _("programmatypen")
        constraints = [
            models.CheckConstraint(
                condition=Exact(
                    F("weight_distance")
                    + F("weight_availability")
                    + F("weight_age")
                    + F("weight_needs")
                    + F("weight_language")
                    + F("weight_waiting"),
                    100,
                ),
                name="programmetype_weights_sum_100",
                violation_error_message=_("De gewichten moeten samen 100 zijn."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def weights(self) -> dict[str, int]:
        return {field.removeprefix("weight_"): getattr(self, field) for field in WEIGHT_FIELDS}

    def clean(self) -> None:
        total = sum(self.weights.values())
        if total != 100:
            raise ValidationError(
                {
                    "weight_distance": _("De gewichten zijn samen %(total)s; dat moet 100 zijn.")
                    % {"total": total}
                }
            )
        if not self.closure_reasons or set(self.closure_reasons) - set(ClosureReason.values):
            raise ValidationError(
                {"closure_reasons": _("Kies een of meer redenen uit de vaste lijst.")}
            )
        for item in self.schedule or []:
            if not isinstance(item, dict) or item.get("kind") not in {"check_in", "evaluation"}:
                raise ValidationError(
                    {"schedule": _("Elk moment heeft een soort: check_in of evaluation.")}
                )
            if not isinstance(item.get("after_days"), int) or item["after_days"] < 0:
                raise ValidationError(
                    {"schedule": _("Elk moment heeft een aantal dagen van 0 of meer.")}
                )


class ProgrammeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Programme(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="programmes",
        verbose_name=_("organisatie"),
    )
    programme_type = models.ForeignKey(
        ProgrammeType,
        on_delete=models.PROTECT,
        related_name="programmes",
        verbose_name=_("programmatype"),
    )
    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam"), unique=True)
    description = models.TextField(_("omschrijving"), blank=True)
    municipalities = models.ManyToManyField(
        "geo.Municipality", related_name="programmes", verbose_name=_("gemeenten"), blank=True
    )
    is_active = models.BooleanField(_("actief"), default=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("programma")
        verbose_name_plural = _("programma's")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="programme_unique_name")
        ]

    def __str__(self) -> str:
        return self.name
