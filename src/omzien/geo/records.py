"""One row or feature of a published geography file, turned into a record to save (no Django).

A record carries only the fields its file provides, so that importing key figures does not
wipe shapes imported earlier, and the other way round. A row that cannot be used raises
RowError; the importer skips and reports it, it never saves half a row.
"""

import math
import re
from dataclasses import dataclass, field
from typing import Any

from .geometry import NotWGS84Error, centroid, clean_shape, in_netherlands

LEVELS = ("municipality", "district", "neighbourhood")
CODE_RE = {
    "municipality": re.compile(r"^GM\d{4}$"),
    "district": re.compile(r"^WK\d{6}$"),
    "neighbourhood": re.compile(r"^BU\d{8}$"),
}
PREFIX_LEVEL = {"GM": "municipality", "WK": "district", "BU": "neighbourhood"}
# Property names of the CBS/PDOK "wijkenbuurten" layers and key-figure tables.
CBS_KEYS = {
    "municipality": ("gemeentecode", "gemeentenaam"),
    "district": ("wijkcode", "wijknaam"),
    "neighbourhood": ("buurtcode", "buurtnaam"),
}
PC4_RE = re.compile(r"^[1-9]\d{3}$")
# CBS statistical symbols: "." unknown or secret, "x" secret; "-" means nil (zero).
MISSING = {"", ".", "x"}


class RowError(ValueError):
    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason, self.detail = reason, detail


@dataclass
class Record:
    level: str  # one of LEVELS, or "pc4"
    code: str  # CBS code or PC4
    fields: dict[str, Any]
    parent: str = ""  # code of the municipality of a district, the district of a neighbourhood
    where: str = ""  # how a person finds it in the file: "line 12", "feature 3"


@dataclass
class Skip:
    where: str
    reason: str  # short, so that skips can be counted by reason
    detail: str = ""


@dataclass
class Parsed:
    name: str
    kind: str
    records: dict[str, list[Record]] = field(default_factory=dict)  # by level, or "pc4"
    skipped: list[Skip] = field(default_factory=list)

    def add(self, record: Record, seen: dict[tuple[str, str], str]) -> None:
        """Keep the first record of a code: one file cannot say two things about one area."""
        first = seen.setdefault((record.level, record.code), record.where)
        if first != record.where:
            self.skipped.append(
                Skip(record.where, "duplicate code", f"{record.code} also at {first}")
            )
            return
        self.records.setdefault(record.level, []).append(record)


def number(value: Any) -> float | None:
    """A CBS figure, or None when it is missing or secret (CBS marks those with -99999997 etc.)."""
    if value is None:
        return None
    if isinstance(value, str):
        raw = value.strip()
        if raw in MISSING:
            return None
        if raw == "-":
            return 0.0
        try:
            value = float(raw if "." in raw else raw.replace(",", "."))  # a decimal comma too
        except ValueError:
            raise RowError("not a number", repr(raw)) from None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RowError("not a number", repr(value))
    return None if math.isnan(value) or value < 0 else float(value)


def count(value: Any) -> int | None:
    figure = number(value)
    return None if figure is None else round(figure)


def coordinate(value: Any) -> float:
    try:
        result = float(value)
    except (TypeError, ValueError):
        raise RowError("no coordinates", repr(value)) from None
    if math.isnan(result):
        raise RowError("no coordinates", repr(value))
    return result


def year(value: Any) -> int | None:
    """'2023', 2023 or StatLine's '2019JJ00'."""
    match = re.match(r"^\s*(\d{4})", str(value or ""))
    return int(match.group(1)) if match else None


def text(value: Any) -> str:
    return str(value).strip() if value is not None else ""


def code_of(value: Any, level: str) -> str:
    code = text(value).upper()
    if not CODE_RE[level].match(code):
        raise RowError("invalid code", repr(value))
    return code


def parent_of(code: str, level: str) -> str:
    """A CBS code contains its parent's: WK036300 lies in GM0363, BU03630000 in WK036300."""
    return {"district": f"GM{code[2:6]}", "neighbourhood": f"WK{code[2:8]}"}.get(level, "")


def figures(props: dict[str, Any], level: str) -> dict[str, Any]:
    """Households (with children) and inhabitants with their year; nothing when no figure is known.

    A row whose figures are all missing provides no figures at all, so that it does not
    erase figures imported from another source.
    """
    values: dict[str, Any] = {}
    if level == "municipality" and "aantalInwoners" in props:
        values["inhabitants"] = count(props["aantalInwoners"])
    if "aantalHuishoudens" in props:
        values["households"] = count(props["aantalHuishoudens"])
        if "percentageHuishoudensMetKinderen" in props:
            share = number(props["percentageHuishoudensMetKinderen"])
            households = values["households"]
            values["households_with_children"] = (
                None if households is None or share is None else round(households * share / 100)
            )
    if all(value is None for value in values.values()):
        return {}
    values["figures_year"] = year(props.get("jaar"))
    return values


def cbs_area(props: dict[str, Any], level: str, geometry: Any = None) -> Record:
    """A row of a CBS key-figure table or a feature of a PDOK wijkenbuurten layer."""
    code_key, name_key = CBS_KEYS[level]
    code = code_of(props.get(code_key), level)
    if text(props.get("water")).upper() == "JA":
        # CBS maps give large waters as features of their own; a postcode lies on land.
        raise RowError("water area", code)
    fields: dict[str, Any] = {}
    if text(props.get(name_key)):
        fields["name"] = text(props.get(name_key))
    fields.update(figures(props, level))
    if geometry is not None:
        fields.update(shape_fields(geometry))
    return Record(level, code, fields, parent_of(code, level))


def shape_fields(geometry: Any) -> dict[str, Any]:
    try:
        shape = clean_shape(geometry)
    except NotWGS84Error:
        raise  # the whole file is in another coordinate system: not a matter of one row
    except ValueError as exc:
        raise RowError("invalid geometry", str(exc)) from None
    middle = centroid(shape)
    lat, lon = middle if middle else (None, None)
    return {"geometry": shape, "lat": lat, "lon": lon}


def statline_area(row: dict[str, str], columns: dict[str, str]) -> Record:
    """A row of a StatLine table such as 85163NED: any of the three levels, by its code."""
    code = text(row[columns["code"]]).upper()
    level = PREFIX_LEVEL.get(code[:2])
    if level is None:
        raise RowError("not a municipality, district or neighbourhood code", repr(code))
    code = code_of(code, level)
    props = {"jaar": row.get(columns.get("year", ""))}
    if "households" in columns:
        props["aantalHuishoudens"] = row[columns["households"]]
    fields = figures(props, level)
    if text(row[columns["name"]]):
        fields["name"] = text(row[columns["name"]])
    return Record(level, code, fields, parent_of(code, level))


def located(lat: Any, lon: Any, label: str) -> dict[str, float]:
    lat, lon = coordinate(lat), coordinate(lon)
    if not in_netherlands(lat, lon):
        raise RowError("outside the Netherlands", f"{label} at {lat:.5f}, {lon:.5f}")
    return {"lat": lat, "lon": lon}


def municipality_centre(row: dict[str, Any]) -> Record:
    """A row of a municipality centroid list: gm_code, name, province, lat, lon."""
    code = code_of(row.get("gm_code"), "municipality")
    fields: dict[str, Any] = located(row.get("lat"), row.get("lon"), code)
    for name in ("name", "province"):
        if text(row.get(name)):
            fields[name] = text(row.get(name))
    return Record("municipality", code, fields)


def postcode_area(row: dict[str, Any]) -> Record:
    """A PC4 centroid: pc4, city, lat, lon."""
    pc4 = text(row.get("pc4"))
    if not PC4_RE.match(pc4):
        raise RowError("invalid postcode", repr(row.get("pc4")))
    city = text(row.get("city"))
    fields: dict[str, Any] = located(row.get("lat"), row.get("lon"), f"{pc4} {city}".strip())
    if "city" in row:
        fields["city"] = city
    return Record("pc4", pc4, fields)
