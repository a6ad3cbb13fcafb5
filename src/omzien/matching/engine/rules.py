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


def distance_km(d: Encoded, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    """Great-circle distance between postcode centroids; NaN when either is unknown."""
    chord = np.sqrt(((d.req_xyz[ri] - d.off_xyz[oi]) ** 2).sum(axis=1))
    return chord_to_km(chord)


def located(xyz: np.ndarray) -> np.ndarray:
    return np.isfinite(xyz).all(axis=1)


@njit(cache=True)
def _broken_rules(req, off, conflicts, on, first_only, ri, oi):
    """Per pair one bit per rule it breaks (bit k: RULE_ORDER[k]); with first_only, only
    the first. Written out rule by rule, in order: a loop over the rules, or a call per
    rule with the columns, makes this several times slower."""
    broken = np.zeros(len(ri), dtype=np.int64)
    for k in range(len(ri)):
        r, o, bits = ri[k], oi[k], 0
        while True:  # runs once; `break` stops at the first broken rule when asked to
            if on[PROGRAMME] and req.programme_id[r] != off.programme_id[o]:
                bits |= 1 << PROGRAMME
                if first_only:
                    break
            if on[SCREENED] and not off.screened[o]:
                bits |= 1 << SCREENED
                if first_only:
                    break
            if on[AVAILABLE] and not off.available[o]:
                bits |= 1 << AVAILABLE
                if first_only:
                    break
            if on[CAPACITY] and off.capacity[o] <= 0:
                bits |= 1 << CAPACITY
                if first_only:
                    break
            if on[LOCATION] and not (_located(req.xyz[r]) and _located(off.xyz[o])):
                bits |= 1 << LOCATION
                if first_only:
                    break
            # An unknown location fails the location rule; this one judges known distances.
            if on[DISTANCE] and _km(req.xyz[r], off.xyz[o]) > off.radius_km[o]:
                bits |= 1 << DISTANCE
                if first_only:
                    break
            if (
                on[AGE]
                and req.children[r] > 0
                and not (req.age_min[r] >= off.min_age[o] and req.age_max[r] <= off.max_age[o])
            ):
                bits |= 1 << AGE
                if first_only:
                    break
            if on[SCHEDULE] and (req.slots[r] & off.slots[o]) == 0:
                bits |= 1 << SCHEDULE
                if first_only:
                    break
            if (
                on[LANGUAGE]
                and req.needs_shared_language[r]
                and (req.languages[r] & off.languages[o]) == 0
            ):
                bits |= 1 << LANGUAGE
                if first_only:
                    break
            if on[PETS] and not _accepts(
                req.has_pets[r], req.accepts_pets[r], off.has_pets[o], off.accepts_pets[o]
            ):
                bits |= 1 << PETS
                if first_only:
                    break
            if on[SMOKING] and not _accepts(
                req.smokes[r], req.accepts_smoking[r], off.smokes[o], off.accepts_smoking[o]
            ):
                bits |= 1 << SMOKING
                if first_only:
                    break
            if (
                on[FAITH]
                and (req.faith_must_match[r] or off.faith_must_match[o])
                and (req.faith[r] < 0 or req.faith[r] != off.faith[o])
            ):
                bits |= 1 << FAITH
                if first_only:
                    break
            if on[HOUSEHOLD] and req.household[r] >= 0 and req.household[r] == off.household[o]:
                bits |= 1 << HOUSEHOLD
                if first_only:
                    break
            # Few requests have a known conflict: only theirs are looked up.
            if (
                on[CONFLICT]
                and req.has_conflict[r]
                and _known(conflicts, r * len(off.capacity) + o)  # as Encoded.pair_codes
            ):
                bits |= 1 << CONFLICT
            break
        broken[k] = bits
    return broken


@njit(cache=True, inline="always")
def _known(sorted_codes, code):
    at = np.searchsorted(sorted_codes, code)
    return at < len(sorted_codes) and sorted_codes[at] == code


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
