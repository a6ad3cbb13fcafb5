import itertools

import pytest
from django.core.exceptions import ImproperlyConfigured
from hypothesis import given
from hypothesis import strategies as st

from omzien.access.suppression import suppress


def recoverable(result, counts, groups) -> set:
    """Every hidden cell a reader can work out by subtracting visible cells from a total."""
    known = {key: value for key, value in result.cells.items() if value is not None}
    changed = True
    while changed:
        changed = False
        for group, total in zip(groups, result.totals, strict=True):
            missing = [key for key in group if key not in known]
            if total is not None and len(missing) == 1:
                known[missing[0]] = total - sum(known[key] for key in group if key in known)
                changed = True
    return {key for key in counts if result.cells[key] is None and key in known}


def test_counts_below_five_are_hidden_and_zero_stays_visible():
    result = suppress({"Noord": 12, "Zuid": 3, "Oost": 0, "West": 40})
    assert result.cells["Zuid"] is None
    assert result.cells["Oost"] == 0
    assert result.cells["West"] == 40


def test_one_hidden_cell_cannot_be_recovered_from_the_total():
    counts = {"Noord": 12, "Zuid": 3, "West": 40}
    result = suppress(counts)
    assert result.totals == [55]
    # Without the second hidden cell, 55 - 12 - 40 would give Zuid away.
    assert result.cells == {"Noord": None, "Zuid": None, "West": 40}
    assert recoverable(result, counts, [list(counts)]) == set()


def test_two_small_hidden_cells_that_add_up_below_five_take_a_third():
    counts = {"a": 1, "b": 2, "c": 9, "d": 30}
    result = suppress(counts)
    assert result.cells == {"a": None, "b": None, "c": None, "d": 30}


def test_a_total_below_five_is_hidden_with_its_cells():
    result = suppress({"a": 1, "b": 2})
    assert result.totals == [None]
    assert result.cells == {"a": None, "b": None}


def test_derived_figures_hide_with_their_count():
    result = suppress({"a": 3, "b": 10, "c": 20})
    assert result.figure("a", 41.5) is None
    assert result.figure("c", 12.0) == 12.0


def test_a_higher_threshold_may_be_asked_for_but_never_a_lower_one(settings):
    assert suppress({"a": 7, "b": 30}, at_least=10).cells["a"] is None
    assert suppress({"a": 3, "b": 30}, at_least=2).cells["a"] is None
    settings.OMZIEN_SUPPRESSION_THRESHOLD = 3
    with pytest.raises(ImproperlyConfigured):
        suppress({"a": 3})


def test_a_table_with_row_and_column_totals_gives_nothing_away():
    rows, columns = ["Noord", "Zuid", "West"], ["geld", "wonen", "opvoeden"]
    counts = dict(
        zip(itertools.product(rows, columns), [2, 14, 9, 11, 8, 30, 25, 6, 17], strict=True)
    )
    groups = [[(r, c) for c in columns] for r in rows] + [[(r, c) for r in rows] for c in columns]
    result = suppress(counts, groups)
    assert result.cells[("Noord", "geld")] is None
    assert recoverable(result, counts, groups) == set()


@given(
    st.lists(st.integers(min_value=0, max_value=40), min_size=4, max_size=4),
    st.lists(st.integers(min_value=0, max_value=40), min_size=4, max_size=4),
)
def test_no_hidden_cell_of_any_two_by_four_table_can_be_recovered(first, second):
    counts = {(r, c): row[c] for r, row in enumerate([first, second]) for c in range(4)}
    groups = [[(r, c) for c in range(4)] for r in range(2)] + [
        [(r, c) for r in range(2)] for c in range(4)
    ]
    result = suppress(counts, groups)
    for key, count in counts.items():
        if 0 < count < 5:
            assert result.cells[key] is None
    assert recoverable(result, counts, groups) == set()
