"""Municipalities with their wijken and buurten, and one PC4 area per wijk.

Names, centroids and key figures come from the shared data folder where it is there (read at
run time, never copied), with the real wijken and buurten of the one city it holds them for;
everything else is generated. Shapes are rectangles that tile each municipality's square:
enough for the maps, not a claim about real borders.
"""

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

from omzien.geo.models import District, Municipality, Neighbourhood, PostcodeArea

from .writer import Writer

CENTROIDS = "geo/gemeenten_2023_centroids.csv"
KEY_FIGURES = "cbs/gemeenten_2023_kerncijfers.csv"
WIJKEN_BUURTEN = "cbs/amsterdam_2019_ses_woa_wijk_buurt_cbs85163NED.csv"
FIRST_PC4 = 1000
LAST_PC4 = 9799  # 98xx and 99xx belong to the tests and the Voorbeeldstad demo
KM_PER_DEGREE = 111.2


@dataclass
class Place:
    """A municipality as the generator knows it, with its PC4 areas once they are made."""

    code: str
    name: str
    province: str
    lat: float
    lon: float
    inhabitants: int
    households: int
    share_with_children: float
    area_ha: int
    pk: int = 0
    pc4s: list[tuple[int, str]] = field(default_factory=list)  # (pk, code)


def read_csv(path: Path, **options) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return [
            {k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(file, **options)
        ]


def real_places(data_dir: Path) -> list[Place] | None:
    if not (data_dir / CENTROIDS).exists() or not (data_dir / KEY_FIGURES).exists():
        return None
    figures = {row["gemeentecode"]: row for row in read_csv(data_dir / KEY_FIGURES)}
    places = []
    for row in read_csv(data_dir / CENTROIDS):
        key = figures.get(row["gm_code"], {})
        inhabitants = int(key.get("aantalInwoners") or 20_000)
        places.append(
            Place(
                row["gm_code"], row["name"], row["province"], float(row["lat"]), float(row["lon"]),
                inhabitants, int(key.get("aantalHuishoudens") or inhabitants // 2),
                int(key.get("percentageHuishoudensMetKinderen") or 30) / 100,
                int(key.get("oppervlakteLandInHa") or 5_000),
            )
        )  # fmt: skip
    return places


def generated_places(rng: Random, count: int = 342) -> list[Place]:
    """Made-up municipalities on a grid over the country's extent."""
    columns = math.ceil(math.sqrt(count))
    places = []
    for i in range(count):
        inhabitants = int(rng.lognormvariate(10.4, 0.7))
        places.append(
            Place(
                f"GM{i + 1:04d}", f"Gemeente {i + 1}", "", 50.8 + 2.6 * (i // columns) / columns,
                3.4 + 3.6 * (i % columns) / columns, inhabitants, inhabitants // 2,
                rng.uniform(0.2, 0.4), rng.randint(2_000, 30_000),
            )
        )  # fmt: skip
    return places


def real_areas(data_dir: Path) -> dict[str, list[tuple[str, str, int]]]:
    """Real wijken and buurten by municipality code: (code, name, households)."""
    path = data_dir / WIJKEN_BUURTEN
    if not path.exists():
        return {}
    areas: dict[str, list[tuple[str, str, int]]] = {}
    for row in read_csv(path, delimiter=";"):
        code = row["Regiocode (gemeente, wijk, buurt) (code)"]
        if code[:2] in ("WK", "BU"):
            households = int(row["Particuliere huishoudens (Aantal)"] or 0)
            areas.setdefault(f"GM{code[2:6]}", []).append(
                (code, row["Wijken en buurten"], households)
            )
    return areas


def box_of(place: Place) -> tuple[float, float, float, float]:
    """A square of the municipality's land area around its centroid: (west, south, east, north)."""
    half_km = math.sqrt(place.area_ha / 100) / 2
    half_lat = half_km / KM_PER_DEGREE
    half_lon = half_km / (KM_PER_DEGREE * math.cos(math.radians(place.lat)))
    return place.lon - half_lon, place.lat - half_lat, place.lon + half_lon, place.lat + half_lat


def tiles(box, count: int) -> list[tuple[float, float, float, float]]:
    """`count` rectangles inside `box`, row by row; the last row's cells are wider to fill it."""
    west, south, east, north = box
    columns = math.ceil(math.sqrt(count))
    rows = math.ceil(count / columns)
    height = (north - south) / rows
    cells = []
    for r in range(rows):
        in_row = min(columns, count - r * columns)
        width = (east - west) / in_row
        for c in range(in_row):
            cells.append(
                (
                    west + c * width,
                    south + r * height,
                    west + (c + 1) * width,
                    south + (r + 1) * height,
                )
            )
    return cells


def shape(box) -> dict:
    west, south, east, north = (round(v, 6) for v in box)
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {
        "geometry": {"type": "Polygon", "coordinates": [ring]},
        "lat": round((south + north) / 2, 6),
        "lon": round((west + east) / 2, 6),
    }


def split(rng: Random, total: int, parts: int) -> list[int]:
    weights = [rng.uniform(0.5, 1.5) for _ in range(parts)]
    return [round(total * w / sum(weights)) for w in weights]


def generated_areas(rng: Random, place: Place) -> list[tuple[str, str, int]]:
    """Wijken of a few buurten each, named after the municipality."""
    digits = place.code[2:]
    districts = max(2, min(12, place.inhabitants // 25_000))
    areas = []
    for d, households in enumerate(split(rng, place.households, districts)):
        areas.append((f"WK{digits}{d:02d}", f"{place.name} wijk {d + 1}", households))
        hoods = rng.randint(2, 6)
        for n, part in enumerate(split(rng, households, hoods)):
            areas.append((f"BU{digits}{d:02d}{n:02d}", f"{place.name} buurt {d + 1}.{n + 1}", part))
    return areas


def chosen_places(rng: Random, data_dir: Path, count: int) -> list[Place]:
    """The `count` largest municipalities, in code order."""
    places = real_places(data_dir) or generated_places(rng)
    largest = sorted(places, key=lambda p: (-p.inhabitants, p.code))[:count]
    return sorted(largest, key=lambda p: p.code)


def create_geography(
    writer: Writer, rng: Random, data_dir: Path, count: int, year: int
) -> list[Place]:
    places = chosen_places(rng, data_dir, count)
    real = real_areas(data_dir)
    municipality_rows, district_rows, hood_rows, pc4_rows = [], [], [], []
    pc4_codes = iter(range(FIRST_PC4, LAST_PC4 + 1))
    for place, pk in zip(places, writer.ids(Municipality, len(places)), strict=True):
        place.pk = pk
        box = box_of(place)
        with_children = round(place.households * place.share_with_children)
        municipality_rows.append(
            (pk, place.code, place.name, place.province, place.inhabitants, place.households,
             with_children, year, *shape(box).values())
        )  # fmt: skip
        areas = real.get(place.code) or generated_areas(rng, place)
        wijken = [a for a in areas if a[0].startswith("WK")]
        for (code, name, households), cell in zip(wijken, tiles(box, len(wijken)), strict=True):
            district = writer.take(District)
            district_rows.append(
                (district, code, name, pk, households, round(households * place.share_with_children),
                 year, *shape(cell).values())
            )  # fmt: skip
            buurten = [a for a in areas if a[0].startswith("BU") and a[0][2:8] == code[2:]]
            cells = tiles(cell, max(1, len(buurten)))
            for (b_code, b_name, b_households), b_cell in zip(buurten, cells, strict=False):
                hood_rows.append(
                    (writer.take(Neighbourhood), b_code, b_name, district, b_households,
                     round(b_households * place.share_with_children), year, *shape(b_cell).values())
                )  # fmt: skip
            if buurten:  # the wijk's postcode area lies in the middle of its first buurt
                first = shape(cells[0])
                pc4, area = str(next(pc4_codes)), writer.take(PostcodeArea)
                pc4_rows.append(
                    (
                        area,
                        pc4,
                        place.name,
                        first["lat"],
                        first["lon"],
                        pk,
                        hood_rows[-len(buurten)][0],
                    )
                )
                place.pc4s.append((area, pc4))
    area_fields = (
        "households",
        "households_with_children",
        "figures_year",
        "geometry",
        "lat",
        "lon",
    )
    writer.write(
        Municipality,
        ("id", "code", "name", "province", "inhabitants", *area_fields),
        municipality_rows,
    )
    writer.write(District, ("id", "code", "name", "municipality_id", *area_fields), district_rows)
    writer.write(Neighbourhood, ("id", "code", "name", "district_id", *area_fields), hood_rows)
    writer.write(
        PostcodeArea,
        ("id", "pc4", "city", "lat", "lon", "municipality_id", "neighbourhood_id"),
        pc4_rows,
    )
    return places
