"""The SVG charts: round axes, and a hidden value marked on the axis instead of drawn as zero."""

from omzien.insight.charts import chart, nice_step
from omzien.insight.tables import Chart, Column, Figure, Row


def figure(*values, kind="bars", unavailable=()) -> Figure:
    rows = [
        Row(str(i), f"maand {i}", {"n": v}, frozenset({"n"}) if i in unavailable else frozenset())
        for i, v in enumerate(values)
    ]
    return Figure("f", "F", "", [Column("n", "n")], rows, chart=Chart(kind, ("n",)))


def test_axis_steps_are_round_numbers():
    assert [nice_step(top) for top in (0, 3, 9, 40, 73, 1234)] == [1, 1, 5, 10, 20, 500]


def test_a_hidden_value_gets_a_mark_and_no_bar_and_no_value_gets_neither():
    drawing = chart(figure(12, None, 30, None, unavailable={3}))
    assert len(drawing["bars"]) == 2
    assert len(drawing["hidden"]) == 1
    assert drawing["ticks"][-1]["value"] == 40


def test_a_line_breaks_where_a_value_is_hidden():
    drawing = chart(figure(5, 6, None, 8, 9, kind="line"))
    assert len(drawing["segments"]) == 2 and len(drawing["dots"]) == 4


def test_an_empty_figure_has_no_chart():
    empty = figure(0, 0)
    empty.empty = True
    assert chart(empty) is None
