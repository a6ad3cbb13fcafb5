"""Theme flagging on a constructed case: a theme far more frequent in one neighbourhood is
flagged there, and only there; rare, evenly spread or merely slightly higher themes are not."""

from datetime import date

import pytest
from scipy.stats import false_discovery_control, hypergeom

from omzien.insight.themes import adjusted, flagged_themes, theme_table
from omzien.vocabulary import Theme

from . import builders

pytestmark = pytest.mark.django_db

SIGNED_UP = date(2025, 4, 1)


def requests(programme, area, n: int, **themes: int) -> None:
    """`n` requests; the first `themes[t]` of them mention theme t."""
    for i in range(n):
        chosen = [t for t, k in themes.items() if i < k]
        builders.family(programme, area, signed_up=SIGNED_UP, themes=chosen)


@pytest.fixture
def town():
    result = builders.town()
    programme = builders.programme(result)
    noord, oost, zuid = result.areas
    requests(programme, noord, 20, money=12, housing=5, work=6)
    requests(programme, oost, 20, money=3, housing=5, work=4)
    requests(programme, zuid, 20, money=3, housing=5, work=4, loneliness=4)
    result.programme = programme
    return result


def test_money_is_flagged_in_the_one_neighbourhood_where_it_piles_up(town):
    rows = flagged_themes(
        town.municipality, date(2025, 1, 1), date(2025, 12, 31), [town.programme.pk]
    )

    assert len(rows) == 1
    hood, theme, count, expected, ratio = rows[0]
    assert (hood, theme) == (town.hoods[0], Theme.MONEY)
    assert count in (10, 15)  # 12, rounded to a multiple of five
    # 20 requests, and 18 of the municipality's 60 mention money: all three as published.
    year = (date(2025, 1, 1), date(2025, 12, 31))
    money = theme_table(town.municipality, *year, [town.programme.pk])["theme_totals"]
    assert expected == round(20 * money[Theme.MONEY] / 60, 1)
    assert ratio == round(count / (20 * money[Theme.MONEY] / 60), 2)


def test_the_test_is_fishers_exact_test_corrected_for_every_comparison(town):
    table = theme_table(
        town.municipality, date(2025, 1, 1), date(2025, 12, 31), [town.programme.pk]
    )
    pair = table["pairs"][(town.hoods[0].pk, Theme.MONEY)]
    raw = hypergeom.sf(12 - 1, 60, 18, 20)  # P(X >= 12) drawing 20 of 60 with 18 mentions
    assert raw < pair["p"] < 0.05
    # Work: 6 of 20 against 14 of 60 is higher, but not markedly (ratio below 1.5).
    assert not table["pairs"][(town.hoods[0].pk, Theme.WORK)]["flagged"]
    # The other two neighbourhoods' 3 and 3 are hidden; together they are not too few.
    assert table["cells"][(town.hoods[1].pk, Theme.MONEY)] is None
    assert table["theme_totals"][Theme.MONEY] in (15, 20)  # 18, rounded
    # Housing is even everywhere; loneliness only in Zuid, but 4 times is too few to name.
    assert not table["pairs"][(town.hoods[0].pk, Theme.HOUSING)]["flagged"]
    assert table["cells"][(town.hoods[2].pk, Theme.LONELINESS)] is None
    assert not table["pairs"][(town.hoods[2].pk, Theme.LONELINESS)]["flagged"]


def test_outside_the_period_or_the_programmes_nothing_is_flagged(town):
    assert (
        flagged_themes(town.municipality, date(2024, 1, 1), date(2024, 12, 31), [town.programme.pk])
        == []
    )
    other = builders.programme(town)
    assert flagged_themes(town.municipality, date(2025, 1, 1), date(2025, 12, 31), [other.pk]) == []


def test_without_programmes_in_scope_nothing_is_counted(town):
    table = theme_table(town.municipality, date(2025, 1, 1), date(2025, 12, 31), [])
    assert table["theme_totals"][Theme.MONEY] == 0
    assert flagged_themes(town.municipality, date(2025, 1, 1), date(2025, 12, 31), []) == []


def test_benjamini_hochberg_agrees_with_scipy():
    p = [0.01, 0.04, 0.03, 0.2, 0.001]
    assert adjusted(p) == pytest.approx(list(false_discovery_control(p)))
    assert adjusted([0.01, 0.04, 0.03, 0.2]) == pytest.approx([0.04, 0.16 / 3, 0.16 / 3, 0.2])
