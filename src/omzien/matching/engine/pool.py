"""A pool: the requests and offers of one matching run, with the rules that apply."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from .arrays import OfferArrays, RequestArrays, Vocabulary
from .items import ConflictReason, OfferItem, RequestItem, Rules, Weights

EARTH_RADIUS_KM = 6371.0088

Pair = tuple[int, int]  # (request id, offer id)


# What the compiled rules and scores read per request and per offer (Numba takes tuples
# of arrays, not objects): numeric columns, places on the unit sphere, and codes shared
# by both sides for household, faith and neighbourhood (-1 = unknown).
RequestColumns = namedtuple(
    "RequestColumns",
    "programme_id xyz children age_min age_max slots languages needs_shared_language needs "
    "waited_days accepts_pets accepts_smoking faith_must_match has_pets smokes household "
    "faith hood has_conflict",
)
OfferColumns = namedtuple(
    "OfferColumns",
    "programme_id xyz radius_km min_age max_age slots languages offers has_pets smokes "
    "faith_must_match capacity screened available accepts_pets accepts_smoking household "
    "faith hood",
)


@dataclass(frozen=True, eq=False)
class Encoded:
    """Everything the rules and scores read, derived once per pool.

    Requests and offers are ordered by programme and place, so that the people one pair
    search visits lie close together in memory; positions refer to this order.
    """

    req: RequestArrays
    off: OfferArrays
    vocabulary: Vocabulary
    req_xyz: np.ndarray  # points on the unit sphere; NaN when the location is unknown
    off_xyz: np.ndarray
    conflicts: np.ndarray  # sorted codes request_index * len(off) + offer_index
    req_columns: RequestColumns
    off_columns: OfferColumns

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


def as_columns(pool: Pool) -> tuple[RequestArrays, OfferArrays, Vocabulary | None]:
    """The pool's requests and offers as columns, with the vocabulary of their bitmasks."""
    vocabulary = pool.vocabulary
    req, off = pool.requests, pool.offers
    if not isinstance(req, RequestArrays) or not isinstance(off, OfferArrays):
        vocabulary = vocabulary or Vocabulary.of(list(req), list(off))
        if not isinstance(req, RequestArrays):
            req = RequestArrays.from_items(list(req), vocabulary)
        if not isinstance(off, OfferArrays):
            off = OfferArrays.from_items(list(off), vocabulary)
    return req, off, vocabulary


def _encode(pool: Pool) -> Encoded:
    req, off, vocabulary = as_columns(pool)
    _check_unique(req.id, "hulpvraag")
    _check_unique(off.id, "aanbod")
    req, off = req.take(_by_place(req)), off.take(_by_place(off))
    households = _shared_codes(req.household_key, off.household_key)
    faiths = _shared_codes(req.faith, off.faith)
    hoods = _shared_codes(req.neighbourhood, off.neighbourhood)
    req_xyz, off_xyz = unit_vectors(req.lat, req.lon), unit_vectors(off.lat, off.lon)
    conflicts = _conflict_codes(pool.conflicts, req.id, off.id)
    has_conflict = np.zeros(len(req), dtype=np.bool_)
    has_conflict[conflicts // max(len(off), 1)] = True
    return Encoded(
        req=req,
        off=off,
        vocabulary=vocabulary or Vocabulary(),
        req_xyz=req_xyz,
        off_xyz=off_xyz,
        conflicts=conflicts,
        req_columns=RequestColumns(
            **_numeric(req, RequestColumns._fields),
            xyz=req_xyz,
            household=households[0],
            faith=faiths[0],
            hood=hoods[0],
            has_conflict=has_conflict,
        ),
        off_columns=OfferColumns(
            **_numeric(off, OfferColumns._fields),
            xyz=off_xyz,
            household=households[1],
            faith=faiths[1],
            hood=hoods[1],
        ),
    )


def _numeric(columns: RequestArrays | OfferArrays, fields: tuple[str, ...]) -> dict:
    """The wanted columns that are numbers already (strings go in as shared codes)."""
    return {n: getattr(columns, n) for n in fields if columns.SPEC.get(n, str) is not str}


def _by_place(columns: RequestArrays | OfferArrays) -> np.ndarray:
    """Programme, then latitude and longitude (unknown places last), then id."""
    return np.lexsort((columns.id, columns.lon, columns.lat, columns.programme_id))


def _check_unique(ids: np.ndarray, what: str) -> None:
    ordered = np.sort(ids)
    if np.any(ordered[1:] == ordered[:-1]):
        raise ValueError(f"Dubbele id's bij {what} in de pool.")


def unit_vectors(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Latitude/longitude in degrees -> points on the unit sphere (NaN stays NaN)."""
    phi, lam = np.radians(lat), np.radians(lon)
    return np.column_stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)])


def chord_to_km(chord: np.ndarray) -> np.ndarray:
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(chord / 2, 1))  # chords are >= 0


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
