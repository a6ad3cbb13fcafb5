"""One connected city-sized pool: the engine (bidding start, breadth-first order, shortest
paths) reaches the same optimum as OR-Tools' min-cost flow and SciPy."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from omzien.matching.engine import solve_assignment
from omzien.matching.engine.augment import _bid
from omzien.matching.engine.bench import ortools_assignment
from omzien.matching.engine.bench_pool import CITY_NEAREST, city_pool

from .oracle import best_total
from .test_solver import check_feasible


def test_the_city_pool_is_one_component_with_the_nearest_volunteers_for_everyone():
    city = city_pool(400)
    assert np.all(np.bincount(city.rows, minlength=400) == CITY_NEAREST)
    assert np.all(city.weight > 0)
    result = solve_assignment(city.rows, city.cols, city.weight, city.capacity, n_rows=400)
    assert result.components == 1


@pytest.mark.parametrize("seed", range(8))
def test_small_city_pools_reach_the_optimum_of_or_tools_and_scipy(seed):
    # More households than volunteers: they compete, so rows outbid each other and
    # some stay unmatched.
    city = city_pool(90, 60, seed=seed)
    pairs = (city.rows, city.cols, city.weight, city.capacity, city.n_rows)
    result = solve_assignment(*pairs[:4], n_rows=city.n_rows)
    assert result.total == ortools_assignment(*pairs)[0]
    assert result.total == best_total(*pairs)
    check_feasible(result, *pairs[:4])


def test_a_city_pool_of_thousands_matches_or_tools():
    city = city_pool(3000, 2500, seed=7)
    pairs = (city.rows, city.cols, city.weight, city.capacity, city.n_rows)
    result = solve_assignment(*pairs[:4], n_rows=city.n_rows)
    total, matched, _ = ortools_assignment(*pairs)
    assert (result.total, len(result.rows)) == (total, matched)


def test_outbidding_moves_rows_along_to_the_optimum():
    # All three want column 0 most; row 2 gains most there, row 0 loses least by
    # moving to column 1, row 1 stays out.
    result = solve_assignment(
        [0, 0, 1, 1, 2, 2], [0, 1, 0, 1, 0, 1], [10, 9, 10, 2, 12, 1], [1, 1], n_rows=3
    )
    assert sorted(zip(result.rows.tolist(), result.cols.tolist(), strict=True)) == [(0, 1), (2, 0)]
    assert result.total == 21


@st.composite
def crowded_problems(draw):
    """Small pools where many rows want the same few columns, with ties and places for
    one to three: the bidding start and the paths both have work to do."""
    n_rows = draw(st.integers(1, 14))
    n_cols = draw(st.integers(1, 8))
    cells = draw(
        st.sets(st.tuples(st.integers(0, n_rows - 1), st.integers(0, n_cols - 1)), max_size=60)
    )
    cells = sorted(cells)
    weight = draw(st.lists(st.integers(-3, 12), min_size=len(cells), max_size=len(cells)))
    capacity = draw(st.lists(st.integers(0, 3), min_size=n_cols, max_size=n_cols))
    rows = np.array([r for r, _ in cells], dtype=np.int64)
    cols = np.array([c for _, c in cells], dtype=np.int64)
    return rows, cols, np.array(weight, dtype=np.int64) * 5, np.array(capacity), n_rows


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crowded_problems())
def test_any_small_pool_reaches_the_optimum_of_or_tools(problem):
    rows, cols, weight, capacity, n_rows = problem
    result = solve_assignment(rows, cols, weight, capacity, n_rows=n_rows)
    useful = weight > 0  # the flow may take pairs worth nothing; the engine leaves them out
    assert (
        result.total == ortools_assignment(rows, cols, np.maximum(weight, 0), capacity, n_rows)[0]
    )
    assert result.total == best_total(rows[useful], cols[useful], weight[useful], capacity, n_rows)
    check_feasible(result, rows, cols, weight, capacity)


@pytest.mark.parametrize("seed", range(4))
def test_after_bidding_every_placed_row_sits_at_a_best_column(seed):
    # What keeps the result exact: the shortest paths may only start from rows that sit
    # where they gain most at the prices left behind (and gain at least nothing).
    city = city_pool(300, 200, seed=seed)
    n_rows, n_cols = city.n_rows, len(city.capacity)
    indptr = np.searchsorted(city.rows, np.arange(n_rows + 1))
    first = np.concatenate([[0], np.cumsum(city.capacity)])
    holder, used = np.full(first[-1], -1), np.zeros(n_cols, np.int64)
    price, edge_of, paid = (
        np.zeros(n_cols, np.int64),
        np.full(n_rows, -1),
        np.zeros(n_rows, np.int64),
    )
    rest = _bid(
        indptr, city.cols, city.weight, city.capacity, np.arange(n_rows),
        first, holder, used, price, edge_of, paid,
    )  # fmt: skip
    gain = city.weight + price[city.cols]
    best = np.maximum(np.maximum.reduceat(gain, indptr[:-1]), 0)
    placed = np.flatnonzero(edge_of >= 0)
    assert len(placed) > 0 and len(rest) < n_rows
    assert np.all(gain[edge_of[placed]] == best[placed])
    assert np.all(used <= city.capacity)
    assert np.all(price[used < city.capacity] == 0)  # room left: never outbid
