"""The eco-map drawn as SVG, and two moments of a network compared. Plain Python.

Ties sit on a circle around the household or young person, grouped by kind; line style says how
strong a tie is. The page also lists every tie, which is the text alternative to the drawing.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

WIDTH, HEIGHT = 900, 580
CENTRE_X, CENTRE_Y = WIDTH / 2, HEIGHT / 2
CENTRE_RADIUS = 58
NODE_RADIUS = 26
RINGS = (215, 150)  # with many ties, every other one sits on the inner ring
ONE_RING_AT_MOST = 12
LABEL_CHARS = 18


@dataclass(frozen=True)
class Placed(Generic[T]):
    item: T
    x: float
    y: float
    line: tuple[float, float, float, float]  # from the centre's edge to the node's edge
    label: str
    label_x: float
    label_y: float
    anchor: str  # SVG text-anchor: start, middle or end


def short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def layout(items: Sequence[T], labels: Sequence[str]) -> list[Placed[T]]:
    """Place `items` evenly around the centre, starting at the top, clockwise."""
    n = len(items)
    placed = []
    for i, (item, label) in enumerate(zip(items, labels, strict=True)):
        angle = -math.pi / 2 + 2 * math.pi * i / max(n, 1)
        ring = RINGS[i % 2] if n > ONE_RING_AT_MOST else RINGS[0]
        dx, dy = math.cos(angle), math.sin(angle)
        x, y = CENTRE_X + ring * dx, CENTRE_Y + ring * dy
        line = (
            round(CENTRE_X + CENTRE_RADIUS * dx, 1),
            round(CENTRE_Y + CENTRE_RADIUS * dy, 1),
            round(x - NODE_RADIUS * dx, 1),
            round(y - NODE_RADIUS * dy, 1),
        )
        gap = NODE_RADIUS + 8
        anchor = "start" if dx > 0.3 else "end" if dx < -0.3 else "middle"
        label_y = y + gap * dy + (5 if abs(dy) < 0.7 else (14 if dy > 0 else -4))
        placed.append(
            Placed(
                item,
                round(x, 1),
                round(y, 1),
                line,
                short(label),
                round(x + gap * dx, 1),
                round(label_y, 1),
                anchor,
            )
        )
    return placed


@dataclass(frozen=True)
class TieState:
    thread: int  # the same relationship across versions
    name: str
    category: str
    strength: str
    informal: bool


@dataclass(frozen=True)
class Change:
    name: str
    category: str
    before: str | None  # strength then, None when the tie was not there
    after: str | None
    kind: str  # new, gone, stronger, weaker or same


@dataclass(frozen=True)
class Comparison:
    changes: list[Change]
    informal_before: int
    informal_after: int
    total_before: int
    total_after: int

    @property
    def informal_growth(self) -> int:
        return self.informal_after - self.informal_before

    def count(self, kind: str) -> int:
        return sum(change.kind == kind for change in self.changes)


def compare(
    before: Iterable[TieState], after: Iterable[TieState], strength_order: Sequence[str]
) -> Comparison:
    """What changed between two moments of the same network, tie by tie."""
    then = {tie.thread: tie for tie in before}
    now = {tie.thread: tie for tie in after}
    rank = {strength: i for i, strength in enumerate(strength_order)}
    changes = []
    for thread in sorted(then.keys() | now.keys()):
        old, new = then.get(thread), now.get(thread)
        shown = new or old
        if old is None:
            kind = "new"
        elif new is None:
            kind = "gone"
        elif rank[new.strength] > rank[old.strength]:
            kind = "stronger"
        elif rank[new.strength] < rank[old.strength]:
            kind = "weaker"
        else:
            kind = "same"
        changes.append(
            Change(
                shown.name,
                shown.category,
                old.strength if old else None,
                new.strength if new else None,
                kind,
            )
        )
    changes.sort(key=lambda c: (c.kind == "same", c.category, c.name))
    return Comparison(
        changes,
        informal_before=sum(t.informal for t in then.values()),
        informal_after=sum(t.informal for t in now.values()),
        total_before=len(then),
        total_after=len(now),
    )
