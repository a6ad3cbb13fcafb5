"""The record of processing (verwerkingsregister, GDPR art. 30): each purpose, its legal basis,
the data categories, retention and recipients.

This is configuration the code uses: the consent purposes are `Purpose` (each must appear here
once), the research categories are the research export's columns, retention comes from the
retention policy's default and the suppression threshold from the settings. The page and the
PDF are generated from it, so they cannot drift from what the code does.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from omzien.access.suppression import threshold

from .models import Purpose
from .models.retention import DEFAULT_KEEP_MONTHS
from .research import COLUMNS


class LegalBasis(models.TextChoices):
    CONSENT = "consent", _("toestemming (AVG artikel 6, lid 1a)")
    CONTRACT = "contract", _("uitvoering van de afspraak over steun (AVG artikel 6, lid 1b)")
    LEGAL_OBLIGATION = "legal_obligation", _("wettelijke plicht (AVG artikel 6, lid 1c)")
    LEGITIMATE_INTEREST = "legitimate_interest", _("gerechtvaardigd belang (AVG artikel 6, lid 1f)")


def _programme_retention() -> str:
    return _(
        "Per programma in te stellen; standaard %(months)s maanden na de laatste afgesloten "
        "koppeling of aanmelding. Daarna worden de gegevens elke nacht geanonimiseerd."
    ) % {"months": DEFAULT_KEEP_MONTHS}


def _aggregate_note() -> str:
    return _("Alleen totalen; aantallen onder de %(n)s worden onderdrukt.") % {"n": threshold()}


PROGRAMME_RETENTION = lazy(_programme_retention, str)()
AGGREGATES_ONLY = lazy(_aggregate_note, str)()


@dataclass(frozen=True)
class Activity:
    key: str
    name: object
    legal_basis: str
    categories: list
    retention: object
    recipients: list
    consent: str | None = None  # the Purpose a consent is asked for, when the basis is consent
    special: list = field(default_factory=list)  # special categories (art. 9) and their basis

    @property
    def basis(self) -> str:
        return LegalBasis(self.legal_basis).label


ACTIVITIES = [
    Activity(
        "matching",
        _("Een passende vrijwilliger zoeken"),
        LegalBasis.CONSENT,
        [
            _("naam en contactgegevens"),
            _("postcode en postcodegebied"),
            _("samenstelling van het gezin, voornamen en geboortedata van de kinderen"),
            _("talen, beschikbaarheid, hulpvraag en aanbod"),
            _("screening van de vrijwilliger: VOG, referenties, training"),
        ],
        PROGRAMME_RETENTION,
        [_("coördinatoren van het programma")],
        consent=Purpose.MATCHING,
        special=[
            _(
                "geloof, alleen als iemand het zelf opgeeft (uitdrukkelijke toestemming, artikel 9, lid 2a)"
            )
        ],
    ),
    Activity(
        "support",
        _("De koppeling begeleiden en afsluiten"),
        LegalBasis.CONTRACT,
        [_("contactmomenten en evaluaties"), _("korte notities"), _("reden van afsluiten")],
        PROGRAMME_RETENTION,
        [
            _("coördinatoren van het programma"),
            _("de vrijwilliger en het gezin: hun eigen koppeling"),
        ],
    ),
    Activity(
        "feedback_to_referrer",
        _("Terugkoppeling aan de verwijzer"),
        LegalBasis.CONSENT,
        [_("de stap waarin de verwijzing is (nooit het dossier)")],
        PROGRAMME_RETENTION,
        [_("de verwijzer")],
        consent=Purpose.FEEDBACK_TO_REFERRER,
    ),
    Activity(
        "contact_by_email",
        _("Contact per e-mail"),
        LegalBasis.CONSENT,
        [_("e-mailadres")],
        PROGRAMME_RETENTION,
        [_("de organisatie zelf")],
        consent=Purpose.CONTACT_BY_EMAIL,
    ),
    Activity(
        "concerns",
        _("Zorgsignalen volgens de meldcode"),
        LegalBasis.LEGAL_OBLIGATION,
        [_("wat gezien of gehoord is"), _("de stappen van de meldcode en het besluit")],
        _(
            "Zolang het zorgsignaal open is niet te wissen; daarna de bewaartermijn van het programma."
        ),
        [
            _("alleen de coördinatoren van het programma die het nodig hebben"),
            _("Veilig Thuis bij een melding"),
        ],
        special=[
            _(
                "gegevens over de veiligheid en gezondheid van een kind (artikel 9, lid 2g, Wet meldcode)"
            )
        ],
    ),
    Activity(
        "research",
        _("Onderzoek naar wat de steun oplevert"),
        LegalBasis.CONSENT,
        [column.label for column in COLUMNS],
        _("Omzien bewaart de export niet; elke export krijgt nieuwe pseudoniemen."),
        [_("onderzoekers: gepseudonimiseerd, kleine aantallen onderdrukt")],
        consent=Purpose.RESEARCH,
    ),
    Activity(
        "insight",
        _("Cijfers voor de organisatie en de gemeente"),
        LegalBasis.LEGITIMATE_INTEREST,
        [AGGREGATES_ONLY],
        _("Geen persoonsgegevens: totalen."),
        [_("de gemeente die de steun betaalt"), _("beleidsmedewerkers")],
    ),
    Activity(
        "audit",
        _("Bijhouden wie persoonsgegevens inzag of wijzigde"),
        LegalBasis.LEGAL_OBLIGATION,
        [_("wie, wanneer, welk nummer, welke handeling, vanaf welk adres")],
        _("Wordt alleen aangevuld, nooit gewijzigd of gewist door de applicatie."),
        [_("de functionaris gegevensbescherming van de organisatie"), _("functioneel beheer")],
    ),
]


def by_purpose() -> dict[str, Activity]:
    return {a.consent: a for a in ACTIVITIES if a.consent}
