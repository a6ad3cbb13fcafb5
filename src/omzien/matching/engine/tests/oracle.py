"""An independent exact solver for the tests: SciPy's dense linear_sum_assignment."""

import numpy as np
from scipy.optimize import linear_sum_assignment

FORBIDDEN = 1e12


def best_total(rows, cols, weight, capacity, n_rows: int) -> int:
    """Greatest total weight: columns copied by capacity, plus n_rows 'unmatched' columns."""
    capacity = np.asarray(capacity)
    first = np.concatenate([[0], np.cumsum(capacity)])
    cost = np.full((n_rows, int(capacity.sum()) + n_rows), FORBIDDEN)
    cost[:, first[-1] :] = 0.0
    for r, c, w in zip(rows, cols, weight, strict=True):
        cost[r, first[c] : first[c + 1]] = -float(w)
    row, col = linear_sum_assignment(cost)
    return int(np.rint(-cost[row, col].sum()))
