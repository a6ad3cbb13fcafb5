"""The hard rules, vectorised: a pair is admissible only if every rule passes.

Each rule takes index arrays of requests (ri) and offers (oi) and returns a boolean
array, True where the pair passes. A rule switched off for the programme type passes.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .items import Rules
from .pool import Encoded, chord_to_km

# The order in which a pair's first failing rule is counted ("why nobody fits").
RULE_ORDER: tuple[str, ...] = (
    "programme",
    "screened",
    "available",
    "capacity",
    "location",
    "distance",
    "age",
    "schedule",
    "language",
    "pets",
    "smoking",
    "faith",
    "household",
    "conflict",
)
# Rules that depend on the offer alone (checked once per offer, not per pair).
OFFER_RULES: tuple[str, ...] = ("screened", "available", "capacity")
# Rules checked per pair after the distance search.
PAIR_RULES: tuple[str, ...] = RULE_ORDER[RULE_ORDER.index("age") :]

RuleCheck = Callable[[Encoded, Rules, np.ndarray, np.ndarray], np.ndarray]


def distance_km(d: Encoded, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    """Great-circle distance between postcode centroids; NaN when either is unknown."""
    chord = np.sqrt(((d.req_xyz[ri] - d.off_xyz[oi]) ** 2).sum(axis=1))
    return chord_to_km(chord)


def _all(ri: np.ndarray) -> np.ndarray:
    return np.ones(len(ri), dtype=bool)


def _programme(d: Encoded, rules: Rules, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    return d.req.programme_id[ri] == d.off.programme_id[oi]


def _screened(d: Encoded, rules: Rules, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    return d.off.screened[oi] if rules.require_screening else _all(ri)


def _available(d: Encoded, rules: Rules, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    return d.off.available[oi]


def _capacity(d: Encoded, rules: Rules, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    return d.off.capacity[oi] > 0


def located(xyz: np.ndarray) -> np.ndarray:
    return np.isfinite(xyz).all(axis=1)


def _location(d: Encoded, rules: Rules, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    if not rules.check_distance:
        return _all(ri)
    return located(d.req_xyz[ri]) & located(d.off_xyz[oi])


def _distance(d: Encoded, rules: Rules, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    if not rules.check_distance:
        return _all(ri)
    # An unknown location fails the location rule; this rule judges known distances only.
    distance = distance_km(d, ri, oi)
    return np.isnan(distance) | (distance <= d.off.radius_km[oi])


def _age(d: Encoded, rules: Rules, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    if not rules.check_age:
        return _all(ri)
    no_children = d.req.children[ri] == 0
    inside = (d.req.age_min[ri] >= d.off.min_age[oi]) & (d.req.age_max[ri] <= d.off.max_age[oi])
    return no_children | inside


def _schedule(d: Encoded, rules: Rules, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    if not rules.check_availability:
        return _all(ri)
    return (d.req.slots[ri] & d.off.slots[oi]) != 0


def _language(d: Encoded, rules: Rules, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    passes = _all(ri)
    if not rules.require_shared_language_when_asked:
        return passes
    asked = np.flatnonzero(d.req.needs_shared_language[ri])  # few ask: check only those
    passes[asked] = (d.req.languages[ri[asked]] & d.off.languages[oi[asked]]) != 0
    return passes


def _accepts(
    rules: Rules, r_has: np.ndarray, r_accepts: np.ndarray, o_has: np.ndarray, o_accepts: np.ndarray
) -> np.ndarray:
    if not rules.check_preferences:
        return np.ones(len(r_has), dtype=bool)
    return (~o_has | r_accepts) & (~r_has | o_accepts)


def _pets(d: Encoded, rules: Rules, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    r, o = d.req, d.off
    return _accepts(rules, r.has_pets[ri], r.accepts_pets[ri], o.has_pets[oi], o.accepts_pets[oi])


def _smoking(d: Encoded, rules: Rules, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    r, o = d.req, d.off
    return _accepts(rules, r.smokes[ri], r.accepts_smoking[ri], o.smokes[oi], o.accepts_smoking[oi])


def _faith(d: Encoded, rules: Rules, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    passes = _all(ri)
    if not rules.check_preferences:
        return passes
    # Faith matters only where one side requires it, which is rare: check only those.
    wanted = np.flatnonzero(d.req.faith_must_match[ri] | d.off.faith_must_match[oi])
    faith = d.req_faith[ri[wanted]]
    passes[wanted] = (faith >= 0) & (faith == d.off_faith[oi[wanted]])
    return passes


def _household(d: Encoded, rules: Rules, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    key = d.req_household[ri]
    return (key < 0) | (key != d.off_household[oi])


def _conflict(d: Encoded, rules: Rules, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    passes = _all(ri)
    if len(d.conflicts) == 0:
        return passes
    # Few requests have a conflict: look up only their pairs in the sorted codes.
    involved = np.zeros(len(d.req), dtype=bool)
    involved[d.conflicts // max(len(d.off), 1)] = True
    suspect = np.flatnonzero(involved[ri])
    codes = d.pair_codes(ri[suspect], oi[suspect])
    at = np.minimum(np.searchsorted(d.conflicts, codes), len(d.conflicts) - 1)
    passes[suspect] = d.conflicts[at] != codes
    return passes


CHECKS: dict[str, RuleCheck] = {
    "programme": _programme,
    "screened": _screened,
    "available": _available,
    "capacity": _capacity,
    "location": _location,
    "distance": _distance,
    "age": _age,
    "schedule": _schedule,
    "language": _language,
    "pets": _pets,
    "smoking": _smoking,
    "faith": _faith,
    "household": _household,
    "conflict": _conflict,
}


def check(
    d: Encoded, rules: Rules, ri: np.ndarray, oi: np.ndarray, names: tuple[str, ...] = RULE_ORDER
) -> dict[str, np.ndarray]:
    """Every named rule for every pair (ri[k], oi[k]): True where it passes."""
    ri, oi = np.asarray(ri, dtype=np.int64), np.asarray(oi, dtype=np.int64)
    return {name: CHECKS[name](d, rules, ri, oi) for name in names}


def first_failures(passed: dict[str, np.ndarray]) -> tuple[np.ndarray, dict[str, int]]:
    """Pairs that pass all rules, and per rule how many pairs it was the first to exclude."""
    names = list(passed)
    keep = np.ones(len(passed[names[0]]), dtype=bool) if names else np.ones(0, dtype=bool)
    counts: dict[str, int] = {}
    for name in names:
        dropped = keep & ~passed[name]
        counts[name] = int(dropped.sum())
        keep &= passed[name]
    return keep, counts
