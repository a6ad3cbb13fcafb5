"""Official geography: CBS municipalities, districts and neighbourhoods, and PC4 areas.

Shapes are kept as GeoJSON geometry (WGS84) so that maps need no GIS database.
"""

import math
import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

POSTCODE_RE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})?\s*$")
# Searches go in the address bar (and so in access logs): there only the four digits,
# never the letters that narrow a postcode down to a few houses.
pc4_only = RegexValidator(
    r"^[1-9][0-9]{3}$",
    _("Vul alleen de vier cijfers van de postcode in, bijvoorbeeld 1234."),
    code="postcode_pc4",
)


def pc4_of(postcode: str) -> str:
    """The four-digit part of a Dutch postcode ('1234 AB' -> '1234'), or raise ValidationError."""
    match = POSTCODE_RE.match(postcode or "")
    if not match:
        raise ValidationError(_("Vul een postcode in zoals 1234 AB."), code="postcode_format")
    return match.group(1)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance; accurate to metres at Dutch distances."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


class Area(models.Model):
    """What municipalities, districts and neighbourhoods share."""

    name = models.CharField(_("naam"), max_length=200)
    lat = models.FloatField(_("breedtegraad middelpunt"), null=True, blank=True)
    lon = models.FloatField(_("lengtegraad middelpunt"), null=True, blank=True)
    geometry = models.JSONField(_("vorm (GeoJSON)"), null=True, blank=True)
    households = models.PositiveIntegerField(_("huishoudens"), null=True, blank=True)
    households_with_children = models.PositiveIntegerField(
        _("huishoudens met kinderen"), null=True, blank=True
    )
    figures_year = models.PositiveSmallIntegerField(_("jaar van de cijfers"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Municipality(Area):
    code = models.CharField(
        _("CBS-code"),
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^GM\d{4}$", _("Een gemeentecode ziet eruit als GM0363."))],
    )
    province = models.CharField(_("provincie"), max_length=100, blank=True)
    inhabitants = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)

    class Meta(Area.Meta):
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")


class District(Area):
    code = models.CharField(
        _("CBS-code"),
        max_length=8,
        unique=True,
        validators=[RegexValidator(r"^WK\d{6}$", _("Een wijkcode ziet eruit als WK036300."))],
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="districts", verbose_name=_("gemeente")
    )

    class Meta(Area.Meta):
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")


class Neighbourhood(Area):
    code = models.CharField(
        _("CBS-code"),
        max_length=10,
        unique=True,
        validators=[RegexValidator(r"^BU\d{8}$", _("Een buurtcode ziet eruit als BU03630000."))],
    )
    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="neighbourhoods", verbose_name=_("wijk")
    )

    class Meta(Area.Meta):
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")


class PostcodeAreaQuerySet(models.QuerySet):
    def for_postcode(self, postcode: str) -> "PostcodeArea":
        """The PC4 area of a postcode, or a Dutch ValidationError when it is unknown."""
        pc4 = pc4_of(postcode)
        try:
            return self.get(pc4=pc4)
        except self.model.DoesNotExist:
            raise ValidationError(
                _("Postcode %(postcode)s bestaat niet of ligt buiten ons werkgebied."),
                code="postcode_unknown",
                params={"postcode": postcode.strip().upper()},
            ) from None


class PostcodeArea(models.Model):
    """A four-digit postcode area: the finest location the matcher needs."""

    pc4 = models.CharField(
        _("postcode (4 cijfers)"),
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^[1-9]\d{3}$", _("Vier cijfers, zoals 1234."))],
    )
    city = models.CharField(_("woonplaats"), max_length=100, blank=True)
    lat = models.FloatField(_("breedtegraad"))
    lon = models.FloatField(_("lengtegraad"))
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="postcode_areas",
        verbose_name=_("gemeente"),
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="postcode_areas",
        verbose_name=_("buurt"),
        help_text=_("De buurt waarin het middelpunt van dit postcodegebied ligt."),
    )

    objects = PostcodeAreaQuerySet.as_manager()

    class Meta:
        ordering = ["pc4"]
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")

    def __str__(self) -> str:
        return f"{self.pc4} {self.city}".strip()

    def distance_to(self, other: "PostcodeArea") -> float:
        return distance_km(self.lat, self.lon, other.lat, other.lon)
