"""Reading one cell: text, dates, numbers, yes/no and lists of codes, with Dutch errors.

A cell holds a string (CSV, or text in XLSX) or a typed value from XLSX (date, number,
boolean). Every parser takes either and raises a ValidationError that the row report shows.
"""

import re
from collections.abc import Iterable
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from omzien.geo.models import pc4_of
from omzien.vocabulary import DAYS, PARTS, Language, Need

ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
DUTCH_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
LIST_SEPARATORS = re.compile(r"[,;\n]")
CHILD = re.compile(r"^(?P<name>.*\S)\s+(?P<born>\S+)$")
YES = {"ja", "j", "yes", "y", "1", "waar", "true", "x"}
NO = {"nee", "n", "no", "0", "onwaar", "false", ""}
DAY_ABBREVIATIONS = {
    "mon": "ma",
    "tue": "di",
    "wed": "wo",
    "thu": "do",
    "fri": "vr",
    "sat": "za",
    "sun": "zo",
}


def text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a number typed into a spreadsheet cell, such as a phone number
    return str(value).strip()


def optional_date(value: object) -> date | None:
    """A date as YYYY-MM-DD, DD-MM-YYYY or a spreadsheet date cell; None when empty."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = text(value)
    if not raw:
        return None
    if match := ISO_DATE.match(raw):
        year, month, day = match.groups()
    elif match := DUTCH_DATE.match(raw):
        day, month, year = match.groups()
    else:
        raise ValidationError(
            _("Schrijf de datum ‘%(raw)s’ als 2016-04-12 of 12-04-2016.") % {"raw": raw}
        )
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise ValidationError(_("De datum ‘%(raw)s’ bestaat niet.") % {"raw": raw}) from None


def required_date(value: object) -> date:
    if (day := optional_date(value)) is None:
        raise ValidationError(_("Vul een datum in."))
    return day


def past_date(value: object) -> date | None:
    """A date that has already happened (such as the day a family started waiting)."""
    day = optional_date(value)
    if day is not None and day > timezone.localdate():
        raise ValidationError(
            _("De datum %(day)s ligt in de toekomst.") % {"day": day.strftime("%d-%m-%Y")}
        )
    return day


def whole_number(value: object, default: int) -> int:
    raw = text(value)
    if not raw:
        return default
    if re.fullmatch(r"\d{1,4}", raw):
        return int(raw)
    raise ValidationError(_("Vul een heel getal in, zoals %(example)s.") % {"example": default})


def yes_no(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raw = text(value).casefold()
    if raw in YES | NO:
        return raw in YES
    raise ValidationError(_("Vul ja of nee in."))


def postcode(value: object) -> str:
    """A postcode written the usual way ('1234 AB'), after checking its form."""
    raw = text(value).upper().replace(" ", "")
    pc4 = pc4_of(raw)
    return f"{pc4} {raw[4:]}".strip()


def squeezed(word: str) -> str:
    return re.sub(r"[\s_\-]", "", word.casefold())


def vocabulary(choices: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Code and Dutch label, both written loosely, to the code."""
    with translation.override("nl"):
        pairs = [(code, str(label)) for code, label in choices]
    return {squeezed(word): code for code, label in pairs for word in (code, label)}


def slot_vocabulary() -> dict[str, str]:
    """'mon_afternoon', 'ma-middag', 'maandag middag' and 'maandagmiddag' all name one slot."""
    with translation.override("nl"):
        days = [(code, str(label), DAY_ABBREVIATIONS[code]) for code, label in DAYS]
        parts = [(code, str(label)) for code, label in PARTS]
    words = {}
    for day, day_label, abbreviation in days:
        for part, part_label in parts:
            slot = f"{day}_{part}"
            for word in (slot, abbreviation + part_label, day_label + part_label):
                words[squeezed(word)] = slot
    return words


LANGUAGES = vocabulary(Language.choices)
NEEDS = vocabulary(Need.choices)
SLOTS = slot_vocabulary()


def codes(value: object, words: dict[str, str], unknown_message: object) -> list[str]:
    """A list like 'nl, ar' or 'ma-middag; wo-ochtend' as codes, each once, in the file's order."""
    found, unknown = [], []
    for word in filter(None, (part.strip() for part in LIST_SEPARATORS.split(text(value)))):
        code = words.get(squeezed(word))
        if code is None:
            unknown.append(word)
        elif code not in found:
            found.append(code)
    if unknown:
        raise ValidationError(unknown_message % {"words": ", ".join(f"‘{w}’" for w in unknown)})
    return found


# Translated only when a row has an unknown word: a translation per row counted at 100,000.
UNKNOWN_LANGUAGE = gettext_lazy("Onbekende taal: %(words)s. Gebruik codes zoals nl, ar.")
UNKNOWN_NEED = gettext_lazy("Niet in de lijst van hulpvragen: %(words)s.")
UNKNOWN_SLOT = gettext_lazy("Onbekend dagdeel: %(words)s. Schrijf bijvoorbeeld ma-middag.")


def languages(value: object) -> list[str]:
    return codes(value, LANGUAGES, UNKNOWN_LANGUAGE)


def needs(value: object) -> list[str]:
    return codes(value, NEEDS, UNKNOWN_NEED)


def availability(value: object) -> list[str]:
    slots = codes(value, SLOTS, UNKNOWN_SLOT)
    if not slots:
        raise ValidationError(_("Geen beschikbaarheid ingevuld."))
    return slots


def children(value: object) -> list[tuple[str, date]]:
    """'Noor 2016-04-12; Sem 2019-09-01' as (first name, date of birth) pairs."""
    found = []
    for part in filter(None, (part.strip() for part in re.split(r"[;\n]", text(value)))):
        match = CHILD.match(part)
        if not match:
            raise ValidationError(
                _(
                    "Schrijf elk kind als voornaam en geboortedatum, zoals ‘Noor 2016-04-12; Sem 2019-09-01’."
                )
            )
        found.append((match["name"], required_date(match["born"])))
    if not found:
        raise ValidationError(_("Geen kinderen ingevuld."))
    return found


def choice(value: object, words: dict[str, str], default: str) -> str:
    raw = text(value)
    if not raw:
        return default
    if (code := words.get(squeezed(raw))) is None:
        raise ValidationError(_("Onbekende status ‘%(raw)s’.") % {"raw": raw})
    return code
