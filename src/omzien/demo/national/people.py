"""Made-up people for the national dataset: names, languages, addresses and birth dates,
from the same lists as the Voorbeeldstad demo. Nothing here is real."""

from dataclasses import dataclass
from datetime import date
from random import Random

from ..people import (
    CHILD_NAMES,
    FAMILY_LANGUAGES,
    FIRST_NAMES,
    LAST_NAMES,
    LETTERS,
    VOLUNTEER_LANGUAGES,
    born,
)
from .geography import Place


@dataclass
class Person:
    first: str
    last: str
    languages: list[str]


class Folk:
    def __init__(self) -> None:
        self.family_languages, self.family_weights = zip(*FAMILY_LANGUAGES, strict=True)
        self.volunteer_languages, self.volunteer_weights = zip(*VOLUNTEER_LANGUAGES, strict=True)

    def person(self, rng: Random, family: bool = False, last: str = "") -> Person:
        table, weights = (
            (self.family_languages, self.family_weights)
            if family
            else (self.volunteer_languages, self.volunteer_weights)
        )
        languages = rng.choices(table, weights)[0]
        first = rng.choice(FIRST_NAMES[languages[0]])
        return Person(first, last or rng.choice(LAST_NAMES[languages[0]]), list(languages))

    def child(self, rng: Random, language: str) -> str:
        return rng.choice(CHILD_NAMES[language])

    def address(self, rng: Random, place: Place) -> tuple[int, str]:
        """A PC4 area of the municipality and a full postcode in it."""
        area, pc4 = rng.choice(place.pc4s)
        return area, f"{pc4} {rng.choice(LETTERS)}{rng.choice(LETTERS)}"

    def adult_birth(self, rng: Random, today: date) -> date:
        return born(rng, today, 23, 70)
