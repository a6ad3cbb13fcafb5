"""The exact solver: equal to an independent exact solver, and to OR-Library's proven optima."""

import csv

import numpy as np
import pytest

from omzien.matching.engine import min_cost_assignment, solve_assignment
from omzien.matching.engine.bench_pool import shared_data_dir

from .oracle import best_total


def random_problem(seed: int, n_rows: int = 40, n_cols: int = 30, density: float = 0.15):
    rng = np.random.default_rng(seed)
    mask = rng.random((n_rows, n_cols)) < density
    rows, cols = np.nonzero(mask)
    weight = rng.integers(1, 10_000, len(rows))
    capacity = rng.integers(0, 4, n_cols)
    return rows, cols, weight, capacity


@pytest.mark.parametrize("seed", range(25))
def test_total_equals_an_independent_exact_solver(seed):
    rows, cols, weight, capacity = random_problem(seed)
    result = solve_assignment(rows, cols, weight, capacity, n_rows=40)
    assert result.total == best_total(rows, cols, weight, capacity, 40)
    check_feasible(result, rows, cols, weight, capacity)


def check_feasible(result, rows, cols, weight, capacity):
    assert len(set(result.rows.tolist())) == len(result.rows)  # a row at most once
    used = np.bincount(result.cols, minlength=len(capacity))
    assert np.all(used <= capacity)
    edges = {(int(r), int(c)): int(w) for r, c, w in zip(rows, cols, weight, strict=True)}
    assert all((int(r), int(c)) in edges for r, c in zip(result.rows, result.cols, strict=True))
    assert result.total == sum(
        edges[(int(r), int(c))] for r, c in zip(result.rows, result.cols, strict=True)
    )


def test_rows_may_stay_unmatched_and_useless_edges_are_ignored():
    # Column 1 has no room and edge (1, 1) weighs nothing: row 1 takes column 0, row 0 waits.
    result = solve_assignment([0, 1, 1], [0, 0, 1], [5, 7, 3], [1, 0], n_rows=3)
    assert result.rows.tolist() == [1]
    assert result.total == 7


def test_without_competition_every_row_gets_its_best():
    # Row 0 wants column 0, row 1 wants column 1: nobody is in anyone's way.
    result = solve_assignment([0, 0, 1, 1], [0, 1, 0, 1], [9, 1, 2, 8], [1, 1])
    assert sorted(zip(result.rows.tolist(), result.cols.tolist(), strict=True)) == [(0, 0), (1, 1)]
    assert result.total == 17
    assert result.components == 1


def test_a_later_row_may_push_an_earlier_one_out_or_along():
    # Row 0 takes column 0 first; row 1 gains more there. Row 0 moves to column 1 when
    # it may, and steps out when it has nowhere else to go.
    moved = solve_assignment([0, 0, 1], [0, 1, 0], [5, 4, 9], [1, 1])
    assert sorted(zip(moved.rows.tolist(), moved.cols.tolist(), strict=True)) == [(0, 1), (1, 0)]
    out = solve_assignment([0, 1], [0, 0], [5, 9], [1])
    assert out.rows.tolist() == [1]
    assert out.total == 9


@pytest.mark.parametrize("seed", range(10))
def test_crowded_pools_with_ties_and_shared_columns_reach_the_optimum(seed):
    # Many rows after few columns, places for two or three, and few distinct weights
    # (ties): the long augmenting paths and the stepping out are exercised.
    rng = np.random.default_rng(100 + seed)
    mask = rng.random((120, 40)) < 0.2
    rows, cols = np.nonzero(mask)
    weight = rng.integers(1, 6, len(rows)) * 100
    capacity = rng.integers(1, 4, 40)
    result = solve_assignment(rows, cols, weight, capacity, n_rows=120)
    assert result.total == best_total(rows, cols, weight, capacity, 120)
    check_feasible(result, rows, cols, weight, capacity)


def test_independent_parts_are_counted():
    result = solve_assignment([0, 1, 2], [0, 1, 1], [3, 4, 5], [1, 1])
    assert result.components == 2
    assert result.total == 8


def or_library() -> list[tuple[str, int]]:
    folder = shared_data_dir() / "assign"
    if not (folder / "optimal_values.csv").is_file():
        return []
    with (folder / "optimal_values.csv").open() as handle:
        return [(row["instance"], int(row["optimal_min_cost"])) for row in csv.DictReader(handle)]


@pytest.mark.skipif(
    not or_library(),
    reason=f"OR-Library data not found in {shared_data_dir()} (set OMZIEN_SHARED_DATA)",
)
@pytest.mark.parametrize(("instance", "optimum"), or_library() or [("none", 0)])
def test_or_library_assignment_instances_reach_the_proven_optimum(instance, optimum):
    numbers = (shared_data_dir() / "assign" / f"{instance}.txt").read_text().split()
    n = int(numbers[0])
    cost = np.array(numbers[1 : 1 + n * n], dtype=np.int64).reshape(n, n)
    rows, cols, total = min_cost_assignment(cost)
    assert total == optimum
    assert sorted(rows.tolist()) == list(range(n))
    assert sorted(cols.tolist()) == list(range(n))
