"""Made-up people: names, contact details and where they live. Nothing here is real.

Names are common first names and surnames put together at random; e-mail addresses are
on example.org and telephone numbers are 06-00000xxx, which no one has.
"""

import unicodedata
from datetime import date, timedelta
from itertools import count
from random import Random

from omzien.geo.models import PostcodeArea

from .geography import MONEY_HOTSPOT


def names(text: str) -> list[str]:
    """A list from one string: long name lists stay readable."""
    return [name.strip() for name in text.split(",")]


FIRST_NAMES = {
    "nl": names(
        "Sanne, Lisa, Anouk, Fleur, Eva, Iris, Marloes, Esther, Linda, Kim, Mark, "
        "Jeroen, Bas, Tim, Ruben, Thomas, Niels, Martijn, Sander, Dennis, Ilse, Maaike, "
        "Joost, Wouter, Petra"
    ),
    "ar": names("Fatima, Yasmina, Samira, Nadia, Khadija, Mohamed, Youssef, Karim, Said, Hamza"),
    "tr": names("Elif, Ayse, Zeynep, Fatma, Emine, Mehmet, Emre, Burak, Mustafa, Hakan"),
    "pl": names("Agnieszka, Katarzyna, Magdalena, Anna, Piotr, Tomasz, Marek, Pawel"),
    "ti": names("Senait, Helen, Almaz, Yonas, Dawit, Samuel, Mebrahtu"),
    "uk": names("Olena, Iryna, Oksana, Natalia, Andriy, Serhiy, Oleksandr"),
    "en": names("Emma, Sarah, Laura, James, Daniel, Michael, Rachel"),
}
LAST_NAMES = {
    "nl": names(
        "de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Visser, Smit, "
        "Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, "
        "Dekker, Brouwer, de Wit, Dijkstra, Smits, de Graaf, van der Meer, Kok, Jacobs, "
        "van Wijk, Schouten, Willems, Hoekstra"
    ),
    "ar": names("El Amrani, Bouzid, Haddou, El Idrissi, Benali, Ouali, Tahiri, Azzouzi"),
    "tr": names("Yilmaz, Demir, Kaya, Sahin, Celik, Ozturk, Aydin"),
    "pl": names("Kowalski, Nowak, Wisniewska, Wojcik, Kaminski, Lewandowska"),
    "ti": names("Tesfay, Gebremedhin, Haile, Berhane, Kidane"),
    "uk": names("Kovalenko, Shevchuk, Bondarenko, Melnyk, Tkachenko"),
    "en": names("Smith, Brown, Taylor, Wilson, Evans"),
}
CHILD_NAMES = {
    "nl": names(
        "Noah, Emma, Sem, Julia, Liam, Mila, Luca, Tess, Finn, Saar, Daan, Nora, Levi, "
        "Zoe, Bram, Lotte, Jesse, Fenna, Milan, Evi"
    ),
    "ar": names("Adam, Amira, Rayan, Noor, Ilyas, Lina, Imran, Sara"),
    "tr": names("Eymen, Elif, Yusuf, Zeynep, Omer, Defne, Ali, Azra"),
    "pl": names("Zofia, Jakub, Lena, Antoni, Maja, Szymon"),
    "ti": names("Liya, Nahom, Selam, Abel, Ruth, Natan"),
    "uk": names("Sofiia, Maksym, Anna, Artem, Daryna, Mykyta"),
    "en": names("Oliver, Ava, Jack, Lily, Harry, Grace"),
}
# Who speaks what at home, with weights: mostly Dutch, some newcomers.
FAMILY_LANGUAGES = [
    (["nl"], 60),
    (["nl", "en"], 5),
    (["ar", "nl"], 8),
    (["ar"], 3),
    (["tr", "nl"], 7),
    (["tr"], 2),
    (["pl", "en"], 3),
    (["pl"], 2),
    (["ti"], 3),
    (["uk", "en"], 3),
    (["uk"], 2),
    (["en"], 2),
]
VOLUNTEER_LANGUAGES = [
    (["nl"], 64),
    (["nl", "en"], 18),
    (["nl", "ar"], 5),
    (["nl", "tr"], 5),
    (["nl", "pl"], 3),
    (["nl", "en", "uk"], 3),
    (["nl", "ti"], 2),
]
# Postcode letters as PostNL hands them out (never F, I, O, Q, U, Y; never SA, SD, SS).
LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
HOTSPOT_WEIGHT = 2.5
DAYS_PER_YEAR = 365.25


def ascii_word(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text).lower() if c.isalnum())


def born(rng: Random, today: date, min_years: float, max_years: float) -> date:
    """A birthday that makes someone at least `min_years` and under `max_years` old today."""
    low, high = int(min_years * DAYS_PER_YEAR) + 1, int(max_years * DAYS_PER_YEAR) - 1
    return today - timedelta(days=rng.randint(low, high))


class People:
    """Hands out names, unique e-mail addresses and phone numbers, and homes in Voorbeeldstad."""

    def __init__(self, rng: Random, areas: list[PostcodeArea]) -> None:
        self.rng, self.areas, self.serial = rng, areas, count(1)
        self.family_names: set[str] = set()
        self.full_names: set[tuple[str, str]] = set()
        share = {}
        for area in areas:
            share[area.neighbourhood_id] = share.get(area.neighbourhood_id, 0) + 1
        hoods = [area.neighbourhood for area in areas]
        self.family_weights = [
            h.households_with_children
            / share[h.pk]
            * (HOTSPOT_WEIGHT if h.code == MONEY_HOTSPOT else 1)
            for h in hoods
        ]
        self.volunteer_weights = [h.households / share[h.pk] for h in hoods]

    def languages(self, table: list[tuple[list[str], int]]) -> list[str]:
        options, weights = zip(*table, strict=True)
        return list(self.rng.choices(options, weights)[0])

    def home(self, family: bool = True) -> PostcodeArea:
        weights = self.family_weights if family else self.volunteer_weights
        return self.rng.choices(self.areas, weights)[0]

    def postcode(self, area: PostcodeArea) -> str:
        while (letters := "".join(self.rng.choices(LETTERS, k=2))) in {"SA", "SD", "SS"}:
            pass
        return f"{area.pc4} {letters}"

    def located(self, area: PostcodeArea, languages: list[str]) -> dict:
        return {"postcode": self.postcode(area), "postcode_area": area, "languages": languages}

    def name(self, language: str, last_name: str = "") -> dict:
        """A first name and surname that no one else in the demo has together."""
        key = language if language in FIRST_NAMES else "nl"
        last_name = last_name or self.rng.choice(LAST_NAMES[key])
        for attempt in count():
            first_name = self.rng.choice(FIRST_NAMES[key])
            if (first_name, last_name) not in self.full_names:
                break
            if attempt >= len(FIRST_NAMES[key]):  # this surname is crowded: make it a double one
                last_name = f"{last_name}-{self.rng.choice(LAST_NAMES['nl'])}"
        self.full_names.add((first_name, last_name))
        return {"first_name": first_name, "last_name": last_name}

    def family_name(self, language: str) -> dict:
        """A name whose surname no other demo household has.

        A coordinator's lists call a household by its surname; two "Gezin Kaminski" on one
        waiting list would make the demo confusing, so a taken surname becomes a double one.
        """
        name = self.name(language)
        while name["last_name"] in self.family_names:
            name["last_name"] = f"{name['last_name']}-{self.rng.choice(LAST_NAMES['nl'])}"
        self.family_names.add(name["last_name"])
        return name

    def child_name(self, language: str) -> str:
        return self.rng.choice(CHILD_NAMES.get(language, CHILD_NAMES["nl"]))

    def contact(self, name: dict, with_phone: bool = True) -> dict:
        """A name with an address nobody owns; the serial number keeps every address unique."""
        n = next(self.serial)
        if n > 999:
            raise AssertionError("the demo's phone numbers run out at 999 people")
        email = f"{ascii_word(name['first_name'])}.{ascii_word(name['last_name'])}.{n}@example.org"
        return {**name, "email": email, "phone": f"06-00000{n:03d}" if with_phone else ""}
