"""Why a pair fits or not, as codes and numbers: every rule and every part.

The engine speaks no language: each rule and part carries a `code` (what is the case) and
`args` (the numbers, and the codes of languages, needs and parts of the week it needs).
The Django side turns them into sentences in the reader's language.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from .arrays import Vocabulary
from .items import PARTS, ConflictReason
from .pool import Encoded, Pool
from .rules import RULE_ORDER, check, distance_km
from .scoring import CENTI, points, same_neighbourhood


@dataclass(frozen=True, slots=True)
class PartExplanation:
    name: str
    points: float
    max_points: float
    code: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RuleExplanation:
    name: str
    passed: bool
    code: str
    args: dict[str, Any] = field(default_factory=dict)


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

    def as_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready) to store with a proposal."""
        return asdict(self)


Said = tuple[str, dict[str, Any]]  # a code and its arguments


@dataclass(frozen=True, slots=True)
class _Pair:
    """One request (r) and one offer (o) by position, with what the explanations need."""

    pool: Pool
    r: int
    o: int

    @property
    def d(self) -> Encoded:
        return self.pool.data

    def languages(self, mask: int) -> list[str]:
        return Vocabulary.names(self.d.vocabulary.languages, mask)


def explain(pool: Pool, request_id: int, offer_id: int) -> Explanation:
    """Every hard rule (passed or not) and every score part of one pair."""
    r, o = pool.request_position(request_id), pool.offer_position(offer_id)
    if r is None or o is None:
        raise KeyError(f"Request {request_id} or offer {offer_id} is not in this pool.")
    return explain_positions(pool, r, o)


def explain_positions(pool: Pool, r: int, o: int) -> Explanation:
    d, pair = pool.data, _Pair(pool, r, o)
    ri, oi = np.array([r]), np.array([o])
    passed = {name: bool(ok[0]) for name, ok in check(d, pool.rules, ri, oi).items()}
    distance = float(distance_km(d, ri, oi)[0])
    part_points = points(d, pool.rules, pool.weights, ri, oi, np.array([distance]))[:, 0]
    parts = tuple(
        PartExplanation(
            name,
            int(part_points[k]) / CENTI,
            float(getattr(pool.weights, name)),
            *PART_CODES[name](pair, distance),
        )
        for k, name in enumerate(PARTS)
    )
    rules = tuple(
        RuleExplanation(name, passed[name], *RULE_CODES[name](pair, passed[name], distance))
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


def _km(value: float) -> float:
    return round(float(value), 1)


def _ages(p: _Pair) -> dict[str, Any]:
    """The children's and the wanted ages, in whole years."""
    req, off = p.d.req, p.d.off
    return {
        "children": int(req.children[p.r]),
        "low": math.floor(req.age_min[p.r]),
        "high": math.floor(req.age_max[p.r]),
        "wanted_low": math.floor(off.min_age[p.o]),
        "wanted_high": math.floor(off.max_age[p.o]),
    }


def _shared_slots(p: _Pair) -> list[int]:
    """Bits of the parts of the week both can (bit = day * 3 + part)."""
    mask = int(p.d.req.slots[p.r]) & int(p.d.off.slots[p.o])
    return [bit for bit in range(21) if mask >> bit & 1]


# --- rules ---------------------------------------------------------------------------


def _rule_programme(p: _Pair, ok: bool, _: float) -> Said:
    return ("same" if ok else "other"), {}


def _rule_screened(p: _Pair, ok: bool, _: float) -> Said:
    if not p.pool.rules.require_screening:
        return "not_required", {}
    return ("done" if ok else "pending"), {}


def _rule_available(p: _Pair, ok: bool, _: float) -> Said:
    return ("yes" if ok else "no"), {}


def _rule_capacity(p: _Pair, ok: bool, _: float) -> Said:
    if not ok:
        return "full", {}
    return "left", {"n": int(p.d.off.capacity[p.o])}


def _rule_location(p: _Pair, ok: bool, _: float) -> Said:
    if not p.pool.rules.check_distance:
        return "not_required", {}
    if ok:
        return "known", {}
    unknown = [
        who
        for who, xyz, i in (("household", p.d.req_xyz, p.r), ("volunteer", p.d.off_xyz, p.o))
        if not np.isfinite(xyz[i]).all()
    ]
    return "unknown", {"who": unknown}


def _rule_distance(p: _Pair, ok: bool, distance: float) -> Said:
    if not p.pool.rules.check_distance:
        return "not_required", {}
    if math.isnan(distance):
        return "unknown", {}
    args = {"km": _km(distance), "radius": _km(p.d.off.radius_km[p.o])}
    return ("within" if ok else "too_far"), args


def _rule_age(p: _Pair, ok: bool, _: float) -> Said:
    if not p.pool.rules.check_age:
        return "not_required", {}
    if p.d.req.children[p.r] == 0:
        return "no_children", {}
    return ("within" if ok else "outside"), _ages(p)


def _rule_schedule(p: _Pair, ok: bool, _: float) -> Said:
    if not p.pool.rules.check_availability:
        return "not_required", {}
    if p.d.off.slots[p.o] == 0:
        return "volunteer_none", {}
    if p.d.req.slots[p.r] == 0:
        return "household_none", {}
    if ok:
        return "shared", {"slots": _shared_slots(p)}
    return "none_shared", {}


def _rule_language(p: _Pair, ok: bool, _: float) -> Said:
    if (
        not p.pool.rules.require_shared_language_when_asked
        or not p.d.req.needs_shared_language[p.r]
    ):
        return "not_required", {}
    if ok:
        shared = p.languages(int(p.d.req.languages[p.r]) & int(p.d.off.languages[p.o]))
        return "shared", {"languages": shared}
    return "none_shared", {}


def _rule_pets(p: _Pair, ok: bool, _: float) -> Said:
    if ok:
        return "ok", {}
    if p.d.off.has_pets[p.o] and not p.d.req.accepts_pets[p.r]:
        return "volunteer_has", {}
    return "household_has", {}


def _rule_smoking(p: _Pair, ok: bool, _: float) -> Said:
    if ok:
        return "ok", {}
    if p.d.off.smokes[p.o] and not p.d.req.accepts_smoking[p.r]:
        return "volunteer_smokes", {}
    return "household_smokes", {}


def _rule_faith(p: _Pair, ok: bool, _: float) -> Said:
    wants = [
        who
        for who, must in (
            ("household", p.d.req.faith_must_match[p.r]),
            ("volunteer", p.d.off.faith_must_match[p.o]),
        )
        if must
    ]
    if not p.pool.rules.check_preferences or not wants:
        return "not_required", {}
    if ok:
        return "same", {}
    return "differs", {"who": wants}


def _rule_household(p: _Pair, ok: bool, _: float) -> Said:
    return ("other" if ok else "same"), {}


def _rule_conflict(p: _Pair, ok: bool, _: float) -> Said:
    if ok:
        return "none", {}
    reason = p.pool.conflict_reason(int(p.d.req.id[p.r]), int(p.d.off.id[p.o]))
    return str(reason or ConflictReason.OTHER), {}


RULE_CODES = {
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


def _part_distance(p: _Pair, distance: float) -> Said:
    if same_neighbourhood(p.d, p.r, p.o):
        return "same_neighbourhood", {}
    if math.isnan(distance):
        return "unknown", {}
    return "km", {"km": _km(distance), "radius": _km(p.d.off.radius_km[p.o])}


def _part_availability(p: _Pair, _: float) -> Said:
    shared = _shared_slots(p)
    if not shared:
        return "none", {}
    return "shared", {"slots": shared, "full": int(p.pool.rules.slots_for_full_points)}


def _part_age(p: _Pair, _: float) -> Said:
    if p.d.req.children[p.r] == 0:
        return "unknown", {}
    return "children", _ages(p)


def _part_needs(p: _Pair, _: float) -> Said:
    needs = p.d.vocabulary.needs
    asked = Vocabulary.names(needs, int(p.d.req.needs[p.r]))
    if not asked:
        return "none_asked", {}
    met = Vocabulary.names(needs, int(p.d.req.needs[p.r]) & int(p.d.off.offers[p.o]))
    return "met", {"asked": len(asked), "met": met}


def _part_language(p: _Pair, _: float) -> Said:
    shared = p.languages(int(p.d.req.languages[p.r]) & int(p.d.off.languages[p.o]))
    return ("shared", {"languages": shared}) if shared else ("none", {})


def _part_waiting(p: _Pair, _: float) -> Said:
    days = max(int(p.d.req.waited_days[p.r]), 0)
    return "days", {"days": days, "full": int(p.pool.rules.max_waiting_days_for_full_points)}


PART_CODES = {
    "distance": _part_distance,
    "availability": _part_availability,
    "age": _part_age,
    "needs": _part_needs,
    "language": _part_language,
    "waiting": _part_waiting,
}
