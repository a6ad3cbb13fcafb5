"""The coverage chart: bars on a 0 to 100 scale, a cross for a hidden month, no crowding."""

from omzien.support_figures import chart


def test_bars_scale_to_the_plot_and_a_hidden_month_shows_a_cross():
    low, full, hidden = chart.bars([("jan", 0.0), ("feb", 100.0), ("mrt", None)])
    assert low.height == 0 and full.height == chart.PLOT_HEIGHT
    assert full.y == chart.TOP and full.value == "100%"
    assert hidden.hidden and hidden.value == "×" and hidden.height == 0


def test_with_two_years_only_every_second_month_is_labelled_and_values_stay_in_the_table():
    bars = chart.bars([(f"m{i}", 40.0) for i in range(24)])
    assert [bar.label for bar in bars[:4]] == ["m0", "", "m2", ""]
    assert all(bar.value == "" for bar in bars)
    assert all(bar.x >= chart.LEFT and bar.x + bar.width <= chart.WIDTH for bar in bars)
