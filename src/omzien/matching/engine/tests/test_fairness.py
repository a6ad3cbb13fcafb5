"""The fairness report: who the plan matches and who keeps waiting, per group."""

from omzien.matching.engine import fairness, plan

from .factories import offer, pool, request


def test_fairness_counts_and_medians_per_neighbourhood_and_household_type():
    households = [
        request(
            id=1,
            household_key="h1",
            neighbourhood="A",
            household_type="single_parent",
            waited_days=300,
        ),
        request(
            id=2,
            household_key="h2",
            neighbourhood="A",
            household_type="two_parents",
            waited_days=10,
        ),
        request(
            id=3,
            household_key="h3",
            neighbourhood="B",
            household_type="single_parent",
            waited_days=50,
            lat=None,
            lon=None,
        ),
    ]
    the_pool = pool(households, [offer(capacity=1)])
    result = plan(the_pool)
    assert [p.request_id for p in result.pairs] == [1]
    report = fairness(the_pool, result)
    assert (report.overall.matched, report.overall.unmatched) == (1, 2)
    hoods = {row.group: row for row in report.by("neighbourhood")}
    assert (hoods["A"].matched, hoods["A"].unmatched) == (1, 1)
    assert hoods["A"].median_waited_matched == 300
    assert hoods["A"].median_waited_unmatched == 10
    assert (
        hoods["B"].matched,
        hoods["B"].median_waited_matched,
        hoods["B"].median_waited_unmatched,
    ) == (0, None, 50)
    types = {row.group: row for row in report.by("household_type")}
    assert (types["single_parent"].matched, types["single_parent"].unmatched) == (1, 1)
    assert types["two_parents"].unmatched == 1


def test_unknown_groups_are_named():
    the_pool = pool([request(neighbourhood=None, household_type="")])
    report = fairness(the_pool, plan(the_pool))
    assert [row.group for row in report.rows] == ["onbekend", "onbekend"]
