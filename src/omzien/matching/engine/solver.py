"""Exact maximum-weight assignment with capacities, where rows may stay unmatched.

The problem is split into connected components first; each is independent. A component
where every row's best column has room for all rows that want it is solved directly
(each row gets its own best: no plan can do better). The others go to SciPy's exact
sparse solver (LAPJVsp, Jonker-Volgenant shortest augmenting paths) in this form: a
column with capacity c becomes c identical slots, and every row gets a private "stays
unmatched" column, so that a full matching always exists:

    cost(row, slot) = BIG - weight,   cost(row, its own unmatched column) = BIG

Every row is matched exactly once, so the least total cost is the greatest total
weight. Weights are whole numbers, so the optimum is exact, not approximate.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components, min_weight_full_bipartite_matching


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
    capacity = np.asarray(capacity, dtype=np.int64)
    given_rows, given_cols = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
    given_weight = np.asarray(weight, dtype=np.int64)
    keep = _useful_edges(given_rows, given_cols, given_weight, capacity)
    rows, cols, weight = given_rows[keep], given_cols[keep], given_weight[keep]
    n_rows = int(rows.max(initial=-1)) + 1 if n_rows is None else n_rows
    label = _components(rows, cols, n_rows, len(capacity))
    part = label[rows]
    split = time.perf_counter()
    best = _best_edges(rows, weight)
    easy = _easy_parts(cols[best], part[best], capacity, int(label.max(initial=-1)) + 1)
    simple = best[easy[part[best]]]
    hard = np.flatnonzero(~easy[part])
    hard_edges, hard_total = _solve_hard(
        rows[hard], cols[hard], weight[hard], part[hard], capacity, _Columns.of(label[n_rows:])
    )
    edges = keep[np.concatenate([simple, hard[hard_edges]])]
    return Assignment(
        edges=edges,
        rows=given_rows[edges],
        cols=given_cols[edges],
        total=int(weight[simple].sum()) + hard_total,
        components=len(np.unique(part)),
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


def _components(rows: np.ndarray, cols: np.ndarray, n_rows: int, n_cols: int) -> np.ndarray:
    """Component label per node: rows 0..n_rows-1, then the columns (rows sorted)."""
    n = n_rows + n_cols
    indptr = np.full(n + 1, len(rows), dtype=np.int32)
    indptr[: n_rows + 1] = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=n_rows))])
    # float64 values and int32 indices are what csgraph works on: no conversion copies.
    graph = sparse.csr_matrix(
        (np.ones(len(rows)), (cols + n_rows).astype(np.int32), indptr), shape=(n, n)
    )
    graph.has_sorted_indices = True  # connectivity does not need them sorted: skip sorting
    return connected_components(graph, directed=True, connection="weak")[1]


def _best_edges(rows: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Index of each row's heaviest edge (the first on ties); rows sorted."""
    if len(rows) == 0:
        return np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.diff(rows, prepend=-1))
    top = np.maximum.reduceat(weight, starts)
    ties = np.flatnonzero(weight == np.repeat(top, np.diff(starts, append=len(rows))))
    first = np.ones(len(ties), dtype=bool)
    first[1:] = rows[ties][1:] != rows[ties][:-1]
    return ties[first]


def _easy_parts(
    best_cols: np.ndarray, best_part: np.ndarray, capacity: np.ndarray, parts: int
) -> np.ndarray:
    """Per component: can every row simply take its best column?"""
    wanted = np.bincount(best_cols, minlength=len(capacity))
    easy = np.ones(parts, dtype=bool)
    easy[best_part[wanted[best_cols] > capacity[best_cols]]] = False
    return easy


@dataclass(frozen=True, eq=False)
class _Columns:
    """Columns grouped by component, with each column's rank inside its component."""

    order: np.ndarray  # column indices sorted by component
    start: np.ndarray  # per component label, its first position in `order`
    rank: np.ndarray  # per column, its position within its component

    @classmethod
    def of(cls, label: np.ndarray) -> _Columns:
        order = np.argsort(label, kind="stable")
        start = np.searchsorted(label[order], np.arange(int(label.max(initial=-1)) + 2))
        rank = np.empty(len(label), dtype=np.int64)
        rank[order] = np.arange(len(label)) - start[label[order]]
        return cls(order, start, rank)


def _solve_hard(
    rows: np.ndarray,
    cols: np.ndarray,
    weight: np.ndarray,
    part: np.ndarray,
    capacity: np.ndarray,
    columns: _Columns,
) -> tuple[np.ndarray, int]:
    """Edges of these components (rows sorted) chosen by the exact solver, and their total."""
    chosen, total = [np.zeros(0, np.int64)], 0
    big = float(weight.max(initial=0) + 1)
    for edges in _per_component(rows, part):
        label = part[edges[0]]
        col_ids = columns.order[columns.start[label] : columns.start[label + 1]]
        picked, weight_sum = _solve_component(
            rows[edges], columns.rank[cols[edges]], weight[edges], capacity[col_ids], big
        )
        chosen.append(edges[picked])
        total += weight_sum
    return np.concatenate(chosen), total


def _per_component(rows: np.ndarray, part: np.ndarray) -> list[np.ndarray]:
    """Edge indices per component, rows still ascending within each."""
    if len(rows) == 0:
        return []
    starts = np.flatnonzero(np.diff(rows, prepend=-1))
    sizes = np.diff(starts, append=len(rows))
    by_part = np.argsort(part[starts], kind="stable")
    shift = starts[by_part] - (np.cumsum(sizes[by_part]) - sizes[by_part])
    edges = np.arange(len(rows)) + np.repeat(shift, sizes[by_part])
    return np.split(edges, np.flatnonzero(np.diff(part[edges])) + 1)


def _solve_component(
    rows: np.ndarray, c: np.ndarray, weight: np.ndarray, capacity: np.ndarray, big: float
) -> tuple[np.ndarray, int]:
    """One component with SciPy's LAPJVsp (rows sorted, c = column rank in the component):
    the positions of the chosen edges and their total weight."""
    starts = np.flatnonzero(np.diff(rows, prepend=-1))
    n_rows = len(starts)
    r = np.repeat(np.arange(n_rows), np.diff(starts, append=len(rows)))
    # A column never needs more slots than it has rows.
    slots = np.minimum(capacity, np.bincount(c, minlength=len(capacity)))
    slot, edge = _slot_edges(c, slots)
    n_slots = int(slots.sum())
    per_row = np.bincount(r[edge], minlength=n_rows)
    # CSR with each row's slots followed by its own "unmatched" column.
    indptr = np.concatenate([[0], np.cumsum(per_row + 1)])
    data = np.full(indptr[-1], big)
    indices = n_slots + np.repeat(np.arange(n_rows), per_row + 1)
    at = np.arange(len(slot)) + r[edge]
    data[at] = big - weight[edge]
    indices[at] = slot
    matrix = sparse.csr_array(
        (data, indices.astype(np.int32), indptr.astype(np.int32)), shape=(n_rows, n_slots + n_rows)
    )
    _, col_of_row = min_weight_full_bipartite_matching(matrix)
    hit = slot == col_of_row[r[edge]]  # the slot edge its row was matched to
    return edge[hit], int(weight[edge[hit]].sum())


def _slot_edges(c: np.ndarray, slots: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Edges to columns -> edges to their slots (a column with capacity c has c slots):
    the slot of each slot edge and the edge it copies."""
    first = np.cumsum(slots) - slots
    if np.all(slots == 1):
        return first[c], np.arange(len(c))
    copies = slots[c]
    offset = np.arange(copies.sum()) - np.repeat(np.cumsum(copies) - copies, copies)
    return np.repeat(first[c], copies) + offset, np.repeat(np.arange(len(c)), copies)


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
