"""A figure as the pages, the yearly account and the API all publish it: a suppressed table.

A value of None is hidden by small-number suppression; a column listed in `unavailable`
has no source figure for that row (no CBS figure imported, say). Neither is ever zero.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

COUNT, DAYS, HOURS, PER_THOUSAND = "count", "days", "hours", "per_thousand"
DECIMAL, PERCENT = "decimal", "percent"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = COUNT


@dataclass
class Row:
    key: str
    label: str
    values: dict[str, float | int | None]
    unavailable: frozenset[str] = frozenset()
    kind: str | None = None  # overrides the column's kind in a one-column list of key figures
    short: str = ""  # a shorter label for a chart's axis

    def cells(self, columns: list[Column]) -> list[tuple[Column, float | int | None, bool]]:
        """(column, value, unavailable) in column order, for templates and writers."""
        return [
            (
                Column(c.key, c.label, self.kind or c.kind),
                self.values.get(c.key),
                c.key in self.unavailable,
            )
            for c in columns
        ]

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "label": str(self.label),
            "values": dict(self.values),
            "suppressed": sorted(
                k for k, v in self.values.items() if v is None and k not in self.unavailable
            ),
            "unavailable": sorted(self.unavailable),
        }


@dataclass(frozen=True)
class Chart:
    kind: str  # "bars" or "line"
    columns: tuple[str, ...]


@dataclass
class Figure:
    key: str
    title: str
    explanation: str
    columns: list[Column]
    rows: list[Row]
    total: Row | None = None
    chart: Chart | None = None
    empty: bool = False  # nothing at all happened in the period: not the same as hidden
    row_heading: str = _("maand")  # what the rows are
    notes: list[str] = field(default_factory=list)

    def row(self, key: str) -> Row:
        return next(r for r in self.rows if r.key == key)

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "title": str(self.title),
            "explanation": str(self.explanation),
            "columns": [
                {"key": c.key, "label": str(c.label), "kind": c.kind} for c in self.columns
            ],
            "rows": [row.as_dict() for row in self.rows],
            "total": self.total.as_dict() if self.total else None,
            "empty": self.empty,
        }
