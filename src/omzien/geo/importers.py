"""Save parsed geography files: one transaction per file, bulk upserts by code.

Importing is idempotent: a code that exists is updated, never duplicated. Each record
updates only the fields its file provides, and figures of an older year never overwrite
those of a newer one (a 2019 neighbourhood table does not undo 2023 key figures).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from django.db import models, transaction

from .geometry import PointLocator
from .models import District, Municipality, Neighbourhood, PostcodeArea
from .records import LEVELS, Parsed, Record, Skip

MODELS: dict[str, type[models.Model]] = {
    "municipality": Municipality,
    "district": District,
    "neighbourhood": Neighbourhood,
    "pc4": PostcodeArea,
}
SHAPE_LEVELS = (("municipality", Municipality), ("neighbourhood", Neighbourhood))
PARENTS = {"district": ("municipality", Municipality), "neighbourhood": ("district", District)}
FIGURES = ("inhabitants", "households", "households_with_children", "figures_year")
# CBS's "Buitenland" (abroad) has a shape, Baarle-Hertog's Belgian enclaves, but a Dutch
# postcode never lies abroad: there it stays without municipality.
ABROAD = "GM0998"
BATCH = 500


@dataclass
class Outcome:
    created: Counter[str] = field(default_factory=Counter)  # by level
    updated: Counter[str] = field(default_factory=Counter)
    skipped: list[Skip] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def import_parsed(parsed: Parsed) -> Outcome:
    """Save one file's records all-or-nothing, placing postcodes in the shapes imported."""
    outcome = Outcome(skipped=list(parsed.skipped))
    with transaction.atomic():
        for level in LEVELS:
            if parsed.records.get(level):
                _save_level(level, parsed.records[level], outcome)
        if parsed.records.get("pc4"):
            records, notes = _placed(parsed.records["pc4"])
            _save_level("pc4", records, outcome)
            outcome.notes.extend(notes)
        elif _has_shapes(parsed):
            outcome.notes.extend(assign_postcode_areas())
    return outcome


def _has_shapes(parsed: Parsed) -> bool:
    return any(
        "geometry" in record.fields
        for level, _ in SHAPE_LEVELS
        for record in parsed.records.get(level, [])
    )


def _save_level(level: str, records: list[Record], outcome: Outcome) -> None:
    model = MODELS[level]
    key = "pc4" if level == "pc4" else "code"
    years: dict[str, int | None] = (
        dict(model.objects.values_list(key, "figures_year"))
        if level != "pc4"
        else dict.fromkeys(model.objects.values_list(key, flat=True))
    )
    parent = PARENTS.get(level)
    parent_ids = dict(parent[1].objects.values_list("code", "id")) if parent else {}
    rows, kept = [], 0
    for record in records:
        fields = dict(record.fields)
        if parent:
            if record.parent not in parent_ids:
                outcome.skipped.append(
                    Skip(record.where, f"{parent[0]} not imported", record.parent)
                )
                continue
            fields[f"{parent[0]}_id"] = parent_ids[record.parent]
        if too_long := _too_long(model, fields):
            outcome.skipped.append(Skip(record.where, "text too long", too_long))
            continue
        if _older(fields.get("figures_year"), years.get(record.code)):
            kept += 1
            for name in FIGURES:
                fields.pop(name, None)
        (outcome.updated if record.code in years else outcome.created)[level] += 1
        rows.append((record.code, fields))
    _upsert(model, key, rows)
    if kept:
        outcome.notes.append(f"kept newer figures of {kept} {_level_word(level, kept)}")


def _too_long(model: type[models.Model], fields: dict[str, Any]) -> str | None:
    """A text longer than its column, which the database would refuse with the whole file."""
    for name, value in fields.items():
        if isinstance(value, str) and len(value) > model._meta.get_field(name).max_length:
            return name
    return None


def _older(year: int | None, existing: int | None) -> bool:
    return year is not None and existing is not None and year < existing


def _upsert(model: type[models.Model], key: str, rows: list[tuple[str, dict[str, Any]]]) -> None:
    """Insert or update in bulk, in groups of rows that provide the same fields."""
    groups: dict[tuple[str, ...], list[models.Model]] = defaultdict(list)
    for code, fields in rows:
        groups[tuple(sorted(fields))].append(model(**{key: code}, **fields))
    for names, objects in groups.items():
        if not names:
            model.objects.bulk_create(objects, ignore_conflicts=True, batch_size=BATCH)
            continue
        model.objects.bulk_create(
            objects,
            update_conflicts=True,
            unique_fields=[key],
            update_fields=[model._meta.get_field(name).name for name in names],
            batch_size=BATCH,
        )


def _locate(lats: list[float], lons: list[float]) -> dict[str, list[int | None]]:
    """For each level with imported shapes, the id of the shape that holds each point."""
    found = {}
    for name, model in SHAPE_LEVELS:
        shapes = list(
            model.objects.filter(geometry__isnull=False)
            .exclude(code=ABROAD)
            .order_by("code")
            .values_list("id", "geometry")
        )
        if shapes:
            found[name] = PointLocator(shapes).locate(lats, lons)
    return found


def _placed(records: list[Record]) -> tuple[list[Record], list[str]]:
    """PC4 records with the links to the shapes that hold them, and how many were placed."""
    found = _locate([r.fields["lat"] for r in records], [r.fields["lon"] for r in records])
    placed = [
        replace(
            record, fields=record.fields | {f"{name}_id": ids[i] for name, ids in found.items()}
        )
        for i, record in enumerate(records)
    ]
    return placed, _placed_notes(found, len(records))


def _placed_notes(found: dict[str, list[int | None]], total: int) -> list[str]:
    return [
        f"{sum(id_ is not None for id_ in ids)} of {total} PC4 areas lie in a {name} shape"
        for name, ids in found.items()
    ]


def assign_postcode_areas() -> list[str]:
    """Place every PC4 again, after shapes changed.

    Levels without any imported shape are left as they are; where shapes exist but none
    holds the point, the link is cleared.
    """
    names = ("pc4", "city", "lat", "lon", "municipality_id", "neighbourhood_id")
    areas = [dict(zip(names, row, strict=True)) for row in PostcodeArea.objects.values_list(*names)]
    if not areas:
        return []
    found = _locate([area["lat"] for area in areas], [area["lon"] for area in areas])
    rows = []
    for i, area in enumerate(areas):
        links = {f"{name}_id": ids[i] for name, ids in found.items()}
        if any(area[key] != value for key, value in links.items()):
            rows.append((area.pop("pc4"), area | links))
    # An upsert by pc4 writes thousands of links in a few statements; bulk_update's CASE
    # expressions take seconds for the same work.
    _upsert(PostcodeArea, "pc4", rows)
    return _placed_notes(found, len(areas))


def summary(parsed: Parsed, outcome: Outcome, seconds: float) -> str:
    """One line: what the file was, what happened to its rows, and why rows were skipped."""
    created, updated = outcome.created.total(), outcome.updated.total()
    line = f"{parsed.name} ({parsed.kind}): {created} created, {updated} updated"
    by_level = outcome.created + outcome.updated
    if len(by_level) > 1:
        counts = [f"{n} {_level_word(level, n)}" for level in LEVELS if (n := by_level[level])]
        line += " (" + ", ".join(counts) + ")"
    line += f", {len(outcome.skipped)} skipped"
    reasons = Counter(skip.reason for skip in outcome.skipped)
    if reasons:
        line += " (" + ", ".join(f"{reason}: {n}" for reason, n in reasons.items()) + ")"
    return "; ".join([line, *outcome.notes]) + f"; {seconds:.1f} s"


def _level_word(level: str, n: int) -> str:
    words = {"municipality": "municipalities", "neighbourhood": "neighbourhoods"}
    return level if n == 1 or level == "pc4" else words.get(level, f"{level}s")


def skip_lines(outcome: Outcome, limit: int | None) -> list[str]:
    """The skipped rows one per line, so that a person can find and fix them in the file."""
    lines = [
        f"  {skip.where}: {skip.reason}" + (f" ({skip.detail})" if skip.detail else "")
        for skip in outcome.skipped[:limit]
    ]
    hidden = len(outcome.skipped) - len(lines)
    if hidden:
        lines.append(f"  ... and {hidden} more (use --verbosity 2 to list all)")
    return lines
