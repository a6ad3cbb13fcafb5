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
    """Ranked candidates (best first); when there are none, `reason` is a code for why (see why_none)."""

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
        raise KeyError(f"Request {request_id} is not in this pool.")
    others = np.arange(len(pool.data.off))
    return _suggest(pool, "request", request_id, r, np.full(len(others), r), others, others, k)


def suggest_for_offer(pool: Pool, offer_id: int, k: int = 10) -> Suggestions:
    """The k households this volunteer fits best."""
    o = pool.offer_position(offer_id)
    if o is None:
        raise KeyError(f"Offer {offer_id} is not in this pool.")
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


def decisive_rule(excluded: dict[str, int], considered: int) -> str | None:
    """The rule after which no candidate was left (rules counted in RULE_ORDER)."""
    left = considered
    for name in RULE_ORDER:
        left -= excluded.get(name, 0)
        if left <= 0:
            return name
    return None


def why_none(pool: Pool, side: str, subject: int, excluded: dict[str, int], considered: int) -> str:
    """A code for why no candidate is left for one request or offer (by position), or a pool.

    "empty": nobody on the other side; "none_fits": no single rule says it; "own_location" and
    "own_schedule": the subject itself lacks a postcode or parts of the week; otherwise the
    name of the rule that left nobody. The Django side says it in words, per side.
    """
    if considered == 0:
        return "empty"
    rule = decisive_rule(excluded, considered)
    if rule is None:
        return "none_fits"
    if side != "pool" and rule in ("location", "schedule") and _lacks(pool, side, subject, rule):
        return f"own_{rule}"
    return rule


def _lacks(pool: Pool, side: str, subject: int, rule: str) -> bool:
    d = pool.data
    if rule == "location":
        xyz = d.req_xyz if side == "request" else d.off_xyz
        return not np.isfinite(xyz[subject]).all()
    slots = d.req.slots if side == "request" else d.off.slots
    return int(slots[subject]) == 0
