"""Who gets matched by a plan: waiting time of matched and unmatched, per group."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .planning import Plan
from .pool import Pool

DIMENSIONS = ("neighbourhood", "household_type")
UNKNOWN = "onbekend"


@dataclass(frozen=True, slots=True)
class FairnessRow:
    dimension: str  # "all", "neighbourhood" or "household_type"
    group: str
    matched: int
    unmatched: int
    median_waited_matched: float | None  # days; None when nobody in that cell
    median_waited_unmatched: float | None


@dataclass(frozen=True, slots=True)
class FairnessReport:
    overall: FairnessRow
    rows: tuple[FairnessRow, ...]  # per neighbourhood, then per household type

    def by(self, dimension: str) -> tuple[FairnessRow, ...]:
        return tuple(row for row in self.rows if row.dimension == dimension)


def fairness(pool: Pool, plan: Plan) -> FairnessReport:
    """Matched and unmatched households per neighbourhood and household type, with the
    median days they waited: does the plan leave some groups behind?"""
    req = pool.data.req
    matched = np.isin(req.id, plan.request_ids)
    everyone = np.zeros(len(req), dtype=np.int64)
    overall = _rows("all", np.array(["alle gezinnen"]), everyone, matched, req.waited_days)[0]
    rows: list[FairnessRow] = []
    for dimension in DIMENSIONS:
        names, group = np.unique(getattr(req, dimension).astype(str), return_inverse=True)
        names = np.where(names == "", UNKNOWN, names)
        rows.extend(_rows(dimension, names, group, matched, req.waited_days))
    return FairnessReport(overall, tuple(rows))


def _rows(
    dimension: str, names: np.ndarray, group: np.ndarray, matched: np.ndarray, waited: np.ndarray
) -> list[FairnessRow]:
    return [
        FairnessRow(
            dimension=dimension,
            group=str(name),
            matched=int((in_group & matched).sum()),
            unmatched=int((in_group & ~matched).sum()),
            median_waited_matched=_median(waited[in_group & matched]),
            median_waited_unmatched=_median(waited[in_group & ~matched]),
        )
        for k, name in enumerate(names)
        for in_group in [group == k]
    ]


def _median(values: np.ndarray) -> float | None:
    return float(np.median(values)) if len(values) else None
