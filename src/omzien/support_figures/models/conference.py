"""Family group conferences: the family's own network makes the plan.

A conference belongs to a network map (of a household or a young person). It records who was
invited, who came, and the plan's agreements: who does what, by when.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from omzien.access.scoping import ScopedQuerySet
from omzien.workflow import StatusChange, VersionedStatusModel, table

from .network import NetworkMap


class ConferenceStatus(models.TextChoices):
    PLANNED = "planned", _("gepland")
    HELD = "held", _("gehouden")
    CANCELLED = "cancelled", _("gaat niet door")


CONFERENCE_WORKFLOW = table(planned=(ConferenceStatus.HELD, ConferenceStatus.CANCELLED))


class OfMapQuerySet(ScopedQuerySet):
    """Rows that hang off a network map, scoped the way the map is."""

    map_path = "network_map"

    def in_programmes(self, programme_ids):
        maps = NetworkMap.objects.in_programmes(programme_ids).values("pk")
        return self.filter(**{f"{self.map_path}__in": maps})

    def own_of(self, user):
        return self.filter(**{f"{self.map_path}__in": NetworkMap.objects.own_of(user).values("pk")})


class OfConferenceQuerySet(OfMapQuerySet):
    map_path = "conference__network_map"


class FamilyGroupConference(VersionedStatusModel):
    network_map = models.ForeignKey(
        NetworkMap,
        on_delete=models.CASCADE,
        related_name="conferences",
        verbose_name=_("netwerkkaart"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ConferenceStatus.choices,
        default=ConferenceStatus.PLANNED,
    )
    planned_on = models.DateField(_("datum"))
    place = models.CharField(_("plaats"), max_length=200, blank=True)
    question = models.TextField(
        _("de vraag van het gezin"),
        help_text=_("Waar maakt het netwerk samen een plan voor?"),
    )
    held_on = models.DateField(_("gehouden op"), null=True, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = OfMapQuerySet.as_manager()
    workflow = CONFERENCE_WORKFLOW

    class Meta:
        ordering = ["-planned_on", "-pk"]
        verbose_name = _("familiegroepsplan")
        verbose_name_plural = _("familiegroepsplannen")

    def __str__(self) -> str:
        return _("Familiegroepsplan %(subject)s") % {"subject": self.network_map.subject_label()}


class ConferenceStatusChange(StatusChange):
    conference = models.ForeignKey(
        FamilyGroupConference, on_delete=models.CASCADE, related_name="status_changes"
    )
    # As for support figures: the family's history outlives a staff member's account.
    by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )


FamilyGroupConference.log_model = ConferenceStatusChange
FamilyGroupConference.log_field = "conference"


class Participant(models.Model):
    conference = models.ForeignKey(
        FamilyGroupConference, on_delete=models.CASCADE, related_name="participants"
    )
    name = models.CharField(_("naam"), max_length=120)
    relation = models.CharField(_("wie is dit voor het gezin?"), max_length=200, blank=True)
    tie = models.ForeignKey(
        "support_figures.Tie", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    attended = models.BooleanField(_("was erbij"), null=True, blank=True)

    objects = OfConferenceQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("genodigde")
        verbose_name_plural = _("genodigden")

    def __str__(self) -> str:
        return self.name


class Agreement(models.Model):
    """One agreement of the plan: who does what, by when."""

    conference = models.ForeignKey(
        FamilyGroupConference, on_delete=models.CASCADE, related_name="agreements"
    )
    what = models.TextField(_("wat"))
    who = models.ForeignKey(
        Participant,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("wie"),
    )
    due_on = models.DateField(_("uiterlijk op"), null=True, blank=True)

    objects = OfConferenceQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")

    def __str__(self) -> str:
        return self.what
