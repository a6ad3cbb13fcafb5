"""Questionnaires as data: instruments, their versions, items, answer scales, and which
programme uses which instrument at which moment."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from omzien.outcomes.scoring import GAS, MEAN, SUM, ItemSpec


class Scoring(models.TextChoices):
    MEAN = MEAN, _("gemiddelde van de vragen")
    SUM = SUM, _("som van de vragen")
    GAS = GAS, _("doelen: T-score (Goal Attainment Scaling)")


class Phase(models.TextChoices):
    INTAKE = "intake", _("intake")
    INTERIM = "interim", _("tussenmeting")
    CLOSURE = "closure", _("afsluiting")


class Respondent(models.TextChoices):
    PARENT = "parent", _("ouder")
    YOUTH = "youth", _("jongere")
    VOLUNTEER = "volunteer", _("vrijwilliger")
    COORDINATOR = "coordinator", _("coördinator")


def refuse_if_frozen(version: "InstrumentVersion") -> None:
    if version.pk and version.is_frozen:
        raise ValidationError(
            _("Deze versie is al ingevuld en ligt vast. Maak een nieuwe versie."), code="frozen"
        )


class InstrumentQuerySet(models.QuerySet):
    def usable_by(self, organisation_id):
        """The shipped instruments and the organisation's own (licensed) ones."""
        return self.filter(Q(owner__isnull=True) | Q(owner_id=organisation_id))


class Instrument(models.Model):
    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam"), unique=True)
    description = models.TextField(_("omschrijving"), blank=True)
    licence_note = models.TextField(
        _("licentie"),
        blank=True,
        help_text=_("Wie mag dit instrument gebruiken, en onder welke voorwaarden."),
    )
    # None: shipped with Omzien and free to use; otherwise entered by an organisation that
    # holds a licence for it, and only usable in its own programmes.
    owner = models.ForeignKey(
        "programmes.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="instruments",
        verbose_name=_("eigenaar"),
    )

    objects = InstrumentQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("instrument")
        verbose_name_plural = _("instrumenten")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name in the active language, from the current version's translation."""
        version = self.current_version()
        return version.translation().get("name", self.name) if version else self.name

    @property
    def display_description(self) -> str:
        version = self.current_version()
        return (
            version.translation().get("description", self.description)
            if version
            else self.description
        )

    def current_version(self) -> "InstrumentVersion | None":
        """The newest version: new answers always use it."""
        return max(self.versions.all(), key=lambda v: v.number, default=None)


class InstrumentVersion(models.Model):
    instrument = models.ForeignKey(
        Instrument, on_delete=models.CASCADE, related_name="versions", verbose_name=_("instrument")
    )
    number = models.PositiveSmallIntegerField(_("versie"), default=1)
    scoring = models.CharField(
        _("scoring"), max_length=10, choices=Scoring.choices, default=Scoring.MEAN
    )
    min_answered_share = models.DecimalField(
        _("deel dat beantwoord moet zijn"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("0.75"),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("1"))],
        help_text=_(
            "Een (sub)score telt alleen als minstens dit deel van de vragen is beantwoord, "
            "bijvoorbeeld 0,75."
        ),
    )
    created_at = models.DateTimeField(_("gemaakt op"), default=timezone.now)
    # The texts in other languages, per language code: {"en": {"name": ..., "description":
    # ..., "items": {code: text}, "subscales": {Dutch name: name}, "scales": {slug: {"name":
    # ..., "points": {"1": label}}}}}. Dutch, the source language, is the fields themselves.
    translations = models.JSONField(_("vertalingen"), default=dict, blank=True)

    class Meta:
        ordering = ["instrument", "number"]
        verbose_name = _("versie van een instrument")
        verbose_name_plural = _("versies van instrumenten")
        constraints = [
            models.UniqueConstraint(fields=["instrument", "number"], name="instrument_version")
        ]

    def __str__(self) -> str:
        return _("%(instrument)s, versie %(number)s") % {
            "instrument": self.instrument,
            "number": self.number,
        }

    def save(self, *args, **kwargs):
        refuse_if_frozen(self)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        refuse_if_frozen(self)

    @property
    def is_frozen(self) -> bool:
        """Once answered, a version never changes: old answers must keep their meaning."""
        from .answers import AdministrationStatus

        return self.administrations.exclude(status=AdministrationStatus.DUE).exists()

    def translation(self) -> dict:
        """This version's texts in the active language; {} when there are none (Dutch)."""
        return self.translations.get((get_language() or "nl").split("-")[0], {})

    def item_text(self, item: "Item") -> str:
        return self.translation().get("items", {}).get(item.code, item.text)

    def point_label(self, scale: "Scale", point: "ScalePoint") -> str:
        points = self.translation().get("scales", {}).get(scale.slug, {}).get("points", {})
        return points.get(str(point.value), point.label)

    def subscale_name(self, name: str) -> str:
        return self.translation().get("subscales", {}).get(name, name)

    @property
    def is_goals(self) -> bool:
        return self.scoring == Scoring.GAS

    def items_for(self, phase: str) -> list["Item"]:
        """The items asked at `phase` (use prefetch_related('items__scale__points'))."""
        return [i for i in self.items.all() if phase != Phase.INTAKE or not i.after_start]

    def item_specs(self) -> list[ItemSpec]:
        return [item.spec() for item in self.items.all()]

    def copy(self) -> "InstrumentVersion":
        """A new, editable version with the same items: how a frozen instrument changes."""
        number = self.instrument.versions.aggregate(models.Max("number"))["number__max"] + 1
        version = InstrumentVersion.objects.create(
            instrument=self.instrument,
            number=number,
            scoring=self.scoring,
            min_answered_share=self.min_answered_share,
        )
        fields = ["position", "code", "text", "scale_id", "reversed", "subscale", "after_start"]
        Item.objects.bulk_create(
            Item(version=version, **{f: getattr(item, f) for f in fields})
            for item in self.items.all()
        )
        return version


class Scale(models.Model):
    """The answer options of an item, such as 1 'helemaal niet mee eens' to 5 'helemaal mee eens'."""

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam"), unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("antwoordschaal")
        verbose_name_plural = _("antwoordschalen")

    def __str__(self) -> str:
        return self.name


class ScalePoint(models.Model):
    scale = models.ForeignKey(Scale, on_delete=models.CASCADE, related_name="points")
    value = models.SmallIntegerField(_("waarde"))
    label = models.CharField(_("tekst"), max_length=100)

    class Meta:
        ordering = ["scale", "value"]
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        constraints = [
            models.UniqueConstraint(fields=["scale", "value"], name="scale_point_unique_value")
        ]

    def __str__(self) -> str:
        return f"{self.value}: {self.label}"

    def save(self, *args, **kwargs):
        self.clean()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        for version in InstrumentVersion.objects.filter(items__scale=self.scale_id).distinct():
            refuse_if_frozen(version)


class Item(models.Model):
    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.CASCADE, related_name="items", verbose_name=_("versie")
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    code = models.SlugField(_("code"), max_length=30)
    text = models.TextField(_("vraag"))
    scale = models.ForeignKey(
        Scale, on_delete=models.PROTECT, related_name="items", verbose_name=_("antwoordschaal")
    )
    reversed = models.BooleanField(
        _("omgekeerd"), default=False, help_text=_("Een hoog antwoord betekent hier iets slechts.")
    )
    subscale = models.CharField(_("subschaal"), max_length=100, blank=True)
    after_start = models.BooleanField(
        _("pas na de start"),
        default=False,
        help_text=_("Alleen vragen als de steun al loopt, dus niet bij de intake."),
    )

    class Meta:
        ordering = ["version", "position", "pk"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="item_unique_code")]

    def __str__(self) -> str:
        return self.version.item_text(self)

    def save(self, *args, **kwargs):
        refuse_if_frozen(self.version)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.version_id:
            refuse_if_frozen(self.version)

    def delete(self, *args, **kwargs):
        refuse_if_frozen(self.version)
        return super().delete(*args, **kwargs)

    def spec(self) -> ItemSpec:
        values = [p.value for p in self.scale.points.all()]
        return ItemSpec(self.code, min(values), max(values), self.reversed, self.subscale)


class ProgrammeInstrument(models.Model):
    """A programme uses an instrument: at which moments, and who answers it."""

    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.CASCADE,
        related_name="outcome_instruments",
        verbose_name=_("programma"),
    )
    instrument = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, related_name="uses", verbose_name=_("instrument")
    )
    respondent = models.CharField(_("wie vult in"), max_length=20, choices=Respondent.choices)
    at_intake = models.BooleanField(_("bij de intake"), default=True)
    at_interim = models.BooleanField(_("bij de evaluaties"), default=False)
    at_closure = models.BooleanField(_("bij de afsluiting"), default=True)

    class Meta:
        ordering = ["programme", "instrument__name"]
        verbose_name = _("instrument van een programma")
        verbose_name_plural = _("instrumenten van programma's")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "instrument"], name="programme_instrument_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.programme}: {self.instrument}"

    @property
    def phases(self) -> list[str]:
        flags = {
            Phase.INTAKE: self.at_intake,
            Phase.INTERIM: self.at_interim,
            Phase.CLOSURE: self.at_closure,
        }
        return [phase for phase, asked in flags.items() if asked]

    def clean(self) -> None:
        if not self.phases:
            raise ValidationError(_("Kies minstens één moment."))
        owner = self.instrument.owner_id if self.instrument_id else None
        if owner and self.programme_id and owner != self.programme.organisation_id:
            raise ValidationError(
                {"instrument": _("Dit instrument is van een andere organisatie.")}
            )
