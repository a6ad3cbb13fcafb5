"""A pool: the requests and offers of one matching run, with the rules that apply."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from .arrays import OfferArrays, RequestArrays, Vocabulary
from .items import ConflictReason, OfferItem, RequestItem, Rules, Weights

EARTH_RADIUS_KM = 6371.0088

Pair = tuple[int, int]  # (request id, offer id)


@dataclass(frozen=True, eq=False)
class Encoded:
    """Everything the vectorised rules and scores read, derived once per pool."""

    req: RequestArrays
    off: OfferArrays
    vocabulary: Vocabulary
    req_xyz: np.ndarray  # points on the unit sphere; NaN when the location is unknown
    off_xyz: np.ndarray
    req_household: np.ndarray  # shared codes for request and offer strings; -1 = unknown
    off_household: np.ndarray
    req_faith: np.ndarray
    off_faith: np.ndarray
    req_hood: np.ndarray
    off_hood: np.ndarray
    conflicts: np.ndarray  # sorted codes request_index * len(off) + offer_index

    def pair_codes(self, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
        return ri.astype(np.int64) * len(self.off) + oi


@dataclass(frozen=True, eq=False)
class Pool:
    """Requests and offers (dataclasses or columns), weights, rules and known conflicts.

    `conflicts` holds (request id, offer id) pairs; a mapping may add the reason.
    """

    requests: Sequence[RequestItem] | RequestArrays = ()
    offers: Sequence[OfferItem] | OfferArrays = ()
    weights: Weights = field(default_factory=Weights)
    rules: Rules = field(default_factory=Rules)
    conflicts: Collection[Pair] | Mapping[Pair, ConflictReason | str] = frozenset()
    vocabulary: Vocabulary | None = None  # needed only with columns; derived from dataclasses
    labels: Mapping[str, str] = field(default_factory=dict)  # Dutch names of needs and languages

    def __post_init__(self) -> None:
        self.weights.validate()

    @cached_property
    def data(self) -> Encoded:
        return _encode(self)

    @cached_property
    def _request_positions(self) -> dict[int, int]:
        return {int(i): n for n, i in enumerate(self.data.req.id)}

    @cached_property
    def _offer_positions(self) -> dict[int, int]:
        return {int(i): n for n, i in enumerate(self.data.off.id)}

    def request_position(self, request_id: int) -> int | None:
        return self._request_positions.get(int(request_id))

    def offer_position(self, offer_id: int) -> int | None:
        return self._offer_positions.get(int(offer_id))

    def conflict_reason(self, request_id: int, offer_id: int) -> ConflictReason | None:
        pair = (int(request_id), int(offer_id))
        if isinstance(self.conflicts, Mapping):
            reason = self.conflicts.get(pair)
            return None if reason is None else ConflictReason(reason)
        return ConflictReason.OTHER if pair in self.conflicts else None


def _encode(pool: Pool) -> Encoded:
    vocabulary = pool.vocabulary
    req, off = pool.requests, pool.offers
    if not isinstance(req, RequestArrays) or not isinstance(off, OfferArrays):
        vocabulary = vocabulary or Vocabulary.of(list(req), list(off))
        if not isinstance(req, RequestArrays):
            req = RequestArrays.from_items(list(req), vocabulary)
        if not isinstance(off, OfferArrays):
            off = OfferArrays.from_items(list(off), vocabulary)
    _check_unique(req.id, "hulpvraag")
    _check_unique(off.id, "aanbod")
    households = _shared_codes(req.household_key, off.household_key)
    faiths = _shared_codes(req.faith, off.faith)
    hoods = _shared_codes(req.neighbourhood, off.neighbourhood)
    return Encoded(
        req=req,
        off=off,
        vocabulary=vocabulary or Vocabulary(),
        req_xyz=unit_vectors(req.lat, req.lon),
        off_xyz=unit_vectors(off.lat, off.lon),
        req_household=households[0],
        off_household=households[1],
        req_faith=faiths[0],
        off_faith=faiths[1],
        req_hood=hoods[0],
        off_hood=hoods[1],
        conflicts=_conflict_codes(pool.conflicts, req.id, off.id),
    )


def _check_unique(ids: np.ndarray, what: str) -> None:
    if len(np.unique(ids)) != len(ids):
        raise ValueError(f"Dubbele id's bij {what} in de pool.")


def unit_vectors(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Latitude/longitude in degrees -> points on the unit sphere (NaN stays NaN)."""
    phi, lam = np.radians(lat), np.radians(lon)
    return np.column_stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)])


def chord_to_km(chord: np.ndarray) -> np.ndarray:
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.clip(chord / 2, 0, 1))


def km_to_chord(distance_km: np.ndarray) -> np.ndarray:
    return 2 * np.sin(np.minimum(distance_km, np.pi * EARTH_RADIUS_KM) / (2 * EARTH_RADIUS_KM))


def _shared_codes(left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes for strings on both sides, equal strings equal codes; '' -> -1."""
    words, codes = np.unique(np.concatenate([left, right]).astype(str), return_inverse=True)
    codes = codes.astype(np.int64)
    if len(words) and words[0] == "":
        codes -= 1  # '' sorts first
    return codes[: len(left)], codes[len(left) :]


def positions(ids: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Index of each wanted id in ids, -1 when absent."""
    if len(ids) == 0:
        return np.full(len(wanted), -1, dtype=np.int64)
    order = np.argsort(ids, kind="stable")
    hit = order[np.minimum(np.searchsorted(ids, wanted, sorter=order), len(ids) - 1)]
    return np.where(ids[hit] == wanted, hit, -1)


def _conflict_codes(
    conflicts: Collection[Pair], req_ids: np.ndarray, off_ids: np.ndarray
) -> np.ndarray:
    pairs = np.array(list(conflicts), dtype=np.int64).reshape(-1, 2)
    ri, oi = positions(req_ids, pairs[:, 0]), positions(off_ids, pairs[:, 1])
    known = (ri >= 0) & (oi >= 0)
    return np.unique(ri[known] * len(off_ids) + oi[known])
