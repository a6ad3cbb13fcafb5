"""k-anonymity for a table of rows: every combination of quasi-identifiers that is published is
shared by at least k people.

Each quasi-identifier has a ladder of generalisations, from the most precise value (step 0) up
to nothing at all (the last step). Every combination of steps is tried; the least generalised
one that withholds no more than a small share of the rows wins, and the rows that still fall in
a group of fewer than k people are withheld. Groups count people, not rows: one person's two
rows must not make a group of two look like a crowd.

Pure: rows are dicts, the caller supplies the ladders, nothing here touches the database.
"""

import itertools
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

# A research table that loses more than this share of its rows says little about the rest.
MAX_WITHHELD_SHARE = 0.05


@dataclass(frozen=True)
class Step:
    label: Any  # what the published value is, for the export's description
    generalise: Callable[[Any], str]


@dataclass(frozen=True)
class Ladder:
    column: str
    steps: Sequence[Step]

    def loss(self, level: int) -> float:
        """0 for the exact value, 1 for nothing published."""
        return level / (len(self.steps) - 1) if len(self.steps) > 1 else 0.0


@dataclass(frozen=True)
class Outcome:
    rows: list[dict]
    levels: tuple[int, ...]
    withheld: int
    ladders: Sequence[Ladder]
    k: int

    def steps(self) -> list[tuple[str, Step]]:
        """Per quasi-identifier, the step the published values are at."""
        return [
            (ladder.column, ladder.steps[level])
            for ladder, level in zip(self.ladders, self.levels, strict=True)
        ]


def anonymise(
    rows: list[dict],
    ladders: Sequence[Ladder],
    k: int,
    person: Callable[[dict], Any] = id,
    max_withheld_share: float = MAX_WITHHELD_SHARE,
) -> Outcome:
    """The rows, generalised and with small groups withheld, so that every published
    combination of the ladders' columns is shared by at least k people."""
    values = [[[step.generalise(row[ladder.column]) for row in rows] for step in ladder.steps]
              for ladder in ladders]  # fmt: skip
    people = [person(row) for row in rows]
    budget = max_withheld_share * len(rows)
    best = None
    for levels in itertools.product(*(range(len(ladder.steps)) for ladder in ladders)):
        keys = list(zip(*(values[i][level] for i, level in enumerate(levels)), strict=True))
        kept = _kept(keys, people, k)
        withheld = len(rows) - len(kept)
        loss = sum(ladder.loss(level) for ladder, level in zip(ladders, levels, strict=True))
        # Within the budget the least loss wins; beyond it, the fewest rows withheld.
        score = (0, loss, withheld) if withheld <= budget else (1, withheld, loss)
        if best is None or score < best[0]:
            best = (score, levels, keys, kept)
    _, levels, keys, kept = best
    return Outcome(
        rows=[_published(rows[i], ladders, keys[i]) for i in kept],
        levels=levels,
        withheld=len(rows) - len(kept),
        ladders=ladders,
        k=k,
    )


def _kept(keys: list[tuple], people: list, k: int) -> list[int]:
    """Indexes of the rows whose group has at least k people."""
    groups = defaultdict(set)
    for key, who in zip(keys, people, strict=True):
        groups[key].add(who)
    return [i for i, key in enumerate(keys) if len(groups[key]) >= k]


def _published(row: dict, ladders: Sequence[Ladder], key: tuple) -> dict:
    return row | {ladder.column: value for ladder, value in zip(ladders, key, strict=True)}
