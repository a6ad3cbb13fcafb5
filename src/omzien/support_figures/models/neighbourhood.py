"""The neighbourhood around the families: partners (the social map) and shared challenges.

Partners and challenges are about organisations and areas, not people. Onward referrals
are personal data: they hang off a household's or young person's request.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.access.scoping import ScopedQuerySet
from omzien.vocabulary import Theme
from omzien.workflow import Versioned


class PartnerKind(models.TextChoices):
    SCHOOL = "school", _("school")
    SPORT = "sport", _("sport")
    YOUTH_WORK = "youth_work", _("jongerenwerk")
    YOUTH_HEALTH = "youth_health", _("jeugdgezondheidszorg (JGZ)")
    NEIGHBOURHOOD_TEAM = "neighbourhood_team", _("buurtteam")
    LIBRARY = "library", _("bibliotheek")
    FAITH = "faith", _("geloofsgemeenschap")
    OTHER = "other", _("anders")


class Audience(models.TextChoices):
    YOUNG_CHILDREN = "young_children", _("jonge kinderen (0–4)")
    CHILDREN = "children", _("kinderen (4–12)")
    TEENAGERS = "teenagers", _("tieners (12–18)")
    YOUNG_ADULTS = "young_adults", _("jongvolwassenen (18–23)")
    PARENTS = "parents", _("ouders")
    EVERYONE = "everyone", _("iedereen")


class PartnerQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def search(self, text: str):
        text = text.strip()
        if not text:
            return self
        return self.filter(Q(name__icontains=text) | Q(offers__icontains=text))


class Partner(Versioned):
    """An organisation in a district and what it offers: one line of the social map."""

    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=PartnerKind.choices)
    district = models.ForeignKey(
        "geo.District", on_delete=models.CASCADE, related_name="partners", verbose_name=_("wijk")
    )
    offers = models.TextField(_("wat ze bieden"))
    audience = models.JSONField(_("voor wie"), default=list, blank=True)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    is_active = models.BooleanField(_("actief"), default=True)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = PartnerQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("partner in de wijk")
        verbose_name_plural = _("partners in de wijk")

    def __str__(self) -> str:
        return self.name

    def audience_labels(self) -> list[str]:
        labels = dict(Audience.choices)
        return [labels[value] for value in self.audience if value in labels]


class Challenge(Versioned):
    """A collective challenge of an area (an opgave), the partners on it, and its figures."""

    municipality = models.ForeignKey(
        "geo.Municipality",
        on_delete=models.CASCADE,
        related_name="challenges",
        verbose_name=_("gemeente"),
    )
    neighbourhood = models.ForeignKey(
        "geo.Neighbourhood",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="challenges",
        verbose_name=_("buurt"),
    )
    title = models.CharField(_("titel"), max_length=200)
    theme = models.CharField(_("thema"), max_length=30, choices=Theme.choices, blank=True)
    description = models.TextField(_("wat willen we samen bereiken?"), blank=True)
    partners = models.ManyToManyField(
        Partner, blank=True, related_name="challenges", verbose_name=_("partners")
    )
    # Whose requests the figures count: the programmes of the person who started it.
    programmes = models.ManyToManyField(
        "programmes.Programme", blank=True, related_name="+", verbose_name=_("programma's")
    )
    started_on = models.DateField(_("gestart op"), default=timezone.localdate)
    closed_on = models.DateField(_("afgerond op"), null=True, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-started_on", "-pk"]
        verbose_name = _("opgave")
        verbose_name_plural = _("opgaven")

    def __str__(self) -> str:
        return self.title


class ChallengeFigure(models.Model):
    """A theme's figures for the challenge's neighbourhood over one period, as the insight
    pages showed them (already suppressed: a hidden count is None)."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="figures")
    period_start = models.DateField(_("van"))
    period_end = models.DateField(_("tot en met"))
    count = models.PositiveIntegerField(_("aantal hulpvragen met dit thema"), null=True)
    expected = models.FloatField(_("verwacht"), null=True)
    ratio = models.FloatField(_("verhouding"), null=True)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["period_end", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["challenge", "period_start", "period_end"], name="challenge_figure_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.challenge}: {self.period_start} – {self.period_end}"


class OnwardReferralQuerySet(ScopedQuerySet):
    def in_programmes(self, programme_ids):
        return self.filter(request__programme__in=programme_ids)


class OnwardReferral(models.Model):
    """At closure: the family or young person was referred on to a partner in the neighbourhood."""

    request = models.ForeignKey(
        "intake.Request",
        on_delete=models.CASCADE,
        related_name="onward_referrals",
        verbose_name=_("hulpvraag"),
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="onward_referrals",
        verbose_name=_("doorverwezen naar"),
    )
    referred_on = models.DateField(_("datum"), default=timezone.localdate)
    note = models.CharField(_("korte toelichting"), max_length=300, blank=True)
    by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = OnwardReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-referred_on", "-pk"]
        verbose_name = _("doorverwijzing naar een partner")
        verbose_name_plural = _("doorverwijzingen naar partners")

    def __str__(self) -> str:
        return f"{self.request} → {self.partner}"
