"""Why a pair fits or not, in Dutch a coordinator can read: every rule and every part."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from . import text
from .arrays import Vocabulary
from .items import PARTS, ConflictReason
from .pool import Encoded, Pool
from .rules import RULE_ORDER, check, distance_km
from .scoring import CENTI, points, same_neighbourhood


@dataclass(frozen=True, slots=True)
class PartExplanation:
    name: str
    label: str
    points: float
    max_points: float
    sentence: str


@dataclass(frozen=True, slots=True)
class RuleExplanation:
    name: str
    label: str
    passed: bool
    sentence: str


@dataclass(frozen=True, slots=True)
class Explanation:
    request_id: int
    offer_id: int
    admissible: bool
    score: float  # 0-100, the sum of the parts (also computed when not admissible)
    parts: tuple[PartExplanation, ...]
    rules: tuple[RuleExplanation, ...]
    distance_km: float | None

    @property
    def failed(self) -> tuple[RuleExplanation, ...]:
        return tuple(rule for rule in self.rules if not rule.passed)

    @property
    def summary(self) -> str:
        if self.admissible:
            return f"Past: {text.number(self.score)} van 100 punten."
        return "Past niet: " + " ".join(rule.sentence for rule in self.failed)

    def as_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready) to store with a proposal."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class _Pair:
    """One request (r) and one offer (o) by position, with what the sentences need."""

    pool: Pool
    r: int
    o: int

    @property
    def d(self) -> Encoded:
        return self.pool.data

    def name(self, code: str) -> str:
        return self.pool.labels.get(code) or text.LANGUAGE_NAMES.get(code, code)

    def languages(self, mask: int) -> list[str]:
        return [self.name(w) for w in Vocabulary.names(self.d.vocabulary.languages, mask)]


def explain(pool: Pool, request_id: int, offer_id: int) -> Explanation:
    """Every hard rule (passed or not) and every score part of one pair, in Dutch."""
    r, o = pool.request_position(request_id), pool.offer_position(offer_id)
    if r is None or o is None:
        raise KeyError(f"Hulpvraag {request_id} of aanbod {offer_id} zit niet in deze pool.")
    return explain_positions(pool, r, o)


def explain_positions(pool: Pool, r: int, o: int) -> Explanation:
    d, pair = pool.data, _Pair(pool, r, o)
    ri, oi = np.array([r]), np.array([o])
    passed = {name: bool(ok[0]) for name, ok in check(d, pool.rules, ri, oi).items()}
    distance = float(distance_km(d, ri, oi)[0])
    part_points = points(d, pool.rules, pool.weights, ri, oi, np.array([distance]))[:, 0]
    parts = tuple(
        PartExplanation(
            name=name,
            label=text.PART_LABELS[name],
            points=int(part_points[k]) / CENTI,
            max_points=float(getattr(pool.weights, name)),
            sentence=PART_SENTENCES[name](pair, distance),
        )
        for k, name in enumerate(PARTS)
    )
    rules = tuple(
        RuleExplanation(
            name,
            text.RULE_LABELS[name],
            passed[name],
            RULE_SENTENCES[name](pair, passed[name], distance),
        )
        for name in RULE_ORDER
    )
    return Explanation(
        request_id=int(d.req.id[r]),
        offer_id=int(d.off.id[o]),
        admissible=all(passed.values()),
        score=int(part_points.sum()) / CENTI,
        parts=parts,
        rules=rules,
        distance_km=None if math.isnan(distance) else round(distance, 2),
    )


def _ages(low: float, high: float) -> str:
    low, high = math.floor(low), math.floor(high)
    return f"{low} jaar" if low == high else f"{low} tot {high} jaar"


def _children(p: _Pair) -> str:
    req = p.d.req
    n = int(req.children[p.r])
    ages = _ages(req.age_min[p.r], req.age_max[p.r])
    return f"Het kind ({ages})" if n == 1 else f"De {n} kinderen ({ages})"


def _wanted_ages(p: _Pair) -> str:
    return _ages(p.d.off.min_age[p.o], p.d.off.max_age[p.o])


def _shared_slots(p: _Pair) -> list[str]:
    return text.slot_names(int(p.d.req.slots[p.r]) & int(p.d.off.slots[p.o]))


def _slot_list(names: list[str]) -> str:
    if len(names) <= 3:
        return text.join(names)
    return ", ".join(names[:3]) + " en nog " + text.count(len(names) - 3, "dagdeel", "dagdelen")


# --- rules ---------------------------------------------------------------------------


def _rule_programme(p: _Pair, ok: bool, _: float) -> str:
    if ok:
        return "Gezin en vrijwilliger horen bij hetzelfde programma."
    return "Gezin en vrijwilliger horen bij een ander programma."


def _rule_screened(p: _Pair, ok: bool, _: float) -> str:
    if not p.pool.rules.require_screening:
        return "Screening is in dit programma geen eis."
    return (
        "De screening van de vrijwilliger is rond."
        if ok
        else "De screening van de vrijwilliger is nog niet rond."
    )


def _rule_available(p: _Pair, ok: bool, _: float) -> str:
    return "De vrijwilliger is beschikbaar." if ok else "De vrijwilliger is nu niet beschikbaar."


def _rule_capacity(p: _Pair, ok: bool, _: float) -> str:
    if not ok:
        return "De vrijwilliger heeft geen plek meer voor een gezin."
    left = int(p.d.off.capacity[p.o])
    return f"De vrijwilliger heeft nog plek voor {text.count(left, 'gezin', 'gezinnen')}."


def _rule_location(p: _Pair, ok: bool, _: float) -> str:
    if not p.pool.rules.check_distance:
        return "Afstand is in dit programma geen eis."
    if ok:
        return "De postcodes van gezin en vrijwilliger zijn bekend."
    unknown = [
        who
        for who, xyz, i in (("het gezin", p.d.req_xyz, p.r), ("de vrijwilliger", p.d.off_xyz, p.o))
        if not np.isfinite(xyz[i]).all()
    ]
    return f"De postcode van {text.join(unknown)} is onbekend, dus de afstand is niet te bepalen."


def _rule_distance(p: _Pair, ok: bool, distance: float) -> str:
    if not p.pool.rules.check_distance:
        return "Afstand is in dit programma geen eis."
    radius = text.km(p.d.off.radius_km[p.o])
    if math.isnan(distance):
        return "De afstand is niet te bepalen zonder postcode."
    if ok:
        return f"Woont {text.km(distance)} verderop (binnen {radius})."
    return f"Woont {text.km(distance)} verderop; de vrijwilliger reist tot {radius}."


def _rule_age(p: _Pair, ok: bool, _: float) -> str:
    if not p.pool.rules.check_age:
        return "Leeftijd is in dit programma geen eis."
    if p.d.req.children[p.r] == 0:
        return "Er zijn geen leeftijden van kinderen bekend."
    verb = "valt" if p.d.req.children[p.r] == 1 else "vallen"
    if ok:
        return (
            f"{_children(p)} {verb} binnen de leeftijd die de vrijwilliger wil: {_wanted_ages(p)}."
        )
    return f"{_children(p)} {verb} niet helemaal binnen de leeftijd die de vrijwilliger wil: {_wanted_ages(p)}."


def _rule_schedule(p: _Pair, ok: bool, _: float) -> str:
    if not p.pool.rules.check_availability:
        return "Dagdelen zijn in dit programma geen eis."
    if p.d.off.slots[p.o] == 0:
        return "De vrijwilliger heeft nog geen dagdelen opgegeven."
    if p.d.req.slots[p.r] == 0:
        return "Het gezin heeft nog geen dagdelen opgegeven."
    if ok:
        return f"Allebei kunnen op {_slot_list(_shared_slots(p))}."
    return "Er is geen dagdeel waarop allebei kunnen."


def _rule_language(p: _Pair, ok: bool, _: float) -> str:
    if (
        not p.pool.rules.require_shared_language_when_asked
        or not p.d.req.needs_shared_language[p.r]
    ):
        return "Een gedeelde taal is geen eis."
    shared = p.languages(int(p.d.req.languages[p.r]) & int(p.d.off.languages[p.o]))
    if ok:
        return f"Het gezin wil een gedeelde taal: allebei spreken {text.join(shared)}."
    return "Het gezin wil een gedeelde taal, maar ze spreken geen taal samen."


def _rule_pets(p: _Pair, ok: bool, _: float) -> str:
    if ok:
        return "Huisdieren zijn geen bezwaar."
    if p.d.off.has_pets[p.o] and not p.d.req.accepts_pets[p.r]:
        return "Het gezin wil geen huisdieren, maar de vrijwilliger heeft er wel."
    return "De vrijwilliger wil geen huisdieren, maar het gezin heeft er wel."


def _rule_smoking(p: _Pair, ok: bool, _: float) -> str:
    if ok:
        return "Roken is geen bezwaar."
    if p.d.off.smokes[p.o] and not p.d.req.accepts_smoking[p.r]:
        return "Het gezin wil niemand die rookt, maar de vrijwilliger rookt."
    return "De vrijwilliger wil geen gezin waar gerookt wordt, maar in het gezin wordt gerookt."


def _rule_faith(p: _Pair, ok: bool, _: float) -> str:
    wants = [
        who
        for who, must in (
            ("het gezin", p.d.req.faith_must_match[p.r]),
            ("de vrijwilliger", p.d.off.faith_must_match[p.o]),
        )
        if must
    ]
    if not p.pool.rules.check_preferences or not wants:
        return "Geloof is voor geen van beiden een eis."
    if ok:
        return "Allebei hebben hetzelfde geloof, zoals gewenst."
    return f"Voor {text.join(wants)} moet het geloof hetzelfde zijn; dat is hier niet zo."


def _rule_household(p: _Pair, ok: bool, _: float) -> str:
    if ok:
        return "Gezin en vrijwilliger horen niet bij hetzelfde huishouden."
    return "Gezin en vrijwilliger horen bij hetzelfde huishouden."


_CONFLICTS = {
    ConflictReason.KNOW_EACH_OTHER: "Ze kennen elkaar al.",
    ConflictReason.ENDED_MISMATCH: "Een eerdere koppeling tussen hen is gestopt omdat het niet klikte.",
    ConflictReason.OTHER: "Er is een bekend bezwaar tegen deze koppeling "
    "(bijvoorbeeld: ze kennen elkaar al, of een eerdere koppeling is gestopt).",
}


def _rule_conflict(p: _Pair, ok: bool, _: float) -> str:
    if ok:
        return "Er is geen bezwaar bekend."
    reason = p.pool.conflict_reason(int(p.d.req.id[p.r]), int(p.d.off.id[p.o]))
    return _CONFLICTS[reason or ConflictReason.OTHER]


RULE_SENTENCES = {
    "programme": _rule_programme,
    "screened": _rule_screened,
    "available": _rule_available,
    "capacity": _rule_capacity,
    "location": _rule_location,
    "distance": _rule_distance,
    "age": _rule_age,
    "schedule": _rule_schedule,
    "language": _rule_language,
    "pets": _rule_pets,
    "smoking": _rule_smoking,
    "faith": _rule_faith,
    "household": _rule_household,
    "conflict": _rule_conflict,
}


# --- score parts ---------------------------------------------------------------------


def _part_distance(p: _Pair, distance: float) -> str:
    if same_neighbourhood(p.d, p.r, p.o):
        return "Wonen in dezelfde buurt: alle punten."
    if math.isnan(distance):
        return "Afstand onbekend: geen punten."
    return f"Woont {text.km(distance)} verderop (binnen {text.km(p.d.off.radius_km[p.o])}). Dichterbij geeft meer punten."


def _part_availability(p: _Pair, _: float) -> str:
    shared = _shared_slots(p)
    full = p.pool.rules.slots_for_full_points
    if not shared:
        return "Geen gedeeld dagdeel: geen punten."
    count = text.count(len(shared), "gedeeld dagdeel", "gedeelde dagdelen")
    return f"{count}: {_slot_list(shared)}. Vanaf {full} alle punten."


def _part_age(p: _Pair, _: float) -> str:
    if p.d.req.children[p.r] == 0:
        return "Geen leeftijden bekend: geen punten."
    return (
        f"{_children(p)}; de vrijwilliger wil {_wanted_ages(p)}. "
        "Hoe dichter bij het midden, hoe meer punten."
    )


def _part_needs(p: _Pair, _: float) -> str:
    needs = p.d.vocabulary.needs
    asked = Vocabulary.names(needs, int(p.d.req.needs[p.r]))
    met = Vocabulary.names(needs, int(p.d.req.needs[p.r]) & int(p.d.off.offers[p.o]))
    if not asked:
        return "Het gezin vraagt niets speciaals: alle punten."
    sentence = f"Het gezin vraagt {text.count(len(asked), 'ding', 'dingen')}; de vrijwilliger biedt er {len(met)} van"
    return sentence + (f": {text.join([p.name(w) for w in met])}." if met else ".")


def _part_language(p: _Pair, _: float) -> str:
    shared = p.languages(int(p.d.req.languages[p.r]) & int(p.d.off.languages[p.o]))
    return f"Spreken samen {text.join(shared)}." if shared else "Geen gedeelde taal: geen punten."


def _part_waiting(p: _Pair, _: float) -> str:
    days = max(int(p.d.req.waited_days[p.r]), 0)
    full = p.pool.rules.max_waiting_days_for_full_points
    return f"Wacht {text.count(days, 'dag', 'dagen')}; na {full} dagen alle punten. Wie langer wacht, gaat voor."


PART_SENTENCES = {
    "distance": _part_distance,
    "availability": _part_availability,
    "age": _part_age,
    "needs": _part_needs,
    "language": _part_language,
    "waiting": _part_waiting,
}
