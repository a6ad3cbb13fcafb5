"""What the yearly account says: the dashboard's figures for one year and municipality, with
the outcome report, in sections with a short explanation per figure."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omzien.outcomes.report import outcome_report
from omzien.programmes.models import Programme

from ..dashboard import dashboard
from ..scope import Filters
from ..tables import Figure
from . import outcomes


@dataclass
class Section:
    title: str
    intro: str
    figures: list[Figure]


@dataclass
class Account:
    title: str
    municipality: str
    year: int
    scope: str  # whose programmes
    filters: Filters
    sections: list[Section]
    made_at: str


def account_filters(account) -> Filters:
    """The dashboard's filters for the account's year, municipality and programmes."""
    programmes = Programme.objects.filter(municipalities=account.municipality)
    if account.organisation_id:
        programmes = Programme.objects.filter(organisation=account.organisation_id)
    start = date(account.year, 1, 1)
    end = min(date(account.year, 12, 31), timezone.localdate())
    return Filters(
        start=start,
        end=end,
        programmes=frozenset(programmes.values_list("pk", flat=True)),
        municipality=account.municipality,
    )


def build(account, progress=lambda percent, step: None) -> Account:
    filters = account_filters(account)
    progress(20, _("cijfers van het dashboard"))
    figures = {f.key: f for f in dashboard(filters)}
    progress(45, _("resultaten"))
    report = outcome_report(
        filters.programmes, municipality=account.municipality, start=filters.start, end=filters.end
    )
    sections = [
        Section(
            _("Bereik"),
            _("Hoeveel gezinnen en jongeren de steun bereikte, per buurt."),
            [figures["key_figures"], figures["reach"]],
        ),
        Section(
            _("Koppelingen"),
            _("Hoeveel koppelingen er liepen, begonnen en eindigden, en hoe snel."),
            [figures["active_matches"], figures["new_and_closed"], figures["time_to_match"]],
        ),
        Section(
            _("Uren"),
            _("Wat vrijwilligers deden: het werk dat anders onzichtbaar blijft."),
            [figures["volunteers_and_hours"]],
        ),
        Section(
            _("Resultaten"),
            _("Wat de steun veranderde, gemeten met vragenlijsten."),
            [outcomes.changes(report), outcomes.shares(report)],
        ),
        Section(
            _("Afsluitingen"),
            _("Hoe en waarom koppelingen eindigden."),
            [outcomes.closures(report)],
        ),
        Section(
            _("Wachtlijst"),
            _("Wie nog op een match wachtte, en hoe lang."),
            [figures["waiting_list"]],
        ),
    ]
    return Account(
        title=str(_("Jaarverantwoording %(year)s") % {"year": account.year}),
        municipality=account.municipality.name,
        year=account.year,
        scope=account.organisation.name if account.organisation_id else str(_("alle programma's")),
        filters=filters,
        sections=sections,
        made_at=timezone.localtime().strftime("%d-%m-%Y %H:%M"),
    )
