"""Suggestions: the best candidates for one household, or the households one volunteer fits.

One side against every item on the other side, in whole-array operations: fast enough
for a pool of tens of thousands while a coordinator waits.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .explain import Explanation, explain_positions
from .pool import Pool
from .rules import RULE_ORDER, distance_km, first_failing
from .scoring import CENTI, points


@dataclass(frozen=True, slots=True)
class Suggestion:
    request_id: int
    offer_id: int
    score: float
    explanation: Explanation


@dataclass(frozen=True, slots=True)
class Suggestions:
    """Ranked candidates (best first); when there are none, `reason` says why in Dutch."""

    side: str  # "request": offers for a request; "offer": requests for an offer
    subject_id: int
    candidates: tuple[Suggestion, ...]
    reason: str
    excluded: dict[str, int]  # per rule: candidates it was the first to rule out

    def __bool__(self) -> bool:
        return bool(self.candidates)


def suggest_for_request(pool: Pool, request_id: int, k: int = 10) -> Suggestions:
    """The k volunteers that fit this household best."""
    r = pool.request_position(request_id)
    if r is None:
        raise KeyError(f"Hulpvraag {request_id} zit niet in deze pool.")
    others = np.arange(len(pool.data.off))
    return _suggest(pool, "request", request_id, r, np.full(len(others), r), others, others, k)


def suggest_for_offer(pool: Pool, offer_id: int, k: int = 10) -> Suggestions:
    """The k households this volunteer fits best."""
    o = pool.offer_position(offer_id)
    if o is None:
        raise KeyError(f"Aanbod {offer_id} zit niet in deze pool.")
    others = np.arange(len(pool.data.req))
    return _suggest(pool, "offer", offer_id, o, others, np.full(len(others), o), others, k)


def _suggest(
    pool: Pool,
    side: str,
    subject_id: int,
    subject: int,
    ri: np.ndarray,
    oi: np.ndarray,
    others: np.ndarray,
    k: int,
) -> Suggestions:
    d = pool.data
    keep, excluded = first_failing(d, pool.rules, ri, oi, RULE_ORDER)
    ri, oi, others = ri[keep], oi[keep], others[keep]
    total = points(d, pool.rules, pool.weights, ri, oi, distance_km(d, ri, oi)).sum(axis=0)
    # Best score first; on a tie the longer-waiting household, then the lower id.
    other_ids = (d.off.id if side == "request" else d.req.id)[others]
    order = np.lexsort((other_ids, -d.req.waited_days[ri], -total))[: max(k, 0)]
    candidates = tuple(
        Suggestion(
            request_id=int(d.req.id[ri[n]]),
            offer_id=int(d.off.id[oi[n]]),
            score=int(total[n]) / CENTI,
            explanation=explain_positions(pool, int(ri[n]), int(oi[n])),
        )
        for n in order
    )
    reason = "" if candidates else why_none(pool, side, subject, excluded, len(keep))
    return Suggestions(side, subject_id, candidates, reason, excluded)


# The rule that leaves nobody, as said to a coordinator: (for a request, an offer, a pool).
_NONE: dict[str, tuple[str, str, str]] = {
    "programme": (
        "Er zijn geen vrijwilligers in dit programma.",
        "Er wachten geen gezinnen in dit programma.",
        "Gezinnen en vrijwilligers horen bij verschillende programma's.",
    ),
    "screened": (
        "Geen vrijwilliger in dit programma heeft de screening rond.",
        "De screening van deze vrijwilliger is nog niet rond.",
        "Geen vrijwilliger heeft de screening rond.",
    ),
    "available": (
        "Geen vrijwilliger in dit programma is nu beschikbaar.",
        "Deze vrijwilliger is nu niet beschikbaar.",
        "Geen vrijwilliger is nu beschikbaar.",
    ),
    "capacity": (
        "Alle vrijwilligers in dit programma zitten vol.",
        "Deze vrijwilliger heeft geen plek meer.",
        "Alle vrijwilligers zitten vol.",
    ),
    "location": (
        "Van de vrijwilligers is de postcode onbekend, dus de afstand is niet te bepalen.",
        "Van de gezinnen is de postcode onbekend, dus de afstand is niet te bepalen.",
        "De postcodes zijn onbekend, dus afstanden zijn niet te bepalen.",
    ),
    "distance": (
        "Geen vrijwilliger woont binnen reisafstand.",
        "Geen gezin woont binnen reisafstand.",
        "Geen vrijwilliger woont binnen reisafstand van een gezin.",
    ),
    "age": (
        "Geen vrijwilliger in de buurt wil kinderen van deze leeftijd ondersteunen.",
        "Geen gezin in de buurt heeft kinderen van de leeftijd die deze vrijwilliger wil.",
        "Geen vrijwilliger in de buurt wil kinderen van de leeftijd die de gezinnen hebben.",
    ),
    "schedule": (
        "Geen vrijwilliger in de buurt kan op dezelfde dagdelen.",
        "Geen gezin in de buurt kan op dezelfde dagdelen.",
        "Gezinnen en vrijwilligers in de buurt kunnen nergens op dezelfde dagdelen.",
    ),
    "language": (
        "Geen vrijwilliger in de buurt spreekt een taal van het gezin.",
        "Geen gezin in de buurt dat een gedeelde taal wil, spreekt een taal van deze vrijwilliger.",
        "Gezinnen die een gedeelde taal willen, vinden in de buurt niemand die hun taal spreekt.",
    ),
    "pets": (
        "Bij geen vrijwilliger in de buurt past het met huisdieren.",
        "Bij geen gezin in de buurt past het met huisdieren.",
        "In de buurt past het nergens met huisdieren.",
    ),
    "smoking": (
        "Bij geen vrijwilliger in de buurt past het met roken.",
        "Bij geen gezin in de buurt past het met roken.",
        "In de buurt past het nergens met roken.",
    ),
    "faith": (
        "Geen vrijwilliger in de buurt past bij de wens over geloof.",
        "Geen gezin in de buurt past bij de wens over geloof.",
        "In de buurt past het nergens met de wens over geloof.",
    ),
    "household": (
        "De enige vrijwilligers in de buurt horen bij hetzelfde huishouden.",
        "De enige gezinnen in de buurt horen bij hetzelfde huishouden.",
        "De enige combinaties in de buurt horen bij hetzelfde huishouden.",
    ),
    "conflict": (
        "Met de vrijwilligers die overblijven is een bekend bezwaar.",
        "Met de gezinnen die overblijven is een bekend bezwaar.",
        "Met alle combinaties die overblijven is een bekend bezwaar.",
    ),
}
# What the subject itself lacks says more than a count of the other side.
_OWN_LACK = {
    (
        "request",
        "location",
    ): "De postcode van dit gezin is onbekend, dus de afstand is niet te bepalen.",
    ("request", "schedule"): "Dit gezin heeft nog geen dagdelen opgegeven.",
    (
        "offer",
        "location",
    ): "De postcode van deze vrijwilliger is onbekend, dus de afstand is niet te bepalen.",
    ("offer", "schedule"): "Deze vrijwilliger heeft nog geen dagdelen opgegeven.",
}
_SIDES = ("request", "offer", "pool")


def decisive_rule(excluded: dict[str, int], considered: int) -> str | None:
    """The rule after which no candidate was left (rules counted in RULE_ORDER)."""
    left = considered
    for name in RULE_ORDER:
        left -= excluded.get(name, 0)
        if left <= 0:
            return name
    return None


def why_none(pool: Pool, side: str, subject: int, excluded: dict[str, int], considered: int) -> str:
    """Dutch: why no candidate is left for one request or offer (by position), or a pool."""
    if considered == 0:
        return {
            "request": "Er zijn nog geen vrijwilligers in deze pool.",
            "offer": "Er wachten nog geen gezinnen in deze pool.",
            "pool": "De pool is leeg: er zijn geen gezinnen of geen vrijwilligers.",
        }[side]
    rule = decisive_rule(excluded, considered)
    if rule is None:
        return "Geen kandidaat past."
    if (side, rule) in _OWN_LACK and _lacks(pool, side, subject, rule):
        return _OWN_LACK[(side, rule)]
    return _NONE[rule][_SIDES.index(side)]


def _lacks(pool: Pool, side: str, subject: int, rule: str) -> bool:
    d = pool.data
    if rule == "location":
        xyz = d.req_xyz if side == "request" else d.off_xyz
        return not np.isfinite(xyz[subject]).all()
    slots = d.req.slots if side == "request" else d.off.slots
    return int(slots[subject]) == 0
