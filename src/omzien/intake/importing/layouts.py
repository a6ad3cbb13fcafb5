"""The documented column layouts: what the import page explains and the example files hold."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    header: str
    required: bool
    example: str
    explanation: str


@dataclass(frozen=True)
class Layout:
    kind: str  # "households" or "volunteers"
    slug: str  # in the example files' URLs
    label: str
    columns: tuple[Column, ...]
    second_example: tuple[str, ...]

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]

    @property
    def required(self) -> list[str]:
        return [column.header for column in self.columns if column.required]

    @property
    def example_rows(self) -> list[tuple[str, ...]]:
        return [tuple(column.example for column in self.columns), self.second_example]


SLOTS_HELP = _("Dagdelen, zoals ‘ma-middag, za-ochtend’ (of codes zoals mon_afternoon).")
LANGUAGES_HELP = _("Taalcodes, zoals ‘nl, ar’.")
NEEDS_HELP = _("Uit de lijst hieronder, zoals ‘samen iets leuks doen’ (of de code: outings).")

HOUSEHOLDS = Layout(
    kind="households",
    slug="gezinnen",
    label=_("gezinnen"),
    columns=(
        Column("achternaam", True, "Jansen", _("Achternaam van de ouder.")),
        Column("voornaam ouder", True, "Sanne", _("Voornaam van de ouder.")),
        Column(
            "e-mail",
            False,
            "sanne.jansen@example.org",
            _("Herkent het gezin bij een tweede import."),
        ),
        Column("telefoon", False, "06 12345678", ""),
        Column("postcode", True, "9901 AB", _("Postcode van het gezin.")),
        Column(
            "kinderen",
            True,
            "Noor 2016-04-12; Sem 2019-09-01",
            _("Voornaam en geboortedatum per kind, gescheiden door ‘;’."),
        ),
        Column("talen", False, "nl, ar", LANGUAGES_HELP),
        Column("hulpvraag", False, "samen iets leuks doen; hulp bij huiswerk", NEEDS_HELP),
        Column("beschikbaarheid", True, "ma-middag, za-ochtend", SLOTS_HELP),
        Column(
            "wacht sinds",
            False,
            "15-01-2024",
            _("Ingevuld: het gezin komt op de wachtlijst vanaf die datum."),
        ),
        Column(
            "status",
            False,
            "",
            _("Leeg: aangemeld, of wacht op een match als ‘wacht sinds’ is ingevuld."),
        ),
    ),
    second_example=(
        "El Amrani",
        "Fatima",
        "",
        "",
        "9902 CD",
        "Yasmin 2018-03-12",
        "ar, nl",
        "outings",
        "wo-middag",
        "",
        "intake gepland",
    ),
)

VOLUNTEERS = Layout(
    kind="volunteers",
    slug="vrijwilligers",
    label=_("vrijwilligers"),
    columns=(
        Column("achternaam", True, "de Vries", ""),
        Column("voornaam", True, "Kees", ""),
        Column(
            "e-mail",
            False,
            "kees.devries@example.org",
            _("Herkent de vrijwilliger bij een tweede import."),
        ),
        Column("telefoon", False, "06 87654321", ""),
        Column("geboortedatum", True, "1980-05-01", _("Vrijwilligers zijn 18 jaar of ouder.")),
        Column("postcode", True, "9902 CD", ""),
        Column(
            "reisafstand km",
            False,
            "10",
            _("Hoe ver de vrijwilliger wil reizen (1 tot 100 km; leeg: 10)."),
        ),
        Column("leeftijd van", False, "4", _("Jongste leeftijd van kinderen (leeg: 0).")),
        Column("leeftijd tot", False, "12", _("Oudste leeftijd van kinderen (leeg: 17).")),
        Column("talen", False, "nl, en", LANGUAGES_HELP),
        Column("aanbod", False, "samen iets leuks doen", NEEDS_HELP),
        Column("beschikbaarheid", True, "wo-middag, za-ochtend", SLOTS_HELP),
        Column("huisdieren", False, "nee", _("ja of nee (leeg: nee).")),
        Column("rookt", False, "nee", _("ja of nee (leeg: nee).")),
        Column("status", False, "", _("Leeg: aangemeld.")),
    ),
    second_example=(
        "Bakker",
        "Anna",
        "",
        "",
        "05-11-1992",
        "9901 AB",
        "5",
        "0",
        "17",
        "nl",
        "homework",
        "di-avond",
        "ja",
        "nee",
        "in screening",
    ),
)

LAYOUTS = (HOUSEHOLDS, VOLUNTEERS)


def header_key(raw: object) -> str:
    """A header as written loosely ('Huisdieren (ja/nee)', ' E-mail ') to its documented form."""
    without_notes = re.sub(r"\(.*?\)", "", str(raw or ""))
    return " ".join(without_notes.casefold().split())


def detect(headers: list[str]) -> Layout | None:
    """Which layout a file follows, told apart by a column only that layout has."""
    if "kinderen" in headers:
        return HOUSEHOLDS
    if "geboortedatum" in headers:
        return VOLUNTEERS
    return None
