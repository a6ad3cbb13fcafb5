"""A bar chart of monthly shares as server-rendered SVG. Its table twin holds the same numbers."""

import math
from dataclasses import dataclass

WIDTH, HEIGHT = 720, 300
LABELLED = 12  # at most this many month labels and values fit under and above the bars
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 16, 40
PLOT_WIDTH, PLOT_HEIGHT = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str  # the month under the bar; empty where labels would crowd
    label_x: float
    value: str  # above the bar (empty where values would crowd), or a cross when hidden
    value_y: float
    hidden: bool


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


def bars(points: list[tuple[str, float | None]]) -> list[Bar]:
    """`points` are (label, percentage or None when suppressed), drawn on a 0 to 100 scale."""
    if not points:
        return []
    slot = PLOT_WIDTH / len(points)
    width = slot * 0.6
    every = math.ceil(len(points) / LABELLED)  # with many months, label every second or third
    result = []
    for i, (label, value) in enumerate(points):
        shown = i % every == 0
        x = LEFT + i * slot + (slot - width) / 2
        height = 0 if value is None else PLOT_HEIGHT * value / 100
        y = TOP + PLOT_HEIGHT - height
        result.append(
            Bar(
                x=round(x, 1),
                y=round(y, 1),
                width=round(width, 1),
                height=round(height, 1),
                label=label if shown else "",
                label_x=round(x + width / 2, 1),
                value="×" if value is None else f"{value:.0f}%" if every == 1 else "",
                value_y=round(y - 4, 1),
                hidden=value is None,
            )
        )
    return result


def ticks() -> list[Tick]:
    return [
        Tick(round(TOP + PLOT_HEIGHT * (1 - p / 100), 1), f"{p}%") for p in (0, 25, 50, 75, 100)
    ]


def frame() -> dict:
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "baseline": TOP + PLOT_HEIGHT,
        "label_y": HEIGHT - BOTTOM + 18,
    }
