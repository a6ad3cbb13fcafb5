"""The outcome report: paired change equal to SciPy's, small numbers suppressed, closures by
reason and the shares, filtered by programme, municipality and period."""

from datetime import timedelta

import pytest
from scipy import stats

from omzien import testing
from omzien.geo.models import Municipality, PostcodeArea
from omzien.matches.models import ClosureReason
from omzien.outcomes.models import Phase
from omzien.outcomes.report import outcome_report

from . import world

pytestmark = pytest.mark.django_db
TODAY = testing.timezone.localdate()
MONEY_BEFORE = [1, 2, 2, 3, 1, 2, 3, 2]
MONEY_AFTER = [2, 2, 3, 4, 3, 2, 4, 3]


@pytest.fixture
def geo():
    return testing.geography()


def pairs(programme, area, before, after, *, ended_on=TODAY, prefix="P"):
    for n, (b, a) in enumerate(zip(before, after, strict=True)):
        match = world.closed_match(programme, area, ended_on=ended_on, last_name=f"{prefix}{n}")
        world.fill(match.request, world.SITUATION, Phase.INTAKE, world.situation(3) | {"geld": b},
                   on=ended_on - timedelta(days=300))  # fmt: skip
        world.fill(match.request, world.SITUATION, Phase.CLOSURE, world.situation(3) | {"geld": a},
                   on=ended_on)  # fmt: skip


def rounded(n: int) -> set[int]:
    """The two multiples of five that `n` may be published as."""
    return {5 * (n // 5), 5 * (n // 5 + 1)}


def row(report, subscale):
    return next(r for r in report.changes if r.subscale == subscale)


def test_paired_change_equals_scipy_on_the_same_numbers(geo):
    programme = world.programme()
    pairs(programme, geo["near"], MONEY_BEFORE, MONEY_AFTER)

    report = outcome_report([programme])
    money = row(report, "Geld")
    reference = stats.ttest_rel(MONEY_AFTER, MONEY_BEFORE)
    interval = reference.confidence_interval(0.95)
    assert money.instrument == "Situatie van het gezin" and money.n in rounded(8)
    assert money.change.n == money.n  # the exact number of pairs never leaves
    assert money.change.mean_change == pytest.approx(0.875)
    assert (money.change.ci_low, money.change.ci_high) == pytest.approx(
        (interval.low, interval.high)
    )
    assert money.change.effect_size * 8**0.5 == pytest.approx(reference.statistic)
    assert (
        row(report, "Wonen").change.mean_change == 0
        and row(report, "Wonen").change.effect_size is None
    )
    assert [r.subscale for r in report.changes][:3] == ["", "Geld", "Wonen"]  # total first


def test_a_programme_with_three_pairs_shows_suppressed_never_zero(geo):
    programme = world.programme()
    pairs(programme, geo["near"], [1, 2, 3], [2, 3, 3])

    report = outcome_report([programme])
    assert report.changes and all(r.suppressed and r.n is None for r in report.changes)
    assert all(r.change is None for r in report.changes)
    assert report.closures_total is None  # three closures: hidden too
    assert not report.is_empty


def test_period_programme_and_municipality_filters(geo):
    programme, other = world.programme(), world.programme()
    pairs(programme, geo["near"], MONEY_BEFORE, MONEY_AFTER)
    pairs(other, geo["near"], MONEY_BEFORE, MONEY_BEFORE, prefix="O")
    elsewhere = Municipality.objects.create(code="GM9997", name="Elders", lat=52, lon=6)
    area = PostcodeArea.objects.create(pc4="9701", lat=52, lon=6, municipality=elsewhere)
    pairs(programme, area, [5] * 6, [1] * 6, prefix="E")

    assert row(outcome_report([programme], geo["municipality"]), "Geld").n in rounded(8)
    assert row(outcome_report([programme]), "Geld").n in rounded(14)
    assert row(outcome_report([programme, other], geo["municipality"]), "Geld").n in rounded(16)
    later = outcome_report([programme], start=TODAY + timedelta(days=1))
    assert later.is_empty and later.changes == [] and later.closures_total == 0
    assert outcome_report([programme], end=TODAY - timedelta(days=1)).is_empty


def test_closures_by_reason_and_the_shares(geo):
    programme = world.programme()
    plan = [
        (ClosureReason.GOALS_REACHED, False, False, 6),
        (ClosureReason.PLANNED_END, None, False, 5),  # not recorded: follows from the reason
        (ClosureReason.MISMATCH, True, True, 5),
        (ClosureReason.SAFETY, True, True, 1),
    ]
    for reason, early, care, n in plan:
        for i in range(n):
            world.closed_match(programme, geo["near"], ended_on=TODAY, last_name=f"{reason}{i}",
                               closure_reason=reason, ended_early=early, specialist_care=care)  # fmt: skip

    report = outcome_report([programme])
    counts = {code: count for code, _label, count in report.closures}
    assert report.closures_total in rounded(17)
    assert (
        counts[ClosureReason.GOALS_REACHED] in rounded(6) and counts[ClosureReason.SAFETY] is None
    )
    # The total minus the others is a multiple of five, never the one hidden: nothing more hides.
    assert sum(count is None for count in counts.values()) == 1
    planned = report.as_planned
    assert (planned.count, planned.total) in {(c, t) for c in rounded(11) for t in rounded(17)}
    assert planned.percent == round(100 * planned.count / planned.total)
    assert report.specialist_care.share is not None and report.specialist_care.count in rounded(6)
    assert report.changes == []


def test_specialist_care_in_a_few_closures_is_hidden(geo):
    programme = world.programme()
    for i in range(8):
        world.closed_match(programme, geo["near"], ended_on=TODAY, last_name=f"S{i}",
                           closure_reason=ClosureReason.GOALS_REACHED, ended_early=False,
                           specialist_care=i < 2)  # fmt: skip
    share = outcome_report([programme]).specialist_care
    assert share.count is None and share.share is None and share.total in rounded(8)
