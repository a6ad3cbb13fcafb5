"""The dashboard's figures on a constructed town: counts on the right days, medians and
percentiles, filters, small numbers hidden (never zero), and an empty period said so."""

from datetime import date

import pytest

from omzien.insight.dashboard import dashboard, dashboard_figures
from omzien.insight.figures.areas import by_area
from omzien.insight.figures.matches import active_trend, new_and_closed, time_to_match
from omzien.insight.figures.volunteers import volunteers_and_hours
from omzien.insight.figures.waiting import waiting_trend
from omzien.insight.places import DISTRICT, NEIGHBOURHOOD
from omzien.insight.scope import Filters
from omzien.intake.models import RequestStatus

from . import builders

pytestmark = pytest.mark.django_db

YEAR = (date(2025, 1, 1), date(2025, 12, 31))


@pytest.fixture
def town():
    return builders.town()


@pytest.fixture
def programme(town):
    return builders.programme(town)


def filters(programme, town, start=YEAR[0], end=YEAR[1], **place) -> Filters:
    ids = frozenset(p.pk for p in (programme if isinstance(programme, list) else [programme]))
    return Filters(
        start, end, ids, place.get("municipality", town.municipality), place.get("district")
    )


def rounded(count: int) -> set[int]:
    """The two multiples of five a count of at least five may be published as."""
    return {5 * (count // 5), 5 * -(-count // 5)}


def values(figure, column: str) -> dict:
    return {row.key: row.values[column] for row in figure.rows}


def test_waiting_list_counts_each_month_end_from_the_log(town, programme):
    area = town.areas[0]
    for _ in range(6):
        builders.family(
            programme, area, signed_up=date(2024, 12, 20), waiting_since=date(2025, 1, 5)
        )
    builders.family(
        programme,
        area,
        signed_up=date(2024, 12, 20),
        status=RequestStatus.MATCHED,
        waiting_since=date(2025, 1, 10),
        left_waiting=date(2025, 2, 15),
    )
    # Left the list without a logged step: it cannot be placed in time, so it is left out.
    builders.family(
        programme, area, signed_up=date(2024, 12, 1), status=RequestStatus.CLOSED,
        waiting_since=date(2025, 1, 2),
    )  # fmt: skip

    figure = waiting_trend(filters(programme, town))

    assert values(figure, "waiting")["2025-01"] in rounded(7)
    assert values(figure, "median_days")["2025-01"] == 26  # 31 January - 5 January
    assert values(figure, "waiting")["2025-02"] in rounded(6)
    assert values(figure, "median_days")["2025-02"] == 54
    assert figure.rows[-1].values["waiting"] in rounded(6)


def test_fewer_than_five_show_as_hidden_never_as_zero(town, programme):
    for _ in range(3):
        builders.family(
            programme, town.areas[0], signed_up=date(2025, 3, 1), waiting_since=date(2025, 3, 10)
        )

    figure = waiting_trend(filters(programme, town))

    assert values(figure, "waiting")["2025-02"] == 0  # nobody waited yet: zero points at nobody
    assert values(figure, "waiting")["2025-03"] is None
    assert values(figure, "median_days")["2025-03"] is None
    assert not figure.empty


def test_a_period_without_data_is_empty_not_hidden(town, programme):
    builders.match(programme, town.areas[0], signed_up=date(2025, 1, 1), started=date(2025, 3, 1))

    figures = dashboard(filters(programme, town, date(2020, 1, 1), date(2020, 12, 31)))

    assert all(figure.empty for figure in figures)
    assert dashboard_figures(filters(programme, town, date(2020, 1, 1), date(2020, 12, 31)))[
        "empty"
    ]


def test_time_to_match_median_and_80th_percentile(town, programme):
    for waited in (30, 40, 50, 60, 100):
        started = date(2025, 3, 20)
        builders.match(
            programme,
            town.areas[0],
            signed_up=date.fromordinal(started.toordinal() - waited),
            started=started,
        )

    figure = time_to_match(filters(programme, town))

    march = figure.row("2025-03").values
    assert march == {"matches": 5, "median": 50, "p80": 68}  # 60 + 0.2 * (100 - 60)
    assert figure.total.values == march
    assert figure.row("2025-04").values["matches"] == 0


def test_active_new_and_closed_per_month(town, programme):
    area = town.areas[1]
    for _ in range(5):
        builders.match(programme, area, signed_up=date(2024, 11, 1), started=date(2025, 2, 3))
    for _ in range(5):
        builders.match(
            programme,
            area,
            signed_up=date(2024, 11, 1),
            started=date(2025, 2, 10),
            ended=date(2025, 6, 30),
        )

    period = filters(programme, town)
    active, flows = active_trend(period), new_and_closed(period)

    assert values(active, "active")["2025-01"] == 0
    assert values(active, "active")["2025-02"] == 10
    assert values(active, "active")["2025-06"] == 5  # ended on the month's last day
    assert flows.row("2025-02").values == {"new": 10, "closed": 0}
    assert flows.row("2025-06").values == {"new": 0, "closed": 5}
    assert flows.total.values == {"new": 10, "closed": 5}


def test_running_matches_and_closed_ones_do_not_give_away_a_hidden_month_of_new(town, programme):
    area = town.areas[0]
    for _ in range(6):
        builders.match(
            programme,
            area,
            signed_up=date(2024, 1, 1),
            started=date(2024, 6, 1),
            ended=date(2025, 4, 10),
        )
    for started in [date(2024, 6, 1)] * 5 + [date(2025, 4, 3)] * 2:
        builders.match(programme, area, signed_up=date(2024, 1, 1), started=started)

    period = filters(programme, town)
    flows, active = new_and_closed(period), values(active_trend(period), "active")

    april = flows.row("2025-04").values
    assert april["new"] is None
    assert april["closed"] in rounded(6)
    assert active["2025-03"] in rounded(11) and active["2025-04"] in rounded(7)
    # Started = running now - running before + closed: a multiple of five, never the 2.
    assert (active["2025-04"] - active["2025-03"] + april["closed"]) % 5 == 0


def test_volunteers_and_their_hours_hide_together(town, programme):
    hours = [(date(2025, 5, 10), "3.5"), (date(2025, 5, 24), "2")]
    for _ in range(5):
        builders.match(
            programme,
            town.areas[0],
            signed_up=date(2025, 1, 1),
            started=date(2025, 5, 1),
            hours=hours,
        )
    small = builders.programme(town)
    builders.match(
        small, town.areas[0], signed_up=date(2025, 1, 1), started=date(2025, 5, 1), hours=hours
    )

    figure = volunteers_and_hours(filters(programme, town))
    may = figure.row("2025-05").values
    assert (may["volunteers"], may["hours"] in rounded(27.5)) == (5, True)
    assert figure.row("2025-04").values == {"volunteers": 0, "hours": 0}
    assert figure.total.values["volunteers"] == 5
    assert figure.total.values["hours"] in rounded(27.5)

    only_small = volunteers_and_hours(filters(small, town))
    assert only_small.row("2025-05").values == {"volunteers": None, "hours": None}
    assert only_small.total.values["hours"] is None


def test_per_neighbourhood_a_hidden_cell_cannot_be_recovered_from_the_total(town, programme):
    for area, n in zip(town.areas, (12, 3, 40), strict=True):
        for _ in range(n):
            builders.family(
                programme, area, signed_up=date(2025, 1, 1), waiting_since=date(2025, 2, 1)
            )

    figure, _shown = by_area(filters(programme, town), NEIGHBOURHOOD)

    counts = {row.key: row.values["waiting"] for row in figure.rows}
    assert counts["BU99900001"] in rounded(12)
    assert counts["BU99900002"] is None
    assert counts["BU99900003"] == 40
    assert figure.total.values["waiting"] == 55
    # The total minus the areas shown is a multiple of five: never the 3 that were hidden.
    assert (55 - counts["BU99900001"] - 40) % 5 == 0


def test_reach_per_thousand_households_with_children_and_the_district_filter(town, programme):
    for _ in range(5):
        builders.match(
            programme, town.areas[2], signed_up=date(2024, 1, 1), started=date(2024, 6, 1)
        )
    for _ in range(7):
        builders.match(
            programme,
            town.areas[0],
            signed_up=date(2024, 1, 1),
            started=date(2025, 6, 1),
            youth=True,
        )

    figure, _shown = by_area(filters(programme, town), NEIGHBOURHOOD)
    zuid = figure.row(town.hoods[2].code).values
    assert (zuid["households"], zuid["per_thousand"]) == (5, 5.0)
    assert figure.row(town.hoods[0].code).values["youth"] in rounded(7)

    south, _shown = by_area(filters(programme, town, district=town.districts[1]), NEIGHBOURHOOD)
    assert [row.key for row in south.rows] == [town.hoods[2].code]
    assert south.total.values["youth"] == 0
    districts, _shown = by_area(filters(programme, town), DISTRICT)
    assert [row.label for row in districts.rows] == [d.name for d in town.districts]


def test_families_elsewhere_and_other_programmes_do_not_count(town, programme):
    elsewhere = builders.town("GM9991", "Anderstad")
    other = builders.programme(town)
    for _ in range(6):
        builders.family(
            programme,
            elsewhere.areas[0],
            signed_up=date(2025, 1, 1),
            waiting_since=date(2025, 1, 2),
        )
        builders.family(
            other, town.areas[0], signed_up=date(2025, 1, 1), waiting_since=date(2025, 1, 2)
        )

    figure = waiting_trend(filters(programme, town))
    assert figure.empty
    assert waiting_trend(filters([programme, other], town)).rows[-1].values["waiting"] in rounded(6)
