"""Dutch words and number formats for what a coordinator reads (B1 level)."""

from __future__ import annotations

from collections.abc import Sequence

PART_LABELS: dict[str, str] = {
    "distance": "Afstand",
    "availability": "Dagdelen",
    "age": "Leeftijd kinderen",
    "needs": "Vraag en aanbod",
    "language": "Taal",
    "waiting": "Wachttijd",
}

RULE_LABELS: dict[str, str] = {
    "programme": "Zelfde programma",
    "screened": "Screening rond",
    "available": "Beschikbaar",
    "capacity": "Heeft nog plek",
    "location": "Postcode bekend",
    "distance": "Binnen reisafstand",
    "age": "Leeftijd kinderen",
    "schedule": "Gedeeld dagdeel",
    "language": "Gedeelde taal",
    "pets": "Huisdieren",
    "smoking": "Roken",
    "faith": "Geloof",
    "household": "Ander huishouden",
    "conflict": "Geen bezwaar",
}

DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
DAY_PARTS = ("ochtend", "middag", "avond")


def number(value: float, decimals: int = 1) -> str:
    """1234.5 -> '1234,5'; whole numbers without decimals."""
    rounded = round(value, decimals)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.{decimals}f}".replace(".", ",")


def km(value: float) -> str:
    return f"{number(value)} km"


def join(words: Sequence[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b en c'."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " en " + words[-1]


def slot_names(mask: int) -> list[str]:
    """Bitmask of parts of the week -> ['maandagochtend', ...] (bit = day * 3 + part)."""
    return [
        DAYS[bit // 3] + DAY_PARTS[bit % 3]
        for bit in range(len(DAYS) * len(DAY_PARTS))
        if mask >> bit & 1
    ]


def count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


# Dutch names of the languages a pool usually holds (ISO 639 codes); others show as given.
LANGUAGE_NAMES: dict[str, str] = {
    "nl": "Nederlands",
    "en": "Engels",
    "ar": "Arabisch",
    "tr": "Turks",
    "pl": "Pools",
    "ti": "Tigrinya",
    "uk": "Oekraïens",
    "fr": "Frans",
    "de": "Duits",
    "es": "Spaans",
    "so": "Somalisch",
    "fa": "Perzisch",
    "pap": "Papiaments",
    "srn": "Sranantongo",
}
