"""Column form of requests and offers: one NumPy array per field, one row per item.

The engine computes on columns only. A caller with many items (the benchmark, a bulk
export) may build the columns directly; otherwise they are made from the dataclasses.
Sets of words (languages, needs) become bitmasks over a shared `Vocabulary`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from .items import OfferItem, RequestItem

_MAX_WORDS = 64  # one uint64 bitmask per set


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words behind the bits of the language and needs bitmasks."""

    languages: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for words in (self.languages, self.needs):
            if len(words) > _MAX_WORDS:
                raise ValueError(f"Te veel verschillende woorden in één pool ({len(words)}).")

    @classmethod
    def of(cls, requests: Sequence[RequestItem], offers: Sequence[OfferItem]) -> Vocabulary:
        languages = set().union(*(r.languages for r in requests), *(o.languages for o in offers))
        needs = set().union(*(r.needs for r in requests), *(o.offers for o in offers))
        return cls(tuple(sorted(languages)), tuple(sorted(needs)))

    @staticmethod
    def mask(words: tuple[str, ...], values: Iterable[str]) -> int:
        return sum(1 << words.index(value) for value in set(values) if value in words)

    @staticmethod
    def names(words: tuple[str, ...], mask: int) -> list[str]:
        return [word for bit, word in enumerate(words) if int(mask) >> bit & 1]


def _coerce(values: Any, kind: type) -> np.ndarray:
    if isinstance(values, np.ndarray) and (kind is not str or values.dtype.kind == "U"):
        return values if kind is str else values.astype(kind, copy=False)
    if kind is str:
        return np.array(["" if v is None else str(v) for v in values], dtype=str)
    if kind is np.float64:
        return np.array([np.nan if v is None else v for v in values], dtype=np.float64)
    return np.asarray(values, dtype=kind)


class Columns:
    """Base: validates and converts the columns named in SPEC."""

    SPEC: ClassVar[dict[str, type]] = {}

    def __init__(self, **columns: Any) -> None:
        unknown = set(columns) - set(self.SPEC)
        missing = set(self.SPEC) - set(columns)
        if unknown or missing:
            raise TypeError(f"columns: unknown {sorted(unknown)}, missing {sorted(missing)}")
        lengths = set()
        for name, kind in self.SPEC.items():
            array = _coerce(columns[name], kind)
            lengths.add(len(array))
            object.__setattr__(self, name, array)
        if len(lengths) > 1:
            raise ValueError(f"columns differ in length: {sorted(lengths)}")
        self._length = lengths.pop() if lengths else 0

    def __len__(self) -> int:
        return self._length

    def take(self, order: np.ndarray) -> Columns:
        """The same columns with the rows in this order (validated already: no checks)."""
        taken = object.__new__(type(self))
        for name in self.SPEC:
            object.__setattr__(taken, name, getattr(self, name)[order])
        taken._length = len(order)
        return taken


class RequestArrays(Columns):
    SPEC: ClassVar[dict[str, type]] = {
        "id": np.int64,
        "programme_id": np.int64,
        "household_key": str,
        "lat": np.float64,
        "lon": np.float64,
        "neighbourhood": str,
        "children": np.int64,
        "age_min": np.float64,  # NaN without children
        "age_max": np.float64,
        "slots": np.int64,
        "languages": np.uint64,
        "needs_shared_language": np.bool_,
        "needs": np.uint64,
        "waited_days": np.int64,
        "accepts_pets": np.bool_,
        "accepts_smoking": np.bool_,
        "faith": str,
        "faith_must_match": np.bool_,
        "household_type": str,
        "has_pets": np.bool_,
        "smokes": np.bool_,
    }
    id: np.ndarray
    programme_id: np.ndarray
    household_key: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    neighbourhood: np.ndarray
    children: np.ndarray
    age_min: np.ndarray
    age_max: np.ndarray
    slots: np.ndarray
    languages: np.ndarray
    needs_shared_language: np.ndarray
    needs: np.ndarray
    waited_days: np.ndarray
    accepts_pets: np.ndarray
    accepts_smoking: np.ndarray
    faith: np.ndarray
    faith_must_match: np.ndarray
    household_type: np.ndarray
    has_pets: np.ndarray
    smokes: np.ndarray

    @classmethod
    def from_items(cls, items: Sequence[RequestItem], vocabulary: Vocabulary) -> RequestArrays:
        plain = {
            name: [getattr(item, name) for item in items]
            for name in cls.SPEC
            if name not in {"children", "age_min", "age_max", "languages", "needs"}
        }
        ages = [item.child_ages for item in items]
        return cls(
            **plain,
            children=[len(a) for a in ages],
            age_min=[min(a) if a else None for a in ages],
            age_max=[max(a) if a else None for a in ages],
            languages=[vocabulary.mask(vocabulary.languages, i.languages) for i in items],
            needs=[vocabulary.mask(vocabulary.needs, i.needs) for i in items],
        )


class OfferArrays(Columns):
    SPEC: ClassVar[dict[str, type]] = {
        "id": np.int64,
        "programme_id": np.int64,
        "household_key": str,
        "lat": np.float64,
        "lon": np.float64,
        "neighbourhood": str,
        "radius_km": np.float64,
        "min_age": np.float64,
        "max_age": np.float64,
        "slots": np.int64,
        "languages": np.uint64,
        "offers": np.uint64,
        "has_pets": np.bool_,
        "smokes": np.bool_,
        "faith": str,
        "faith_must_match": np.bool_,
        "capacity": np.int64,
        "screened": np.bool_,
        "available": np.bool_,
        "accepts_pets": np.bool_,
        "accepts_smoking": np.bool_,
    }
    id: np.ndarray
    programme_id: np.ndarray
    household_key: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    neighbourhood: np.ndarray
    radius_km: np.ndarray
    min_age: np.ndarray
    max_age: np.ndarray
    slots: np.ndarray
    languages: np.ndarray
    offers: np.ndarray
    has_pets: np.ndarray
    smokes: np.ndarray
    faith: np.ndarray
    faith_must_match: np.ndarray
    capacity: np.ndarray
    screened: np.ndarray
    available: np.ndarray
    accepts_pets: np.ndarray
    accepts_smoking: np.ndarray

    @classmethod
    def from_items(cls, items: Sequence[OfferItem], vocabulary: Vocabulary) -> OfferArrays:
        plain = {
            name: [getattr(item, name) for item in items]
            for name in cls.SPEC
            if name not in {"languages", "offers"}
        }
        return cls(
            **plain,
            languages=[vocabulary.mask(vocabulary.languages, i.languages) for i in items],
            offers=[vocabulary.mask(vocabulary.needs, i.offers) for i in items],
        )
