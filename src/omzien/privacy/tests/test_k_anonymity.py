"""k-anonymity on plain rows: the least generalisation that keeps enough rows, small groups
withheld, groups counted in people."""

import random
from collections import defaultdict

from omzien.privacy.k_anonymity import Ladder, Step, anonymise

K = 5
NOTHING = Step("niets", lambda _value: "")
LADDERS = (
    Ladder("pc4", [Step("pc4", str), Step("regio", lambda pc4: pc4[:2]), NOTHING]),
    Ladder("age", [Step("jaar", str), Step("groep", lambda age: "0-11" if age < 12 else "12+"), NOTHING]),
    Ladder("month", [Step("maand", str), Step("jaar", lambda month: month[:4]), NOTHING]),
)  # fmt: skip
COLUMNS = [ladder.column for ladder in LADDERS]


def smallest_group(rows, columns=COLUMNS) -> int:
    groups = defaultdict(set)
    for row in rows:
        groups[tuple(row[c] for c in columns)].add(row["person"])
    return min(len(people) for people in groups.values())


def by_person(row):
    return row["person"]


def synthetic(n: int, seed: int = 14) -> list[dict]:
    draw = random.Random(seed)
    return [
        {
            "person": i,
            "pc4": str(draw.randrange(1000, 9999)),
            "age": draw.randrange(0, 18),
            "month": f"{draw.choice((2024, 2025))}-{draw.randrange(1, 13):02d}",
            "hours": draw.randrange(0, 80),
        }
        for i in range(n)
    ]


def test_five_thousand_rows_come_out_k_anonymous_and_mostly_kept():
    rows = synthetic(5000)
    assert smallest_group(rows) == 1  # as they come, nearly everyone stands alone
    outcome = anonymise(rows, LADDERS, K, person=by_person)
    assert smallest_group(outcome.rows) >= K
    assert len(outcome.rows) + outcome.withheld == 5000
    assert outcome.withheld <= 0.05 * 5000
    # What is not a quasi-identifier is published as it was.
    kept = {row["person"]: row["hours"] for row in outcome.rows}
    assert all(kept[row["person"]] == row["hours"] for row in rows if row["person"] in kept)


def test_rows_that_are_already_k_anonymous_stay_exact():
    rows = [{"person": i, "pc4": "1234", "age": 7, "month": "2025-03"} for i in range(K)]
    outcome = anonymise(rows, LADDERS, K, person=by_person)
    assert outcome.levels == (0, 0, 0) and outcome.withheld == 0
    assert outcome.rows == [row | {"age": "7"} for row in rows]  # published as text


def test_one_row_standing_alone_is_withheld_rather_than_blurring_everyone():
    crowd = [{"person": i, "pc4": "1234", "age": 7, "month": "2025-03"} for i in range(40)]
    loner = {"person": "x", "pc4": "9999", "age": 16, "month": "2024-11"}
    outcome = anonymise([*crowd, loner], LADDERS, K, person=by_person)
    assert outcome.levels == (0, 0, 0) and outcome.withheld == 1
    assert "x" not in {row["person"] for row in outcome.rows}


def test_the_least_generalisation_is_chosen():
    # Ages differ per person, so only the age is generalised; place and month stay exact.
    rows = [{"person": i, "pc4": "1234", "age": i, "month": "2025-03"} for i in range(10)]
    outcome = anonymise(rows, LADDERS, K, person=by_person)
    assert outcome.levels == (0, 1, 0) and outcome.withheld == 0
    assert {row["age"] for row in outcome.rows} == {"0-11"}
    assert [(column, step.label) for column, step in outcome.steps()] == [
        ("pc4", "pc4"),
        ("age", "groep"),
        ("month", "maand"),
    ]


def test_groups_count_people_not_rows():
    # One person with five requests is still one person: the group is too small.
    rows = [{"person": "p", "pc4": "1234", "age": 7, "month": "2025-03"} for _ in range(5)]
    outcome = anonymise(rows, LADDERS, K, person=by_person)
    assert outcome.rows == [] and outcome.withheld == 5


def test_when_every_generalisation_withholds_too_much_the_fewest_rows_are_withheld():
    # A column that cannot be generalised: the one "b" row is withheld whatever happens, which
    # is more than the budget, so the generalisation that withholds least wins.
    ladders = (Ladder("kind", [Step("soort", str)]), *LADDERS)
    rows = [
        {"person": i, "kind": "a", "pc4": str(1230 + i), "age": 7, "month": "2025-03"}
        for i in range(6)
    ]
    rows.append({"person": "b", "kind": "b", "pc4": "1234", "age": 7, "month": "2025-03"})
    outcome = anonymise(rows, ladders, K, person=by_person)
    assert outcome.withheld == 1 and outcome.levels == (0, 1, 0, 0)
    assert {row["pc4"] for row in outcome.rows} == {"12"}
