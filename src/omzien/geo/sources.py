"""Read a published geography file, tell what it holds, and turn it into records (no Django).

Kinds, each as published (CSV or JSON, told apart by content, not by file name):
  municipalities, districts, neighbourhoods
      CBS/PDOK wijkenbuurten GeoJSON, or a CBS key-figure CSV with the same property names
  municipality-centroids
      CSV gm_code,name,province,province_code,lat,lon, or the JSON list it was derived from
  statline
      a CBS StatLine table such as 85163NED: ';'-separated, any mix of GM/WK/BU codes
  pc4
      four-digit postcode centroids: CSV pc4,city,lat,lon or JSON {"1000": {"city", "c": [lat, lon]}}
"""

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from . import records as rec
from .geometry import NotWGS84Error

AREA_KINDS = {
    "municipalities": "municipality",
    "districts": "district",
    "neighbourhoods": "neighbourhood",
}
KINDS = (*AREA_KINDS, "municipality-centroids", "statline", "pc4")
# Parents before children and shapes before the postcodes placed in them.
IMPORT_ORDER = {"municipalities": 0, "municipality-centroids": 0, "statline": 1, "districts": 1}
IMPORT_ORDER |= {"neighbourhoods": 2, "pc4": 3}


class GeoFileError(Exception):
    """The file as a whole cannot be imported; nothing of it is saved."""


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (line number, values by column)


def read(path: Path, kind: str | None = None) -> rec.Parsed:
    """Parse one file into records, or raise GeoFileError naming the file and what is wrong."""
    try:
        data = _load(path)
        detected = detect(data)
        if kind and detected and kind != detected:
            raise GeoFileError(f"it holds {detected}, not {kind}")
        if not (kind or detected):
            raise GeoFileError(f"cannot tell what it holds; give --kind ({', '.join(KINDS)})")
        return _parse(path.name, kind or detected, data)
    except GeoFileError as exc:
        raise GeoFileError(f"{path}: {exc}") from None


def _load(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise GeoFileError(f"cannot read it ({exc.strerror})") from None
    if not raw.strip():
        raise GeoFileError("the file is empty")
    if b"\0" in raw[:4096] or raw.startswith(b"PK"):
        raise GeoFileError("not a CSV or JSON text file (a spreadsheet or archive?)")
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = _decode_windows(raw)
    if content.lstrip()[:1] in ("{", "["):
        try:
            return json.loads(content)
        except json.JSONDecodeError as exc:
            raise GeoFileError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    return _table(content)


def _decode_windows(raw: bytes) -> str:
    """CSVs saved by Excel on Windows are Windows-1252 rather than UTF-8."""
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        raise GeoFileError("the text is neither UTF-8 nor Windows-1252") from None


def _table(content: str) -> Table:
    first_line = content.split("\n", 1)[0]
    delimiter = ";" if len(next(csv.reader([first_line], delimiter=";"))) > 1 else ","
    reader = csv.reader(io.StringIO(content), delimiter=delimiter)
    try:
        header = [column.strip() for column in next(reader)]
        rows = []
        for values in reader:
            if not any(value.strip() for value in values):
                continue
            if len(values) != len(header):
                raise GeoFileError(
                    f"line {reader.line_num} has {len(values)} fields where the header has {len(header)}"
                )
            rows.append((reader.line_num, dict(zip(header, values, strict=True))))
    except csv.Error as exc:
        raise GeoFileError(f"not a readable CSV file (line {reader.line_num}: {exc})") from None
    return Table(header, rows)


def detect(data: Any) -> str | None:
    if isinstance(data, Table):
        columns = set(data.header)
        if {"pc4", "lat", "lon"} <= columns:
            return "pc4"
        if {"gm_code", "lat", "lon"} <= columns:
            return "municipality-centroids"
        if {"code", "name"} <= set(_statline_columns(data.header)):
            return "statline"
        return _area_kind(columns)
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        return _area_kind({key for _, props, _ in _features(data) for key in props})
    if (
        isinstance(data, dict)
        and data
        and all(isinstance(v, dict) and "c" in v for v in data.values())
    ):
        return "pc4"
    if isinstance(data, list) and data and all(isinstance(i, dict) and "center" in i for i in data):
        return "municipality-centroids"
    return None


def _area_kind(keys: set[str]) -> str | None:
    """The most specific CBS code decides: a neighbourhood also names its district and municipality."""
    for kind, level in reversed(AREA_KINDS.items()):
        if rec.CBS_KEYS[level][0] in keys:
            return kind
    return None


def _statline_columns(header: list[str]) -> dict[str, str]:
    """StatLine titles carry units: 'Particuliere huishoudens (Aantal)'; match on their start."""
    starts = {
        "name": ("Wijken en buurten",),
        "code": ("Regiocode", "Codering"),
        "households": ("Particuliere huishoudens",),
        "year": ("Perioden",),
    }
    return {
        role: column
        for column in header
        for role, prefixes in starts.items()
        if column.startswith(prefixes)
    }


def _features(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], Any]]:
    features = data.get("features")
    if not isinstance(features, list):
        raise GeoFileError("a FeatureCollection without a list of features")
    for number, feature in enumerate(features, start=1):
        props = feature.get("properties") if isinstance(feature, dict) else None
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        yield f"feature {number}", props if isinstance(props, dict) else {}, geometry


def _parse(name: str, kind: str, data: Any) -> rec.Parsed:
    parsed = rec.Parsed(name, kind)
    seen: dict[tuple[str, str], str] = {}
    for where, convert in _rows(kind, data):
        try:
            record = convert()
        except rec.RowError as exc:
            parsed.skipped.append(rec.Skip(where, exc.reason, exc.detail))
        except NotWGS84Error:
            raise GeoFileError(
                f"{where}: coordinates are not longitude/latitude; export the file in WGS84 (EPSG:4326)"
            ) from None
        else:
            record.where = where
            parsed.add(record, seen)
    return parsed


def _rows(kind: str, data: Any) -> Iterator[tuple[str, Callable[[], rec.Record]]]:
    """Each row or feature with its conversion deferred, so that one bad row is skipped alone."""
    if kind in AREA_KINDS:
        level = AREA_KINDS[kind]
        if isinstance(data, Table):
            _require(data, rec.CBS_KEYS[level][0])
            for line, row in data.rows:
                yield f"line {line}", partial(rec.cbs_area, row, level)
        elif isinstance(data, dict) and data.get("type") == "FeatureCollection":
            for where, props, geometry in _features(data):
                yield where, partial(rec.cbs_area, props, level, geometry)
        else:
            raise GeoFileError(f"{kind} come as a GeoJSON FeatureCollection or as CSV")
    elif kind == "statline":
        if not isinstance(data, Table):
            raise GeoFileError("a StatLine table comes as CSV")
        columns = _statline_columns(data.header)
        if not {"code", "name"} <= set(columns):
            raise GeoFileError("missing column 'Wijken en buurten' or 'Regiocode ... (code)'")
        for line, row in data.rows:
            yield f"line {line}", partial(rec.statline_area, row, columns)
    else:
        yield from _point_rows(kind, data)


def _point_rows(kind: str, data: Any) -> Iterator[tuple[str, Callable[[], rec.Record]]]:
    convert = rec.postcode_area if kind == "pc4" else rec.municipality_centre
    if isinstance(data, Table):
        _require(data, "pc4" if kind == "pc4" else "gm_code", "lat", "lon")
        entries = [(f"line {line}", row) for line, row in data.rows]
    elif kind == "pc4" and isinstance(data, dict):
        entries = [(f"entry {n}", _pc4_entry(*item)) for n, item in enumerate(data.items(), 1)]
    elif kind == "municipality-centroids" and isinstance(data, list):
        entries = [(f"entry {n}", _centre_entry(item)) for n, item in enumerate(data, 1)]
    else:
        raise GeoFileError(f"this JSON does not hold {kind}")
    for where, row in entries:
        yield where, partial(convert, row)


def _pc4_entry(key: str, value: Any) -> dict[str, Any]:
    value = value if isinstance(value, dict) else {}
    point = value.get("c")
    lat, lon = point if isinstance(point, list) and len(point) == 2 else (None, None)
    return {"pc4": key, "city": value.get("city"), "lat": lat, "lon": lon}


def _centre_entry(item: Any) -> dict[str, Any]:
    item = item if isinstance(item, dict) else {}
    centre = item.get("center") if isinstance(item.get("center"), dict) else {}
    names = {"gm_code": item.get("id"), "name": item.get("name"), "province": item.get("province")}
    return names | {"lat": centre.get("lat"), "lon": centre.get("lon")}


def _require(table: Table, *columns: str) -> None:
    missing = [column for column in columns if column not in table.header]
    if missing:
        raise GeoFileError(f"missing column(s) {', '.join(missing)}")
