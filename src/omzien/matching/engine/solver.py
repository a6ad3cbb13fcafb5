"""Exact maximum-weight assignment with capacities, where rows may stay unmatched.

Rows and columns are first renumbered in breadth-first order: a connected component
then occupies one stretch of numbers, and neighbours in the graph (mostly neighbours
on the map) sit close together in memory. No path of the solver ever leaves a
component, so in effect each is solved on its own, one after another. The solver is
a bidding start followed by successive shortest augmenting paths with Jonker-Volgenant
prices (see augment.py), compiled with Numba. Weights are whole numbers, so the
optimum is exact, not approximate.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from .augment import best_edges, breadth_first, renumbered


@dataclass(frozen=True, eq=False)
class Assignment:
    """Matched (row, column) pairs; rows absent here stay unmatched."""

    edges: np.ndarray  # positions of the matched pairs in the input edge arrays
    rows: np.ndarray
    cols: np.ndarray
    total: int  # sum of the weights of the matched pairs
    components: int  # independent parts with at least one edge
    seconds: dict[str, float] = field(default_factory=dict)


def solve_assignment(
    rows: np.ndarray,
    cols: np.ndarray,
    weight: np.ndarray,
    capacity: np.ndarray,
    n_rows: int | None = None,
) -> Assignment:
    """Maximise the total weight; row i at most once, column j at most capacity[j] times.

    rows, cols, weight list the admissible edges (weights whole numbers, no duplicate
    pairs). Edges of weight <= 0 never help (unmatched scores 0) and are left out.
    """
    started = time.perf_counter()
    capacity = np.maximum(np.asarray(capacity, dtype=np.int64), 0)
    given_rows, given_cols = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
    given_weight = np.asarray(weight, dtype=np.int64)
    keep = _useful_edges(given_rows, given_cols, given_weight, capacity)
    rows, cols, weight = (
        (given_rows, given_cols, given_weight)
        if np.array_equal(keep, np.arange(len(given_rows)))  # mostly: spare three copies
        else (given_rows[keep], given_cols[keep], given_weight[keep])
    )
    n_rows = int(rows.max(initial=-1)) + 1 if n_rows is None else n_rows
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n_rows), out=indptr[1:])
    row_order, col_rank, parts = breadth_first(indptr, cols, len(capacity))
    new_ptr, new_cols, old = renumbered(indptr, cols, row_order, col_rank)
    new_capacity = np.empty_like(capacity)
    new_capacity[col_rank] = capacity
    split = time.perf_counter()
    # Rows are added in breadth-first order too: one search starts where the last ended.
    chosen = best_edges(new_ptr, new_cols, weight[old], new_capacity, np.arange(n_rows))
    chosen = old[chosen[chosen >= 0]]
    edges = np.sort(chosen)
    return Assignment(
        edges=keep[edges],
        rows=rows[edges],
        cols=cols[edges],
        total=int(weight[edges].sum()),
        components=int(parts),
        seconds={"components": split - started, "solve": time.perf_counter() - split},
    )


def _useful_edges(
    rows: np.ndarray, cols: np.ndarray, weight: np.ndarray, capacity: np.ndarray
) -> np.ndarray:
    """Positions of the edges worth considering, grouped by row (rows ascending)."""
    keep = np.flatnonzero((weight > 0) & (capacity[cols] > 0))
    if not np.all(rows[keep][1:] >= rows[keep][:-1]):
        keep = keep[np.argsort(rows[keep], kind="stable")]
    return keep


def min_cost_assignment(cost: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """Classic assignment on a dense integer cost matrix (rows <= columns): every row
    assigned, least total cost. Solved by `solve_assignment` with weight = K - cost, K so
    large that leaving a row out always loses more than any saving elsewhere.
    """
    cost = np.asarray(cost, dtype=np.int64)
    n, m = cost.shape
    if n > m:
        raise ValueError("min_cost_assignment needs at least as many columns as rows")
    spread = int(cost.max() - cost.min()) if cost.size else 0
    k = n * spread + int(cost.max(initial=0)) + 1
    rows, cols = np.divmod(np.arange(n * m), m)
    result = solve_assignment(rows, cols, k - cost.ravel(), np.ones(m, dtype=np.int64), n_rows=n)
    if len(result.rows) != n:
        raise ValueError("no full assignment found")
    order = np.argsort(result.rows)
    rows, cols = result.rows[order], result.cols[order]
    return rows, cols, int(cost[rows, cols].sum())
