"""What the engine is given: weights and rules of a programme type, requests, offers.

Plain dataclasses, no Django: the Django side builds these from its models.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

# The named parts of a score, in the order used by every array in the engine.
PARTS: tuple[str, ...] = ("distance", "availability", "age", "needs", "language", "waiting")


@dataclass(frozen=True, slots=True)
class Weights:
    """Points per score part; whole numbers, none negative, 100 together."""

    distance: int = 25
    availability: int = 15
    age: int = 15
    needs: int = 20
    language: int = 10
    waiting: int = 15

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Raise ValueError (a message for the developer) when the weights are unusable."""
        for name in PARTS:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, numbers.Integral):
                raise ValueError(f"The weight of '{name}' must be a whole number.")
            if value < 0:
                raise ValueError(f"The weight of '{name}' must not be negative (now {value}).")
        total = sum(getattr(self, name) for name in PARTS)
        if total != 100:
            raise ValueError(f"The weights must add up to 100 (now {total}).")

    def as_dict(self) -> dict[str, int]:
        return {name: int(getattr(self, name)) for name in PARTS}

    def as_array(self) -> np.ndarray:
        return np.array([getattr(self, name) for name in PARTS], dtype=np.int64)


@dataclass(frozen=True, slots=True)
class Rules:
    """Per programme type: which hard rules apply and how the score counts."""

    require_screening: bool = True
    check_distance: bool = True
    check_age: bool = True
    check_availability: bool = True
    require_shared_language_when_asked: bool = True
    check_preferences: bool = True
    # A volunteer or support family may take more than one household (up to their capacity).
    allow_multiple: bool = True
    max_waiting_days_for_full_points: int = 365
    slots_for_full_points: int = 3

    def __post_init__(self) -> None:
        for name in ("max_waiting_days_for_full_points", "slots_for_full_points"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
                raise ValueError(f"{name} moet een heel getal van minstens 1 zijn (nu {value!r}).")


class ConflictReason(StrEnum):
    """Why a pair must never be proposed (besides being the same household)."""

    KNOW_EACH_OTHER = "know_each_other"
    ENDED_MISMATCH = "ended_mismatch"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class RequestItem:
    """A household's (or youth's) request for support in one programme."""

    id: int
    programme_id: int
    household_key: str = ""  # empty: unknown, never counts as "same household"
    lat: float | None = None
    lon: float | None = None
    neighbourhood: str | None = None
    child_ages: tuple[float, ...] = ()
    slots: int = 0  # bitmask of the 21 parts of the week
    languages: frozenset[str] = frozenset()
    needs_shared_language: bool = False
    needs: frozenset[str] = frozenset()
    waited_days: int = 0
    accepts_pets: bool = True
    accepts_smoking: bool = True
    faith: str | None = None
    faith_must_match: bool = False
    household_type: str = ""
    # The household's own situation, for the volunteer's must-haves.
    has_pets: bool = False
    smokes: bool = False


@dataclass(frozen=True, slots=True)
class OfferItem:
    """A volunteer's (or support family's) offer in one programme."""

    id: int
    programme_id: int
    household_key: str = ""
    lat: float | None = None
    lon: float | None = None
    neighbourhood: str | None = None
    radius_km: float = 10.0
    min_age: float = 0.0
    max_age: float = 18.0
    slots: int = 0
    languages: frozenset[str] = frozenset()
    offers: frozenset[str] = frozenset()
    has_pets: bool = False
    smokes: bool = False
    faith: str | None = None
    faith_must_match: bool = False
    capacity: int = 1  # households this offer can still take
    screened: bool = True
    available: bool = True  # False while the volunteer pauses
    accepts_pets: bool = True
    accepts_smoking: bool = True
