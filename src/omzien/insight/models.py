"""The yearly account to a funding municipality, made in the background as PDF and XLSX.

The files hold aggregates only, suppressed like the dashboard. They are stored outside the
static and media folders and handed out by a view that checks who asks.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from omzien.access.roles import Role


@deconstructible
class ReportStorage(FileSystemStorage):
    """Files under OMZIEN_REPORT_ROOT (default var/reports); never served as static or media."""

    def __init__(self):
        super().__init__()

    @property
    def base_location(self):
        return Path(settings.OMZIEN_REPORT_ROOT)

    @property
    def location(self):
        return str(self.base_location.resolve())


class AccountStatus(models.TextChoices):
    QUEUED = "queued", _("in de wachtrij")
    RUNNING = "running", _("wordt gemaakt")
    DONE = "done", _("klaar")
    FAILED = "failed", _("mislukt")


class YearlyAccountQuerySet(models.QuerySet):
    def for_user(self, user) -> "YearlyAccountQuerySet":
        """Analysts see their municipality's accounts; organisation admins their organisation's."""
        if not user.is_authenticated:
            return self.none()
        if user.has_role(Role.ANALYST) and user.municipality_id:
            return self.filter(municipality=user.municipality_id, organisation__isnull=True)
        if user.has_role(Role.ORG_ADMIN) and user.organisation_id:
            return self.filter(organisation=user.organisation_id)
        return self.none()


class YearlyAccount(models.Model):
    municipality = models.ForeignKey(
        "geo.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    # Empty for an analyst's account of every programme; else only this organisation's.
    organisation = models.ForeignKey(
        "programmes.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisatie"),
    )
    requested_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("gevraagd op"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=AccountStatus.choices, default=AccountStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    step = models.CharField(_("bezig met"), max_length=200, blank=True)
    pdf = models.FileField(_("PDF"), storage=ReportStorage, upload_to="yearly/", blank=True)
    xlsx = models.FileField(_("XLSX"), storage=ReportStorage, upload_to="yearly/", blank=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)

    objects = YearlyAccountQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("jaarverantwoording")
        verbose_name_plural = _("jaarverantwoordingen")

    def __str__(self) -> str:
        return _("Jaarverantwoording %(year)s %(municipality)s") % {
            "year": self.year,
            "municipality": self.municipality.name,
        }

    @property
    def finished(self) -> bool:
        return self.status in (AccountStatus.DONE, AccountStatus.FAILED)

    def report(self, progress: int, step: str) -> None:
        """Save how far the work is, for the page that polls it."""
        self.progress, self.step = progress, step
        type(self).objects.filter(pk=self.pk).update(progress=progress, step=step)


class Measure(models.TextChoices):
    """What a roll-up row counts in its month."""

    STARTED = "started", _("gestart, naar dagen gewacht sinds aanmelding")
    CLOSED = "closed", _("afgesloten")
    ACTIVE = "active", _("lopend op de laatste dag")
    WAITING = "waiting", _("wachtend op de laatste dag, naar dagen gewacht")
    WAITS = "waits", _("op de wachtlijst op een dag van de maand")
    HOURS = "hours", _("contactmomenten en hun uren")


class MonthlyFigure(models.Model):
    """Raw counts of one closed month per programme and home area, kept by the task worker so
    that the dashboard sums a few rows instead of counting every match (insight/rollups.py).

    Counts only, no people. They never leave the boundary as they are: a figure sums them
    first and publishes the sum through the one suppression function, as a live count."""

    month = models.DateField()  # its first day
    measure = models.CharField(max_length=10, choices=Measure.choices)
    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="+"
    )
    # The home of the family or young person (None: unknown), as `places.area_of` finds it.
    postcode_area = models.ForeignKey(
        "geo.PostcodeArea", on_delete=models.CASCADE, null=True, related_name="+"
    )
    days = models.PositiveIntegerField(null=True)  # days waited, for the medians
    count = models.PositiveIntegerField()
    hours = models.DecimalField(max_digits=12, decimal_places=2, default=0)

    class Meta:
        # A few programmes (an account's own) or all of them, over a run of months.
        indexes = [
            models.Index(fields=["programme", "measure", "month"], name="monthly_programme"),
            models.Index(fields=["measure", "month"], name="monthly_measure_month"),
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.month:%Y-%m}"


class RollupBuild(models.Model):
    """Up to which month the roll-ups hold every closed month; later months are counted live."""

    through = models.DateField()  # the first day of the last month covered
    built_at = models.DateTimeField(default=timezone.now)
    seconds = models.FloatField()

    class Meta:
        get_latest_by = "built_at"

    def __str__(self) -> str:
        return f"{self.through:%Y-%m}"
