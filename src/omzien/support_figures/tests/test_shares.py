"""Coverage arithmetic on constructed months, without a database."""

from datetime import date

from omzien.support_figures.shares import Period, monthly_shares, months_between, spells

TODAY = date(2026, 3, 16)
MONTHS = months_between(date(2025, 12, 1), date(2026, 4, 30))


def by_month(placements, figures):
    return {s.month: s for s in monthly_shares(placements, figures, MONTHS, TODAY)}


def test_months_run_across_the_new_year_and_future_months_are_left_out():
    assert [
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
        date(2026, 3, 1),
        date(2026, 4, 1),
    ] == MONTHS
    shares = monthly_shares([], [], MONTHS, TODAY)
    assert [s.month for s in shares] == MONTHS[:4]
    assert shares[-1].reference_day == TODAY  # the month under way is counted today
    assert shares[1].reference_day == date(2026, 1, 31)


def test_known_shares_month_by_month():
    # Four young people placed since autumn; one support figure per month joins.
    placements = [Period(p, date(2025, 10, 1)) for p in "abcd"]
    figures = [
        Period("a", date(2025, 11, 15)),
        Period("b", date(2026, 1, 10)),
        Period("c", date(2026, 2, 28)),
        Period("d", date(2026, 3, 17)),  # tomorrow: not yet
    ]
    result = by_month(placements, figures)
    assert [(s.placed, s.with_figure) for s in result.values()] == [(4, 1), (4, 2), (4, 3), (4, 3)]
    assert result[date(2026, 1, 1)].share == 0.5
    assert result[date(2026, 3, 1)].waiting_days == [(TODAY - date(2025, 10, 1)).days]


def test_a_placement_that_ended_or_has_not_begun_does_not_count():
    placements = [
        Period("home", date(2025, 6, 1), date(2026, 1, 20)),  # back home in January
        Period("new", date(2026, 2, 3)),
    ]
    result = by_month(placements, [])
    assert result[date(2025, 12, 1)].placed == 1
    assert result[date(2026, 1, 1)].placed == 0
    assert result[date(2026, 2, 1)].placed == 1


def test_waiting_counts_from_the_start_of_the_spell_or_when_the_last_figure_stopped():
    placements = [
        # A move between foster families is one spell out of home.
        Period("moved", date(2025, 9, 1), date(2025, 12, 10)),
        Period("moved", date(2025, 12, 10)),
        Period("lost", date(2025, 5, 1)),
    ]
    figures = [Period("lost", date(2025, 6, 1), date(2026, 2, 1))]
    result = by_month(placements, figures)[date(2026, 2, 1)]
    assert result.placed == 2 and result.with_figure == 0
    assert sorted(result.waiting_days) == [
        (date(2026, 2, 28) - date(2026, 2, 1)).days,
        (date(2026, 2, 28) - date(2025, 9, 1)).days,
    ]
    assert result.median_waiting_days == round((27 + 180) / 2)


def test_overlapping_figures_count_a_young_person_once():
    placements = [Period("x", date(2025, 1, 1))]
    figures = [Period("x", date(2025, 2, 1)), Period("x", date(2025, 3, 1), date(2026, 1, 1))]
    assert spells(figures)["x"] == [(date(2025, 2, 1), None)]
    assert by_month(placements, figures)[date(2026, 1, 1)].with_figure == 1
