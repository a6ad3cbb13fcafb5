"""Bar and line charts as plain SVG geometry, drawn by a template on the server.

The chart is a picture of the table beside it (the table has the numbers, and a screen
reader reads that). A hidden value gets no bar or point, but a mark on the axis, so that a
gap is never read as zero.
"""

import math

from .tables import Figure

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 14, 44
MAX_LABELS = 12


def nice_step(top: float, ticks: int = 4) -> float:
    """A round step (1, 2 or 5 times a power of ten) that covers `top` in `ticks` steps."""
    raw = max(top, ticks) / ticks  # whole numbers: counts, days and hours
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def chart(figure: Figure) -> dict | None:
    """Everything a template needs to draw `figure`'s chart, or None when it has none."""
    spec = figure.chart
    if spec is None or figure.empty or not figure.rows:
        return None
    rows = figure.rows
    values = [r.values.get(c) for r in rows for c in spec.columns]
    step = nice_step(max([v for v in values if v is not None], default=0))
    top = step * 4
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    band = plot_w / len(rows)
    base = TOP + plot_h

    def y(value: float) -> float:
        return round(base - value / top * plot_h, 1)

    every = math.ceil(len(rows) / MAX_LABELS)
    labels = [
        {"x": round(LEFT + (i + 0.5) * band, 1), "text": r.short or r.label}
        for i, r in enumerate(rows)
        if i % every == 0
    ]
    ticks = [{"y": y(step * i), "value": step * i} for i in range(5)]
    series = [
        {"index": j, "column": next(c for c in figure.columns if c.key == key)}
        for j, key in enumerate(spec.columns)
    ]
    drawn = bars(rows, spec.columns, band, y, base) if spec.kind == "bars" else {}
    lines = line(rows, spec.columns[0], band, y) if spec.kind == "line" else {}
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "base": base,
        "ticks": ticks,
        "labels": labels,
        "label_y": base + 18,
        "series": series,
        **drawn,
        **lines,
    }


def bars(rows, columns, band: float, y, base: float) -> dict:
    width = band * 0.8 / len(columns)
    result, hidden = [], []
    for i, row in enumerate(rows):
        for j, key in enumerate(columns):
            x = round(LEFT + i * band + band * 0.1 + j * width, 1)
            value = row.values.get(key)
            if key in row.unavailable:
                continue  # nothing to draw, and nothing hidden
            if value is None:
                hidden.append({"x": x, "width": round(width, 1), "y": base})
                continue
            top = y(value)
            result.append(
                {
                    "x": x,
                    "y": top,
                    "width": round(width, 1),
                    "height": round(base - top, 1),
                    "series": j,
                }
            )
    return {"bars": result, "hidden": hidden}


def line(rows, key: str, band: float, y) -> dict:
    """Polylines broken where a value is hidden, and a dot at every shown value."""
    segments, current, dots, hidden = [], [], [], []
    for i, row in enumerate(rows):
        x = round(LEFT + (i + 0.5) * band, 1)
        value = row.values.get(key)
        if value is None:
            if key not in row.unavailable:
                hidden.append({"x": round(x - 4, 1), "width": 8})
            if current:
                segments.append(current)
            current = []
            continue
        current.append(f"{x},{y(value)}")
        dots.append({"x": x, "y": y(value)})
    if current:
        segments.append(current)
    return {"segments": [" ".join(points) for points in segments], "dots": dots, "hidden": hidden}
