"""The compiled core of the solver: breadth-first order, bidding and shortest augmenting
paths (Numba).

`best_edges` solves: maximise the total weight, each row at most once, column j at most
capacity[j] times, rows may stay unmatched. It is the successive-shortest-path method
for min-cost flow with Jonker-Volgenant column prices, on costs -weight:

- every row has a private way out, "stays unmatched", at cost 0;
- first a cheap bidding round (`_bid`) places most rows, each in a column that is best
  for it at the prices it leaves behind;
- the other rows are added one at a time; for each, Dijkstra (binary heap) finds the cheapest
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
_BID_ROUNDS = 3  # rounds of outbidding before the paths take over


@njit(cache=True)
def breadth_first(indptr: np.ndarray, cols: np.ndarray, n_cols: int) -> tuple:
    """Rows in breadth-first order, a new number per column in that order too, and the
    number of components with an edge. Neighbours in the graph (mostly neighbours on
    the map) so get nearby numbers: a search then touches memory that is close together."""
    n_rows = len(indptr) - 1
    col_ptr = np.zeros(n_cols + 1, np.int64)
    for e in range(len(cols)):
        col_ptr[cols[e] + 1] += 1
    col_ptr = np.cumsum(col_ptr)
    rows_of = np.empty(len(cols), np.int64)  # the rows of column j: col_ptr[j]:col_ptr[j+1]
    fill = col_ptr[:-1].copy()
    for r in range(n_rows):
        for e in range(indptr[r], indptr[r + 1]):
            rows_of[fill[cols[e]]] = r
            fill[cols[e]] += 1
    seen = np.zeros(n_rows, np.bool_)
    order = np.empty(n_rows, np.int64)  # doubles as the queue
    col_rank = np.full(n_cols, -1, np.int64)
    n_order = n_ranked = parts = 0
    for start in range(n_rows):
        if seen[start]:
            continue
        seen[start] = True
        order[n_order] = start
        head, n_order = n_order, n_order + 1
        parts += indptr[start + 1] > indptr[start]
        while head < n_order:
            r = order[head]
            head += 1
            for e in range(indptr[r], indptr[r + 1]):
                j = cols[e]
                if col_rank[j] >= 0:
                    continue
                col_rank[j] = n_ranked
                n_ranked += 1
                for k in range(col_ptr[j], col_ptr[j + 1]):
                    if not seen[rows_of[k]]:
                        seen[rows_of[k]] = True
                        order[n_order] = rows_of[k]
                        n_order += 1
    for j in range(n_cols):  # columns without edges go last
        if col_rank[j] < 0:
            col_rank[j] = n_ranked
            n_ranked += 1
    return order, col_rank, parts


@njit(cache=True)
def renumbered(indptr: np.ndarray, cols: np.ndarray, order: np.ndarray, col_rank: np.ndarray):
    """The edges with rows taken in `order` and columns numbered by col_rank: the new
    indptr, columns and, per new edge, its old position."""
    new_ptr = np.zeros(len(indptr), np.int64)
    new_cols = np.empty(len(cols), np.int64)
    old = np.empty(len(cols), np.int64)
    at = 0
    for k in range(len(order)):
        for e in range(indptr[order[k]], indptr[order[k] + 1]):
            new_cols[at], old[at] = col_rank[cols[e]], e
            at += 1
        new_ptr[k + 1] = at
    return new_ptr, new_cols, old


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
    rest = _bid(indptr, cols, weight, capacity, order, first, holder, used, price, edge_of, paid)
    for i in rest:
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
def _bid(indptr, cols, weight, capacity, order, first, holder, used, price, edge_of, paid):
    """A cheap start (Jonker-Volgenant's augmenting row reduction): each row takes its
    best column; when that is full, it outbids the holder by raising the column's price
    to where the row's second best is as good. Every row placed here takes a column
    that is best for it at the current prices (or stays out when nothing gains), which
    is all successive shortest paths needs of the rows added before it. Returns the
    rows left for the paths: those whose best is a full column for several, or who
    were outbid in the last round."""
    n_free, free = len(order), order.copy()
    rest = np.empty(len(order), np.int64)
    n_rest = 0
    for _ in range(_BID_ROUNDS):
        n_next = 0
        for k in range(n_free):
            i = free[k]
            top, second, e1, e2 = 0, 0, -1, -1  # staying out is worth 0
            for e in range(indptr[i], indptr[i + 1]):
                gain = weight[e] + price[cols[e]]
                if gain > top:
                    top, second, e1, e2 = gain, top, e, e1
                elif gain > second:
                    second, e2 = gain, e
            if e1 < 0:
                continue  # nothing gains: out, as successive shortest paths would leave it
            j = cols[e1]
            if used[j] < capacity[j]:
                _take(i, e1, j, first, holder, used, edge_of, paid, weight)
            elif top == second:  # as good elsewhere: there if it has room, or out
                if e2 < 0:
                    continue
                j = cols[e2]
                if used[j] < capacity[j]:
                    _take(i, e2, j, first, holder, used, edge_of, paid, weight)
                else:
                    rest[n_rest] = i
                    n_rest += 1
            elif capacity[j] == 1:
                price[j] -= top - second  # the others holding j would lose by it
                out = holder[first[j]]
                edge_of[out], paid[out] = -1, 0
                free[n_next] = out  # taken before k: free[k] is read already
                n_next += 1
                holder[first[j]], edge_of[i], paid[i] = i, e1, weight[e1]
            else:
                rest[n_rest] = i
                n_rest += 1
        n_free = n_next
    rest[n_rest : n_rest + n_free] = free[:n_free]
    return rest[: n_rest + n_free]


@njit(cache=True, inline="always")
def _take(i, e, j, first, holder, used, edge_of, paid, weight):
    holder[first[j] + used[j]] = i
    used[j] += 1
    edge_of[i], paid[i] = e, weight[e]


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
