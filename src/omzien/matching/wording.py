"""The engine's codes and numbers as sentences in the reader's language.

The engine (no Django) says what is the case as a code with arguments; this module words it
with gettext. Proposals stored before the engine gave codes carry a Dutch `sentence`; those
are shown as stored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from omzien.vocabulary import SLOTS, Language, Need

PART_LABELS = {
    "distance": gettext_lazy("Afstand"),
    "availability": gettext_lazy("Dagdelen"),
    "age": gettext_lazy("Leeftijd kinderen"),
    "needs": gettext_lazy("Vraag en aanbod"),
    "language": gettext_lazy("Taal"),
    "waiting": gettext_lazy("Wachttijd"),
}

RULE_LABELS = {
    "programme": gettext_lazy("Zelfde programma"),
    "screened": gettext_lazy("Screening rond"),
    "available": gettext_lazy("Beschikbaar"),
    "capacity": gettext_lazy("Heeft nog plek"),
    "location": gettext_lazy("Postcode bekend"),
    "distance": gettext_lazy("Binnen reisafstand"),
    "age": gettext_lazy("Leeftijd kinderen"),
    "schedule": gettext_lazy("Gedeeld dagdeel"),
    "language": gettext_lazy("Gedeelde taal"),
    "pets": gettext_lazy("Huisdieren"),
    "smoking": gettext_lazy("Roken"),
    "faith": gettext_lazy("Geloof"),
    "household": gettext_lazy("Ander huishouden"),
    "conflict": gettext_lazy("Geen bezwaar"),
}


def readable(explanation: Any) -> dict[str, Any]:
    """An engine Explanation or its stored dict, with labels and sentences for the page."""
    data = explanation if isinstance(explanation, Mapping) else explanation.as_dict()
    return {
        "admissible": data.get("admissible"),
        "score": data.get("score"),
        "parts": [
            {
                "label": str(PART_LABELS.get(part["name"], part.get("label", part["name"]))),
                "points": part["points"],
                "max_points": part["max_points"],
                "sentence": part_sentence(part),
            }
            for part in data.get("parts", ())
        ],
        "rules": [
            {
                "label": str(RULE_LABELS.get(rule["name"], rule.get("label", rule["name"]))),
                "passed": rule["passed"],
                "sentence": rule_sentence(rule),
            }
            for rule in data.get("rules", ())
        ],
    }


def failed_rules(explanation: Any) -> str:
    """The rules a pair does not pass, as one line."""
    return " ".join(
        rule["sentence"] for rule in readable(explanation)["rules"] if not rule["passed"]
    )


# --- words for the arguments ---------------------------------------------------------


def number(value: float) -> str:
    return number_format(value, 1 if value != int(value) else 0)


def km(value: float) -> str:
    return _("%(number)s km") % {"number": number(value)}


def join(words: Sequence[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b en c' (in English: 'a, b and c')."""
    words = [str(word) for word in words]
    if len(words) <= 1:
        return "".join(words)
    return _("%(first)s en %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


def _who(codes: Sequence[str]) -> str:
    names = {"household": _("het gezin"), "volunteer": _("de vrijwilliger")}
    return join([names.get(code, code) for code in codes])


def _languages(codes: Sequence[str]) -> str:
    names = dict(Language.choices)
    return join([names.get(code, code) for code in codes])


def _needs(codes: Sequence[str]) -> str:
    names = dict(Need.choices)
    return join([names.get(code, code) for code in codes])


def _slots(bits: Sequence[int]) -> str:
    names = [str(SLOTS[bit][1]) for bit in bits if 0 <= bit < len(SLOTS)]
    if len(names) <= 3:
        return join(names)
    rest = len(names) - 3
    return ", ".join(names[:3]) + ngettext(
        " en nog %(n)s dagdeel", " en nog %(n)s dagdelen", rest
    ) % {"n": rest}


def _ages(low: int, high: int) -> str:
    if low == high:
        return ngettext("%(n)s jaar", "%(n)s jaar", low) % {"n": low}
    return _("%(low)s tot %(high)s jaar") % {"low": low, "high": high}


def _children(args: Mapping[str, Any], one: str, many: str) -> str:
    n = args["children"]
    return ngettext(one, many, n) % {
        "n": n,
        "ages": _ages(args["low"], args["high"]),
        "wanted": _ages(args["wanted_low"], args["wanted_high"]),
    }


# --- rules ---------------------------------------------------------------------------


def rule_sentence(rule: Mapping[str, Any]) -> str:
    if "code" not in rule:  # stored before the engine gave codes
        return rule.get("sentence", "")
    name, code, args = rule["name"], rule["code"], rule.get("args") or {}
    if name == "capacity" and code == "left":
        n = args["n"]
        return ngettext(
            "De vrijwilliger heeft nog plek voor %(n)s gezin.",
            "De vrijwilliger heeft nog plek voor %(n)s gezinnen.",
            n,
        ) % {"n": n}
    if name == "location" and code == "unknown":
        return _("De postcode van %(who)s is onbekend, dus de afstand is niet te bepalen.") % {
            "who": _who(args["who"])
        }
    if name == "distance" and code in ("within", "too_far"):
        words = {"km": km(args["km"]), "radius": km(args["radius"])}
        if code == "within":
            return _("Woont %(km)s verderop (binnen %(radius)s).") % words
        return _("Woont %(km)s verderop; de vrijwilliger reist tot %(radius)s.") % words
    if name == "age" and code == "within":
        return _children(
            args,
            "Het kind (%(ages)s) valt binnen de leeftijd die de vrijwilliger wil: %(wanted)s.",
            "De %(n)s kinderen (%(ages)s) vallen binnen de leeftijd die de vrijwilliger wil: "
            "%(wanted)s.",
        )
    if name == "age" and code == "outside":
        return _children(
            args,
            "Het kind (%(ages)s) valt niet helemaal binnen de leeftijd die de vrijwilliger wil: "
            "%(wanted)s.",
            "De %(n)s kinderen (%(ages)s) vallen niet helemaal binnen de leeftijd die de "
            "vrijwilliger wil: %(wanted)s.",
        )
    if name == "schedule" and code == "shared":
        return _("Allebei kunnen op %(slots)s.") % {"slots": _slots(args["slots"])}
    if name == "language" and code == "shared":
        return _("Het gezin wil een gedeelde taal: allebei spreken %(languages)s.") % {
            "languages": _languages(args["languages"])
        }
    if name == "faith" and code == "differs":
        return _("Voor %(who)s moet het geloof hetzelfde zijn; dat is hier niet zo.") % {
            "who": _who(args["who"])
        }
    return str(RULE_TEXTS.get((name, code), code))


RULE_TEXTS = {
    ("programme", "same"): gettext_lazy("Gezin en vrijwilliger horen bij hetzelfde programma."),
    ("programme", "other"): gettext_lazy("Gezin en vrijwilliger horen bij een ander programma."),
    ("screened", "not_required"): gettext_lazy("Screening is in dit programma geen eis."),
    ("screened", "done"): gettext_lazy("De screening van de vrijwilliger is rond."),
    ("screened", "pending"): gettext_lazy("De screening van de vrijwilliger is nog niet rond."),
    ("available", "yes"): gettext_lazy("De vrijwilliger is beschikbaar."),
    ("available", "no"): gettext_lazy("De vrijwilliger is nu niet beschikbaar."),
    ("capacity", "full"): gettext_lazy("De vrijwilliger heeft geen plek meer voor een gezin."),
    ("location", "not_required"): gettext_lazy("Afstand is in dit programma geen eis."),
    ("location", "known"): gettext_lazy("De postcodes van gezin en vrijwilliger zijn bekend."),
    ("distance", "not_required"): gettext_lazy("Afstand is in dit programma geen eis."),
    ("distance", "unknown"): gettext_lazy("De afstand is niet te bepalen zonder postcode."),
    ("age", "not_required"): gettext_lazy("Leeftijd is in dit programma geen eis."),
    ("age", "no_children"): gettext_lazy("Er zijn geen leeftijden van kinderen bekend."),
    ("schedule", "not_required"): gettext_lazy("Dagdelen zijn in dit programma geen eis."),
    ("schedule", "volunteer_none"): gettext_lazy(
        "De vrijwilliger heeft nog geen dagdelen opgegeven."
    ),
    ("schedule", "household_none"): gettext_lazy("Het gezin heeft nog geen dagdelen opgegeven."),
    ("schedule", "none_shared"): gettext_lazy("Er is geen dagdeel waarop allebei kunnen."),
    ("language", "not_required"): gettext_lazy("Een gedeelde taal is geen eis."),
    ("language", "none_shared"): gettext_lazy(
        "Het gezin wil een gedeelde taal, maar ze spreken geen taal samen."
    ),
    ("pets", "ok"): gettext_lazy("Huisdieren zijn geen bezwaar."),
    ("pets", "volunteer_has"): gettext_lazy(
        "Het gezin wil geen huisdieren, maar de vrijwilliger heeft er wel."
    ),
    ("pets", "household_has"): gettext_lazy(
        "De vrijwilliger wil geen huisdieren, maar het gezin heeft er wel."
    ),
    ("smoking", "ok"): gettext_lazy("Roken is geen bezwaar."),
    ("smoking", "volunteer_smokes"): gettext_lazy(
        "Het gezin wil niemand die rookt, maar de vrijwilliger rookt."
    ),
    ("smoking", "household_smokes"): gettext_lazy(
        "De vrijwilliger wil geen gezin waar gerookt wordt, maar in het gezin wordt gerookt."
    ),
    ("faith", "not_required"): gettext_lazy("Geloof is voor geen van beiden een eis."),
    ("faith", "same"): gettext_lazy("Allebei hebben hetzelfde geloof, zoals gewenst."),
    ("household", "other"): gettext_lazy(
        "Gezin en vrijwilliger horen niet bij hetzelfde huishouden."
    ),
    ("household", "same"): gettext_lazy("Gezin en vrijwilliger horen bij hetzelfde huishouden."),
    ("conflict", "none"): gettext_lazy("Er is geen bezwaar bekend."),
    ("conflict", "know_each_other"): gettext_lazy("Ze kennen elkaar al."),
    ("conflict", "ended_mismatch"): gettext_lazy(
        "Een eerdere koppeling tussen hen is gestopt omdat het niet klikte."
    ),
    ("conflict", "other"): gettext_lazy(
        "Er is een bekend bezwaar tegen deze koppeling (bijvoorbeeld: ze kennen elkaar al, "
        "of een eerdere koppeling is gestopt)."
    ),
}


# --- score parts ---------------------------------------------------------------------


def part_sentence(part: Mapping[str, Any]) -> str:
    if "code" not in part:  # stored before the engine gave codes
        return part.get("sentence", "")
    name, code, args = part["name"], part["code"], part.get("args") or {}
    if name == "distance" and code == "km":
        return _("Woont %(km)s verderop (binnen %(radius)s). Dichterbij geeft meer punten.") % {
            "km": km(args["km"]),
            "radius": km(args["radius"]),
        }
    if name == "availability" and code == "shared":
        n = len(args["slots"])
        return ngettext(
            "%(n)s gedeeld dagdeel: %(slots)s. Vanaf %(full)s alle punten.",
            "%(n)s gedeelde dagdelen: %(slots)s. Vanaf %(full)s alle punten.",
            n,
        ) % {"n": n, "slots": _slots(args["slots"]), "full": args["full"]}
    if name == "age" and code == "children":
        return _children(
            args,
            "Het kind (%(ages)s); de vrijwilliger wil %(wanted)s. "
            "Hoe dichter bij het midden, hoe meer punten.",
            "De %(n)s kinderen (%(ages)s); de vrijwilliger wil %(wanted)s. "
            "Hoe dichter bij het midden, hoe meer punten.",
        )
    if name == "needs" and code == "met":
        n, met = args["asked"], args["met"]
        words = {"n": n, "met": len(met), "names": _needs(met)}
        if not met:
            return (
                ngettext(
                    "Het gezin vraagt %(n)s ding; de vrijwilliger biedt er %(met)s van.",
                    "Het gezin vraagt %(n)s dingen; de vrijwilliger biedt er %(met)s van.",
                    n,
                )
                % words
            )
        return (
            ngettext(
                "Het gezin vraagt %(n)s ding; de vrijwilliger biedt er %(met)s van: %(names)s.",
                "Het gezin vraagt %(n)s dingen; de vrijwilliger biedt er %(met)s van: %(names)s.",
                n,
            )
            % words
        )
    if name == "language" and code == "shared":
        return _("Spreken samen %(languages)s.") % {"languages": _languages(args["languages"])}
    if name == "waiting" and code == "days":
        n = args["days"]
        return ngettext(
            "Wacht %(n)s dag; na %(full)s dagen alle punten. Wie langer wacht, gaat voor.",
            "Wacht %(n)s dagen; na %(full)s dagen alle punten. Wie langer wacht, gaat voor.",
            n,
        ) % {"n": n, "full": args["full"]}
    return str(PART_TEXTS.get((name, code), code))


PART_TEXTS = {
    ("distance", "same_neighbourhood"): gettext_lazy("Wonen in dezelfde buurt: alle punten."),
    ("distance", "unknown"): gettext_lazy("Afstand onbekend: geen punten."),
    ("availability", "none"): gettext_lazy("Geen gedeeld dagdeel: geen punten."),
    ("age", "unknown"): gettext_lazy("Geen leeftijden bekend: geen punten."),
    ("needs", "none_asked"): gettext_lazy("Het gezin vraagt niets speciaals: alle punten."),
    ("language", "none"): gettext_lazy("Geen gedeelde taal: geen punten."),
}


# --- why nobody fits -----------------------------------------------------------------

_SIDES = ("request", "offer", "pool")

# The engine's reason code per side: (for a request, for an offer, for a whole pool).
REASONS = {
    "empty": (
        gettext_lazy("Er zijn nog geen vrijwilligers in deze pool."),
        gettext_lazy("Er wachten nog geen gezinnen in deze pool."),
        gettext_lazy("De pool is leeg: er zijn geen gezinnen of geen vrijwilligers."),
    ),
    "none_fits": (gettext_lazy("Geen kandidaat past."),) * 3,
    "own_location": (
        gettext_lazy("De postcode van dit gezin is onbekend, dus de afstand is niet te bepalen."),
        gettext_lazy(
            "De postcode van deze vrijwilliger is onbekend, dus de afstand is niet te bepalen."
        ),
        "",
    ),
    "own_schedule": (
        gettext_lazy("Dit gezin heeft nog geen dagdelen opgegeven."),
        gettext_lazy("Deze vrijwilliger heeft nog geen dagdelen opgegeven."),
        "",
    ),
    "programme": (
        gettext_lazy("Er zijn geen vrijwilligers in dit programma."),
        gettext_lazy("Er wachten geen gezinnen in dit programma."),
        gettext_lazy("Gezinnen en vrijwilligers horen bij verschillende programma's."),
    ),
    "screened": (
        gettext_lazy("Geen vrijwilliger in dit programma heeft de screening rond."),
        gettext_lazy("De screening van deze vrijwilliger is nog niet rond."),
        gettext_lazy("Geen vrijwilliger heeft de screening rond."),
    ),
    "available": (
        gettext_lazy("Geen vrijwilliger in dit programma is nu beschikbaar."),
        gettext_lazy("Deze vrijwilliger is nu niet beschikbaar."),
        gettext_lazy("Geen vrijwilliger is nu beschikbaar."),
    ),
    "capacity": (
        gettext_lazy("Alle vrijwilligers in dit programma zitten vol."),
        gettext_lazy("Deze vrijwilliger heeft geen plek meer."),
        gettext_lazy("Alle vrijwilligers zitten vol."),
    ),
    "location": (
        gettext_lazy(
            "Van de vrijwilligers is de postcode onbekend, dus de afstand is niet te bepalen."
        ),
        gettext_lazy("Van de gezinnen is de postcode onbekend, dus de afstand is niet te bepalen."),
        gettext_lazy("De postcodes zijn onbekend, dus afstanden zijn niet te bepalen."),
    ),
    "distance": (
        gettext_lazy("Geen vrijwilliger woont binnen reisafstand."),
        gettext_lazy("Geen gezin woont binnen reisafstand."),
        gettext_lazy("Geen vrijwilliger woont binnen reisafstand van een gezin."),
    ),
    "age": (
        gettext_lazy("Geen vrijwilliger in de buurt wil kinderen van deze leeftijd ondersteunen."),
        gettext_lazy(
            "Geen gezin in de buurt heeft kinderen van de leeftijd die deze vrijwilliger wil."
        ),
        gettext_lazy(
            "Geen vrijwilliger in de buurt wil kinderen van de leeftijd die de gezinnen hebben."
        ),
    ),
    "schedule": (
        gettext_lazy("Geen vrijwilliger in de buurt kan op dezelfde dagdelen."),
        gettext_lazy("Geen gezin in de buurt kan op dezelfde dagdelen."),
        gettext_lazy("Gezinnen en vrijwilligers in de buurt kunnen nergens op dezelfde dagdelen."),
    ),
    "language": (
        gettext_lazy("Geen vrijwilliger in de buurt spreekt een taal van het gezin."),
        gettext_lazy(
            "Geen gezin in de buurt dat een gedeelde taal wil, spreekt een taal van deze "
            "vrijwilliger."
        ),
        gettext_lazy(
            "Gezinnen die een gedeelde taal willen, vinden in de buurt niemand die hun taal "
            "spreekt."
        ),
    ),
    "pets": (
        gettext_lazy("Bij geen vrijwilliger in de buurt past het met huisdieren."),
        gettext_lazy("Bij geen gezin in de buurt past het met huisdieren."),
        gettext_lazy("In de buurt past het nergens met huisdieren."),
    ),
    "smoking": (
        gettext_lazy("Bij geen vrijwilliger in de buurt past het met roken."),
        gettext_lazy("Bij geen gezin in de buurt past het met roken."),
        gettext_lazy("In de buurt past het nergens met roken."),
    ),
    "faith": (
        gettext_lazy("Geen vrijwilliger in de buurt past bij de wens over geloof."),
        gettext_lazy("Geen gezin in de buurt past bij de wens over geloof."),
        gettext_lazy("In de buurt past het nergens met de wens over geloof."),
    ),
    "household": (
        gettext_lazy("De enige vrijwilligers in de buurt horen bij hetzelfde huishouden."),
        gettext_lazy("De enige gezinnen in de buurt horen bij hetzelfde huishouden."),
        gettext_lazy("De enige combinaties in de buurt horen bij hetzelfde huishouden."),
    ),
    "conflict": (
        gettext_lazy("Met de vrijwilligers die overblijven is een bekend bezwaar."),
        gettext_lazy("Met de gezinnen die overblijven is een bekend bezwaar."),
        gettext_lazy("Met alle combinaties die overblijven is een bekend bezwaar."),
    ),
}


def reason(code: str, side: str = "request") -> str:
    """Why nobody fits, from the engine's reason code (see engine.suggest.why_none)."""
    if not code:
        return ""
    texts = REASONS.get(code)
    return str(texts[_SIDES.index(side)]) if texts else code
