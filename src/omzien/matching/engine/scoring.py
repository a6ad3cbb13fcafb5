"""The score of a pair: named parts, each a fraction in [0, 1] times its weight.

Points are kept in whole hundredths ("centipoints") so that the total equals the sum of
the parts shown to a coordinator and the optimal plan can be solved in exact integers.
"""

from __future__ import annotations

import numpy as np

from .items import PARTS, Rules, Weights
from .pool import Encoded

CENTI = 100  # centipoints per point


def points(
    d: Encoded, rules: Rules, weights: Weights, ri: np.ndarray, oi: np.ndarray, distance: np.ndarray
) -> np.ndarray:
    """(parts, pairs) whole centipoints, rows in PARTS order."""
    parts = {
        "distance": lambda: _distance(d, ri, oi, distance),
        "availability": lambda: _availability(d, rules, ri, oi),
        "age": lambda: _age(d, ri, oi),
        "needs": lambda: _needs(d, ri, oi),
        "language": lambda: _language(d, ri, oi),
        "waiting": lambda: _waiting(d, rules, ri),
    }
    out = np.zeros((len(PARTS), len(ri)), dtype=np.int32)
    for row, name in enumerate(PARTS):
        weight = getattr(weights, name)
        if weight:  # a part without weight needs no computing
            np.rint(parts[name]() * (weight * CENTI), out=out[row], casting="unsafe")
    return out


def same_neighbourhood(d: Encoded, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    return (d.req_hood[ri] >= 0) & (d.req_hood[ri] == d.off_hood[oi])


def _distance(d: Encoded, ri: np.ndarray, oi: np.ndarray, distance: np.ndarray) -> np.ndarray:
    # Closer is better, linearly down to nothing at the edge of the travel radius.
    radius = np.maximum(d.off.radius_km[oi], 1e-9)
    near = np.clip(1 - distance / radius, 0, 1)
    near = np.where(np.isnan(near), 0.0, near)
    return np.where(same_neighbourhood(d, ri, oi), 1.0, near)


def _availability(d: Encoded, rules: Rules, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    shared = np.bitwise_count(d.req.slots[ri] & d.off.slots[oi])
    return np.minimum(shared / rules.slots_for_full_points, 1.0)


def _age(d: Encoded, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    # Children in the middle of the ages a volunteer wants fit best; at the edge half.
    low, high = d.off.min_age[oi], d.off.max_age[oi]
    middle, half = (low + high) / 2, np.maximum((high - low) / 2, 0.5)
    children = (d.req.age_min[ri] + d.req.age_max[ri]) / 2
    fit = np.clip(1 - 0.5 * np.abs(children - middle) / half, 0, 1)
    return np.where(d.req.children[ri] > 0, fit, 0.0)


def _needs(d: Encoded, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    asked = np.bitwise_count(d.req.needs[ri]).astype(np.float64)
    met = np.bitwise_count(d.req.needs[ri] & d.off.offers[oi])
    # Nothing specific asked: any offer fits.
    return np.where(asked > 0, met / np.maximum(asked, 1), 1.0)


def _language(d: Encoded, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    return ((d.req.languages[ri] & d.off.languages[oi]) != 0).astype(np.float64)


def _waiting(d: Encoded, rules: Rules, ri: np.ndarray) -> np.ndarray:
    days = np.maximum(d.req.waited_days[ri], 0)
    return np.minimum(days / rules.max_waiting_days_for_full_points, 1.0)
