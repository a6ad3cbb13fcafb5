"""The compiled core of the solver: components and shortest augmenting paths (Numba).

`best_edges` solves: maximise the total weight, each row at most once, column j at most
capacity[j] times, rows may stay unmatched. It is the successive-shortest-path method
for min-cost flow with Jonker-Volgenant column prices, on costs -weight:

- every row has a private way out, "stays unmatched", at cost 0;
- rows are added one at a time; for each, Dijkstra (binary heap) finds the cheapest
  way to fit it in: straight into a column with room, or by moving rows along
  tight edges until a column with room or someone's way out is reached;
- prices of the columns reached are then lowered by their distance below the cheapest
  path, which keeps every reduced cost >= 0, so the next search may use Dijkstra.

Adding one row at a time this way keeps the assignment optimal for the rows added so
far (the invariant of successive shortest paths), so the end result is optimal. All
arithmetic is in whole numbers: the optimum is exact. A search only visits columns
cheaper than the best way out found so far, so it stays inside the row's component
and is usually short.
"""

from __future__ import annotations

import numpy as np
from numba import njit

_NONE = np.iinfo(np.int64).max


@njit(cache=True)
def components(rows: np.ndarray, cols: np.ndarray, n_rows: int, n_cols: int) -> np.ndarray:
    """Component label (0, 1, ...) per node: rows 0..n_rows-1, then the columns."""
    parent = np.arange(n_rows + n_cols)
    for e in range(len(rows)):
        a, b = _root(parent, rows[e]), _root(parent, n_rows + cols[e])
        if a != b:
            parent[max(a, b)] = min(a, b)
    label = np.empty(n_rows + n_cols, np.int64)
    count = 0
    for node in range(n_rows + n_cols):
        top = _root(parent, node)
        if top == node:
            label[node] = count
            count += 1
        else:
            label[node] = label[top]  # the root is the smallest node: labelled already
    return label


@njit(cache=True, inline="always")
def _root(parent: np.ndarray, node: int) -> int:
    while parent[node] != node:
        parent[node] = parent[parent[node]]  # path halving
        node = parent[node]
    return node


@njit(cache=True)
def best_edges(
    indptr: np.ndarray,
    cols: np.ndarray,
    weight: np.ndarray,
    capacity: np.ndarray,
    order: np.ndarray,
) -> np.ndarray:
    """The chosen edge per row (-1: unmatched). Row k's edges are indptr[k]:indptr[k+1];
    rows are added in `order` (any order gives the optimum; one component after another
    keeps the memory it touches small)."""
    n_rows, n_cols = len(indptr) - 1, len(capacity)
    row_of = np.empty(len(cols), np.int64)
    for k in range(n_rows):
        row_of[indptr[k] : indptr[k + 1]] = k
    first = np.zeros(n_cols + 1, np.int64)  # column j's places: first[j]..first[j+1]-1
    first[1:] = np.cumsum(capacity)
    holder = np.full(first[-1], -1, np.int64)  # the row in each place
    used = np.zeros(n_cols, np.int64)
    price = np.zeros(n_cols, np.int64)
    edge_of = np.full(n_rows, -1, np.int64)
    paid = np.zeros(n_rows, np.int64)  # weight of the row's current edge
    dist = np.full(n_cols, _NONE, np.int64)
    via = np.zeros(n_cols, np.int64)  # the edge a column was reached by
    done = np.zeros(n_cols, np.bool_)
    touched = np.empty(n_cols, np.int64)
    heap_key = np.empty(len(cols) + 1, np.int64)
    heap_col = np.empty(len(cols) + 1, np.int64)
    for i in order:
        # The best way found so far to fit row i in: (cost, edge into a column with
        # room) or (cost, -1 and the row that steps out; i itself at cost 0).
        best, best_edge, out = 0, -1, i
        n_touched = size = 0
        row, at, column, place = i, 0, -1, 0
        while True:
            for e in range(indptr[row], indptr[row + 1]):
                j = cols[e]
                d = at - weight[e] - price[j]
                if d >= best:
                    continue
                if used[j] < capacity[j]:
                    best, best_edge = d, e
                elif d < dist[j]:  # never true for a finished column: d >= its dist
                    if dist[j] == _NONE:
                        touched[n_touched] = j
                        n_touched += 1
                    dist[j], via[j] = d, e
                    size = _push(heap_key, heap_col, size, d, j)
            if column < 0 or place == first[column] + used[column]:
                column = -1
                while size > 0:
                    d, j, size = _pop(heap_key, heap_col, size)
                    if d == dist[j]:  # else a stale entry: j was reached cheaper later
                        column = j
                        break
                if column < 0 or dist[column] >= best:
                    break
                done[column] = True
                place = first[column]
            # Go on from the next row holding a place in this column (a tight edge).
            row = holder[place]
            place += 1
            at = dist[column] + paid[row] + price[column]
            if at < best:  # this row stepping out is the cheapest so far
                best, best_edge, out = at, -1, row
        for t in range(n_touched):
            j = touched[t]
            if done[j]:
                price[j] += dist[j] - best
            dist[j], done[j] = _NONE, False
        _move_rows(i, best_edge, out, cols, weight, row_of, first, holder, used, edge_of, paid, via)
    return edge_of


@njit(cache=True)
def _move_rows(i, best_edge, out, cols, weight, row_of, first, holder, used, edge_of, paid, via):
    """Apply the cheapest path: each row on it takes the edge it was reached through,
    handing its place on to the row before it, back to row i."""
    if best_edge < 0 and out == i:
        return  # row i stays unmatched
    if best_edge >= 0:
        row, edge = row_of[best_edge], best_edge
        j = cols[edge]
        holder[first[j] + used[j]] = row
        used[j] += 1
    else:
        row, edge = out, -1
    while True:
        old = edge_of[row]
        edge_of[row], paid[row] = edge, (weight[edge] if edge >= 0 else 0)
        if row == i:
            return
        j = cols[old]
        edge = via[j]
        before = row_of[edge]
        for place in range(first[j], first[j] + used[j]):
            if holder[place] == row:
                holder[place] = before
                break
        row = before


@njit(cache=True, inline="always")
def _push(key: np.ndarray, value: np.ndarray, size: int, k: int, v: int) -> int:
    at = size
    while at > 0:
        up = (at - 1) >> 1
        if key[up] <= k:
            break
        key[at], value[at] = key[up], value[up]
        at = up
    key[at], value[at] = k, v
    return size + 1


@njit(cache=True, inline="always")
def _pop(key: np.ndarray, value: np.ndarray, size: int) -> tuple[int, int, int]:
    top_k, top_v = key[0], value[0]
    size -= 1
    k, v = key[size], value[size]
    at = 0
    while True:
        child = 2 * at + 1
        if child >= size:
            break
        if child + 1 < size and key[child + 1] < key[child]:
            child += 1
        if k <= key[child]:
            break
        key[at], value[at] = key[child], value[child]
        at = child
    key[at], value[at] = k, v
    return top_k, top_v, size
