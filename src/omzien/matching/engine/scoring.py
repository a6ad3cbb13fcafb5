"""The score of a pair: named parts, each a fraction in [0, 1] times its weight.

Points are kept in whole hundredths ("centipoints") so that the total equals the sum of
the parts shown to a coordinator and the optimal plan can be solved in exact integers.
Each part is written once, as a compiled (Numba) fraction for one pair.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from .items import PARTS, Rules, Weights
from .pool import Encoded

CENTI = 100  # centipoints per point

DISTANCE, AVAILABILITY, AGE, NEEDS, LANGUAGE, WAITING = (
    PARTS.index(name)
    for name in ("distance", "availability", "age", "needs", "language", "waiting")
)


def points(
    d: Encoded, rules: Rules, weights: Weights, ri: np.ndarray, oi: np.ndarray, distance: np.ndarray
) -> np.ndarray:
    """(parts, pairs) whole centipoints, rows in PARTS order."""
    scale = np.array([getattr(weights, name) * CENTI for name in PARTS], dtype=np.float64)
    return _points(
        d.req_columns,
        d.off_columns,
        scale,
        float(rules.slots_for_full_points),
        float(rules.max_waiting_days_for_full_points),
        np.asarray(ri, dtype=np.int64),
        np.asarray(oi, dtype=np.int64),
        np.asarray(distance, dtype=np.float64),
    )


@njit(cache=True)
def _points(req, off, scale, full_slots, full_days, ri, oi, distance):
    """Part by part, written out: a loop over the parts, or a call per part with the
    columns, makes this several times slower. A part without weight is not computed."""
    out = np.zeros((len(scale), len(ri)), dtype=np.int32)
    for k in range(len(ri)):
        r, o, km = ri[k], oi[k], distance[k]
        if scale[DISTANCE] != 0:
            # Closer is better, linearly down to nothing at the edge of the travel radius.
            near = 0.0 if math.isnan(km) else 1 - km / max(off.radius_km[o], 1e-9)
            same = _same(req.hood[r], off.hood[o])
            out[DISTANCE, k] = _centi(1.0 if same else min(max(near, 0.0), 1.0), scale[DISTANCE])
        if scale[AVAILABILITY] != 0:
            shared = _bits(req.slots[r] & off.slots[o])
            out[AVAILABILITY, k] = _centi(min(shared / full_slots, 1.0), scale[AVAILABILITY])
        if scale[AGE] != 0 and req.children[r] > 0:
            # Children in the middle of the ages a volunteer wants fit best; at the edge half.
            low, high = off.min_age[o], off.max_age[o]
            middle, half = (low + high) / 2, max((high - low) / 2, 0.5)
            gap = abs((req.age_min[r] + req.age_max[r]) / 2 - middle)
            out[AGE, k] = _centi(min(max(1 - 0.5 * gap / half, 0.0), 1.0), scale[AGE])
        if scale[NEEDS] != 0:
            asked = _bits(req.needs[r])
            # Nothing specific asked: any offer fits.
            met = _bits(req.needs[r] & off.offers[o]) / asked if asked else 1.0
            out[NEEDS, k] = _centi(met, scale[NEEDS])
        if scale[LANGUAGE] != 0 and (req.languages[r] & off.languages[o]) != 0:
            out[LANGUAGE, k] = _centi(1.0, scale[LANGUAGE])
        if scale[WAITING] != 0:
            waited = min(max(req.waited_days[r], 0) / full_days, 1.0)
            out[WAITING, k] = _centi(waited, scale[WAITING])
    return out


@njit(cache=True, inline="always")
def _centi(fraction, scale):
    return np.int32(np.rint(fraction * scale))


def same_neighbourhood(d: Encoded, r: int, o: int) -> bool:
    return bool(_same(d.req_columns.hood[r], d.off_columns.hood[o]))


@njit(cache=True, inline="always")
def _same(request_hood, offer_hood):
    return request_hood >= 0 and request_hood == offer_hood


@njit(cache=True, inline="always")
def _bits(mask):
    mask, count = np.uint64(mask), 0
    while mask:
        mask &= mask - np.uint64(1)
        count += 1
    return count
