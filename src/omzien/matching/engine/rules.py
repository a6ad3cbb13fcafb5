"""The hard rules: a pair is admissible only if every rule passes.

Each rule is written once, as a small compiled (Numba) test of one request r and one
offer o; `check` runs the chosen rules over many pairs in one pass, and `first_failing`
stops at the first rule a pair breaks. A rule switched off for the programme type passes.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from .items import Rules
from .pool import EARTH_RADIUS_KM, Encoded, chord_to_km

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

(PROGRAMME, SCREENED, AVAILABLE, CAPACITY, LOCATION, DISTANCE, AGE, SCHEDULE, LANGUAGE) = range(9)
(PETS, SMOKING, FAITH, HOUSEHOLD, CONFLICT) = range(9, 14)


def switches(rules: Rules) -> np.ndarray:
    """Per rule (RULE_ORDER): does it apply to this programme type?"""
    off = {
        "screened": not rules.require_screening,
        "location": not rules.check_distance,
        "distance": not rules.check_distance,
        "age": not rules.check_age,
        "schedule": not rules.check_availability,
        "language": not rules.require_shared_language_when_asked,
        "pets": not rules.check_preferences,
        "smoking": not rules.check_preferences,
        "faith": not rules.check_preferences,
    }
    return np.array([not off.get(name, False) for name in RULE_ORDER])


def check(
    d: Encoded, rules: Rules, ri: np.ndarray, oi: np.ndarray, names: tuple[str, ...] = RULE_ORDER
) -> dict[str, np.ndarray]:
    """Every named rule for every pair (ri[k], oi[k]): True where it passes."""
    wanted = np.array([name in names for name in RULE_ORDER])
    broken = _broken(d, switches(rules) & wanted, False, ri, oi)
    return {name: (broken & (1 << RULE_ORDER.index(name))) == 0 for name in names}


def first_failing(
    d: Encoded, rules: Rules, ri: np.ndarray, oi: np.ndarray, names: tuple[str, ...]
) -> tuple[np.ndarray, dict[str, int]]:
    """Pairs that pass the named rules, and per rule how many pairs it was the first
    (in RULE_ORDER) to exclude."""
    wanted = np.array([name in names for name in RULE_ORDER])
    broken = _broken(d, switches(rules) & wanted, True, ri, oi)
    counts = np.bincount(broken, minlength=1 << len(RULE_ORDER))  # one bit set at most
    return broken == 0, {name: int(counts[1 << RULE_ORDER.index(name)]) for name in names}


def _broken(d: Encoded, on: np.ndarray, first_only: bool, ri: np.ndarray, oi: np.ndarray):
    ri, oi = np.asarray(ri, dtype=np.int64), np.asarray(oi, dtype=np.int64)
    return _broken_rules(d.req_columns, d.off_columns, d.conflicts, on, first_only, ri, oi)


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


def distance_km(d: Encoded, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    """Great-circle distance between postcode centroids; NaN when either is unknown."""
    chord = np.sqrt(((d.req_xyz[ri] - d.off_xyz[oi]) ** 2).sum(axis=1))
    return chord_to_km(chord)


def located(xyz: np.ndarray) -> np.ndarray:
    return np.isfinite(xyz).all(axis=1)


@njit(cache=True)
def _broken_rules(req, off, conflicts, on, first_only, ri, oi):
    """Per pair one bit per rule it breaks (bit k: RULE_ORDER[k]); with first_only, only
    the first. The tests of one rule are written here, inline: a call per test would
    copy the columns each time."""
    broken = np.zeros(len(ri), dtype=np.int64)
    active = np.flatnonzero(on)
    for k in range(len(ri)):
        r, o = ri[k], oi[k]
        for rule in active:
            if rule == PROGRAMME:
                ok = req.programme_id[r] == off.programme_id[o]
            elif rule == SCREENED:
                ok = off.screened[o]
            elif rule == AVAILABLE:
                ok = off.available[o]
            elif rule == CAPACITY:
                ok = off.capacity[o] > 0
            elif rule == LOCATION:
                ok = _located(req.xyz[r]) and _located(off.xyz[o])
            elif rule == DISTANCE:
                # An unknown location fails the location rule; this one judges known distances.
                km = _km(req.xyz[r], off.xyz[o])
                ok = math.isnan(km) or km <= off.radius_km[o]
            elif rule == AGE:
                inside = req.age_min[r] >= off.min_age[o] and req.age_max[r] <= off.max_age[o]
                ok = req.children[r] == 0 or inside
            elif rule == SCHEDULE:
                ok = (req.slots[r] & off.slots[o]) != 0
            elif rule == LANGUAGE:
                ok = not req.needs_shared_language[r] or (req.languages[r] & off.languages[o]) != 0
            elif rule == PETS:
                ok = _accepts(
                    req.has_pets[r], req.accepts_pets[r], off.has_pets[o], off.accepts_pets[o]
                )
            elif rule == SMOKING:
                ok = _accepts(
                    req.smokes[r], req.accepts_smoking[r], off.smokes[o], off.accepts_smoking[o]
                )
            elif rule == FAITH:
                asked = req.faith_must_match[r] or off.faith_must_match[o]
                ok = not asked or (req.faith[r] >= 0 and req.faith[r] == off.faith[o])
            elif rule == HOUSEHOLD:
                ok = req.household[r] < 0 or req.household[r] != off.household[o]
            else:  # CONFLICT: few requests have one; only theirs are looked up
                ok = not req.has_conflict[r] or _absent(conflicts, r * len(off.capacity) + o)
            if not ok:
                broken[k] |= 1 << rule
                if first_only:
                    break
    return broken


@njit(cache=True, inline="always")
def _absent(sorted_codes, code):
    at = np.searchsorted(sorted_codes, code)
    return at == len(sorted_codes) or sorted_codes[at] != code


@njit(cache=True, inline="always")
def _accepts(r_has, r_accepts, o_has, o_accepts):
    return (not o_has or r_accepts) and (not r_has or o_accepts)


@njit(cache=True, inline="always")
def _located(point):
    return np.isfinite(point[0]) and np.isfinite(point[1]) and np.isfinite(point[2])


@njit(cache=True)
def _km(a, b):
    """As chord_to_km of the straight line between two points on the unit sphere."""
    chord = math.sqrt((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2)
    if math.isnan(chord):
        return chord
    return 2 * EARTH_RADIUS_KM * math.asin(min(chord / 2, 1.0))
