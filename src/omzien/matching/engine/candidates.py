"""All admissible pairs of a pool, with their scores, found without looking at every pair.

Offers that cannot take anyone are dropped first; then a k-d tree finds the pairs within
each volunteer's travel radius (and within one programme); the other rules and the score
are computed for those pairs only, as whole-array operations.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree

from .items import PARTS
from .pool import Encoded, Pool, chord_to_km, km_to_chord
from .rules import OFFER_RULES, PAIR_RULES, RULE_ORDER, check, distance_km, first_failures, located
from .scoring import CENTI, points

# Programmes sit this far apart on an extra axis, so one search never mixes them
# (any two points on the unit sphere are at most 2 apart).
_PROGRAMME_GAP = 10.0
# Offers are searched in groups of similar radius, each group's radius at most this
# factor above its smallest, so few pairs beyond a volunteer's own radius are visited.
_RADIUS_STEP = 1.5


@dataclass(frozen=True, eq=False)
class Candidates:
    """Admissible pairs as parallel arrays (positions in the pool, not ids)."""

    request_index: np.ndarray
    offer_index: np.ndarray
    distance_km: np.ndarray
    points: np.ndarray  # (pairs, parts) centipoints, columns in PARTS order
    total: np.ndarray  # centipoints, the sum of the parts
    excluded: dict[str, int]  # per rule: pairs it was the first rule to exclude
    considered: int  # all request x offer pairs of the pool

    def __len__(self) -> int:
        return len(self.total)

    @property
    def score(self) -> np.ndarray:
        """Total score in points (0-100)."""
        return self.total / CENTI

    def part(self, name: str) -> np.ndarray:
        return self.points[:, PARTS.index(name)] / CENTI


def candidates(pool: Pool) -> Candidates:
    """Every admissible pair of the pool, its score in parts, and why the others fell out."""
    d, rules = pool.data, pool.rules
    excluded = dict.fromkeys(RULE_ORDER, 0)
    offer_ok = np.ones(len(d.off), dtype=bool)
    per_request = _programme_counter(d.req.programme_id, d.off.programme_id)
    excluded["programme"] = len(d.req) * len(d.off) - int(per_request(None, None))
    everyone = np.zeros(len(d.off), dtype=np.int64)
    for name in OFFER_RULES:
        passes = check(d, rules, everyone, np.arange(len(d.off)), (name,))[name]
        excluded[name] = int(per_request(None, offer_ok & ~passes))
        offer_ok &= passes
    request_ok = np.ones(len(d.req), dtype=bool)
    if rules.check_distance:
        request_ok = located(d.req_xyz)
        both = offer_ok & located(d.off_xyz)
        excluded["location"] = int(per_request(None, offer_ok)) - int(per_request(request_ok, both))
        offer_ok = both
        ri, oi, chord = _pairs_within_radius(d, request_ok, offer_ok)
        excluded["distance"] = int(per_request(request_ok, offer_ok)) - len(ri)
    else:
        ri, oi = _pairs_in_programme(d, request_ok, offer_ok)
        chord = None
    keep, counts = first_failures(check(d, rules, ri, oi, PAIR_RULES))
    excluded.update(counts)
    ri, oi = ri[keep], oi[keep]
    distance = chord_to_km(chord[keep]) if chord is not None else distance_km(d, ri, oi)
    parts = points(d, rules, pool.weights, ri, oi, distance)
    return Candidates(
        request_index=ri,
        offer_index=oi,
        distance_km=distance,
        points=parts,
        total=parts.sum(axis=1, dtype=np.int64),
        excluded=excluded,
        considered=len(d.req) * len(d.off),
    )


def _programme_counter(req_programme: np.ndarray, off_programme: np.ndarray):
    """A function counting same-programme pairs among chosen requests and offers."""
    programmes = np.unique(np.concatenate([req_programme, off_programme]))
    r_code = np.searchsorted(programmes, req_programme)
    o_code = np.searchsorted(programmes, off_programme)

    def count(req_mask: np.ndarray | None, off_mask: np.ndarray | None) -> int:
        r = np.bincount(r_code if req_mask is None else r_code[req_mask], minlength=len(programmes))
        o = np.bincount(o_code if off_mask is None else o_code[off_mask], minlength=len(programmes))
        return int(r @ o)

    return count


def _programme_axis(d: Encoded) -> tuple[np.ndarray, np.ndarray]:
    programmes = np.unique(np.concatenate([d.req.programme_id, d.off.programme_id]))
    r = np.searchsorted(programmes, d.req.programme_id) * _PROGRAMME_GAP
    o = np.searchsorted(programmes, d.off.programme_id) * _PROGRAMME_GAP
    return r.astype(np.float64), o.astype(np.float64)


def _pairs_within_radius(
    d: Encoded, request_ok: np.ndarray, offer_ok: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Same-programme pairs within the offer's radius, with their chord on the unit sphere."""
    r_axis, o_axis = _programme_axis(d)
    requests = np.flatnonzero(request_ok)
    offers = np.flatnonzero(offer_ok & (d.off.radius_km >= 0))
    if len(requests) == 0 or len(offers) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    tree = cKDTree(np.column_stack([d.req_xyz[requests], r_axis[requests]]))
    chord = km_to_chord(d.off.radius_km[offers])
    points = np.column_stack([d.off_xyz[offers], o_axis[offers]])
    found_r, found_o, found_chord = [], [], []
    for group in _radius_groups(chord):
        near = cKDTree(points[group]).sparse_distance_matrix(
            tree, float(chord[group].max()), output_type="ndarray"
        )
        inside = near["v"] <= chord[group][near["i"]]
        found_o.append(offers[group][near["i"][inside]])
        found_r.append(requests[near["j"][inside]])
        found_chord.append(near["v"][inside])
    return (
        np.concatenate(found_r).astype(np.int64),
        np.concatenate(found_o).astype(np.int64),
        np.concatenate(found_chord),
    )


def _radius_groups(chord: np.ndarray) -> list[np.ndarray]:
    """Indices grouped so that within a group the largest radius <= _RADIUS_STEP x smallest."""
    order = np.argsort(chord, kind="stable")
    groups, start = [], 0
    while start < len(order):
        limit = max(chord[order[start]], 1e-6) * _RADIUS_STEP
        end = int(np.searchsorted(chord[order], limit, side="right"))
        groups.append(order[start:end])
        start = end
    return groups


def _pairs_in_programme(
    d: Encoded, request_ok: np.ndarray, offer_ok: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Every same-programme pair (when distance is not a rule)."""
    requests, offers = np.flatnonzero(request_ok), np.flatnonzero(offer_ok)
    requests = requests[np.argsort(d.req.programme_id[requests], kind="stable")]
    r_prog = d.req.programme_id[requests]
    lo = np.searchsorted(r_prog, d.off.programme_id[offers], side="left")
    hi = np.searchsorted(r_prog, d.off.programme_id[offers], side="right")
    size = hi - lo
    oi = np.repeat(offers, size)
    start = np.repeat(lo - np.cumsum(size) + size, size)
    ri = requests[start + np.arange(len(oi))]
    return ri.astype(np.int64), oi.astype(np.int64)
