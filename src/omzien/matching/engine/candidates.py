"""All admissible pairs of a pool, with their scores, found without looking at every pair.

Offers that cannot take anyone are dropped first; then a k-d tree finds the pairs within
each volunteer's travel radius (and within one programme); the other rules and the score
are computed for those pairs only, as whole-array operations.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .items import PARTS
from .pool import Encoded, Pool, chord_to_km, km_to_chord
from .rules import OFFER_RULES, PAIR_RULES, RULE_ORDER, check, distance_km, first_failing, located
from .scoring import CENTI, points
from .spatial import pairs_within_radius, ranges


@dataclass(frozen=True, eq=False)
class Candidates:
    """Admissible pairs as parallel arrays (positions in the pool, not ids)."""

    request_index: np.ndarray
    offer_index: np.ndarray
    distance_km: np.ndarray
    part_points: np.ndarray  # (parts, pairs) centipoints, rows in PARTS order
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
        """One part's points per pair."""
        return self.part_points[PARTS.index(name)] / CENTI


def candidates(pool: Pool) -> Candidates:
    """Every admissible pair of the pool, its score in parts, and why the others fell out."""
    d, rules = pool.data, pool.rules
    request_ok = np.ones(len(d.req), dtype=bool)
    offer_ok = np.ones(len(d.off), dtype=bool)
    pairs = _programme_counter(d.req.programme_id, d.off.programme_id)
    considered = int(request_ok.sum()) * int(offer_ok.sum())
    excluded = dict.fromkeys(RULE_ORDER, 0)
    excluded["programme"] = considered - pairs(request_ok, offer_ok)
    anyone = np.zeros(len(d.off), dtype=np.int64)
    for name in OFFER_RULES:
        passes = check(d, rules, anyone, np.arange(len(d.off)), (name,))[name]
        excluded[name] = pairs(request_ok, offer_ok & ~passes)
        offer_ok &= passes
    if rules.check_distance:
        before = pairs(request_ok, offer_ok)
        request_ok &= located(d.req_xyz)
        offer_ok &= located(d.off_xyz) & (d.off.radius_km >= 0)
        excluded["location"] = before - pairs(request_ok, offer_ok)
        ri, oi, chord = pairs_within_radius(
            np.flatnonzero(request_ok),
            np.flatnonzero(offer_ok),
            d.req_xyz,
            d.off_xyz,
            d.req.programme_id,
            d.off.programme_id,
            km_to_chord(d.off.radius_km),
        )
        excluded["distance"] = pairs(request_ok, offer_ok) - len(ri)
    else:
        ri, oi = _pairs_in_programme(d, request_ok, offer_ok)
        chord = None
    keep, counts = first_failing(d, rules, ri, oi, PAIR_RULES)
    excluded.update(counts)
    keep = np.flatnonzero(keep)  # positions: faster to apply three times than a mask
    ri, oi = ri[keep], oi[keep]
    distance = chord_to_km(chord[keep]) if chord is not None else distance_km(d, ri, oi)
    parts = points(d, rules, pool.weights, ri, oi, distance)
    return Candidates(
        request_index=ri,
        offer_index=oi,
        distance_km=distance,
        part_points=parts,
        total=parts.sum(axis=0, dtype=np.int64),
        excluded=excluded,
        considered=considered,
    )


def _programme_counter(req_programme: np.ndarray, off_programme: np.ndarray):
    """A function counting the same-programme pairs among chosen requests and offers."""
    programmes = np.unique(np.concatenate([req_programme, off_programme]))
    r_code = np.searchsorted(programmes, req_programme)
    o_code = np.searchsorted(programmes, off_programme)

    def count(req_mask: np.ndarray, off_mask: np.ndarray) -> int:
        r = np.bincount(r_code[req_mask], minlength=len(programmes))
        o = np.bincount(o_code[off_mask], minlength=len(programmes))
        return int(r @ o)

    return count


def _pairs_in_programme(
    d: Encoded, request_ok: np.ndarray, offer_ok: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Every same-programme pair (when distance is not a rule), grouped by request."""
    requests, offers = np.flatnonzero(request_ok), np.flatnonzero(offer_ok)
    offers = offers[np.argsort(d.off.programme_id[offers], kind="stable")]
    programme = d.off.programme_id[offers]
    first = np.searchsorted(programme, d.req.programme_id[requests], side="left")
    count = np.searchsorted(programme, d.req.programme_id[requests], side="right") - first
    return np.repeat(requests, count), offers[ranges(first, count)]
