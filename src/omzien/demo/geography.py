"""Voorbeeldstad: a made-up municipality of 4 districts and 14 neighbourhoods with PC4 areas.

The shapes are a 4 x 4 grid of cells whose shared corners are jittered: they tile the
municipality exactly (neighbours share their vertices), yet look like a real map.
"""

from dataclasses import dataclass
from datetime import date
from random import Random

from omzien.geo.geometry import PointLocator, centroid
from omzien.geo.models import District, Municipality, Neighbourhood, PostcodeArea

CODE = "GM9999"
NAME = "Voorbeeldstad"
PC4_PREFIX = "99"
ORIGIN = (5.08, 52.055)  # lon, lat of the south-west corner
CELL = (0.02, 0.0175)  # degrees lon, lat: the 4 x 4 cells make about 5.5 by 7.8 km
GRID = 4
JITTER = 0.2  # of a cell; below 0.5 keeps every shape simple
# The neighbourhood whose requests mention money far more often: a finding for the insight page.
MONEY_HOTSPOT = "BU99990101"

Block = tuple[int, int, int, int]  # x, y, width, height in cells
DISTRICTS: list[tuple[str, Block, list[tuple[str, Block]]]] = [
    (
        "Havenkwartier",
        (0, 2, 2, 2),
        [
            ("Oude Haven", (0, 3, 1, 1)),
            ("Lindenhof", (1, 3, 1, 1)),
            ("Marktveld", (0, 2, 1, 1)),
            ("Vestingbuurt", (1, 2, 1, 1)),
        ],
    ),
    (
        "Noorderwaard",
        (2, 2, 2, 2),
        [
            ("Kwakelhoek", (2, 3, 2, 1)),
            ("Zilverschoon", (2, 2, 1, 1)),
            ("Rietvelden", (3, 2, 1, 1)),
        ],
    ),
    (
        "Westerhout",
        (0, 0, 2, 2),
        [
            ("Molenakker", (0, 1, 1, 1)),
            ("Klaproosbuurt", (1, 1, 1, 1)),
            ("Populierenhof", (0, 0, 1, 1)),
            ("Vlinderhof", (1, 0, 1, 1)),
        ],
    ),
    (
        "Zuiderkamp",
        (2, 0, 2, 2),
        [
            ("Weidebloem", (2, 1, 1, 1)),
            ("Kastanjehof", (3, 1, 1, 1)),
            ("Nieuwe Akkers", (2, 0, 2, 1)),
        ],
    ),
]


@dataclass
class Geography:
    municipality: Municipality
    neighbourhoods: list[Neighbourhood]
    areas: list[PostcodeArea]


def jittered_vertices(rng: Random) -> list[list[tuple[float, float]]]:
    """Grid corners [x][y] as (lon, lat), each moved a little in both directions."""
    return [
        [
            (
                round(ORIGIN[0] + (x + rng.uniform(-JITTER, JITTER)) * CELL[0], 6),
                round(ORIGIN[1] + (y + rng.uniform(-JITTER, JITTER)) * CELL[1], 6),
            )
            for y in range(GRID + 1)
        ]
        for x in range(GRID + 1)
    ]


def block_ring(vertices, block: Block) -> list[list[float]]:
    """The closed, counter-clockwise outline of a block of cells, through every grid corner on it."""
    x, y, w, h = block
    corners = (
        [(x + i, y) for i in range(w)]
        + [(x + w, y + j) for j in range(h)]
        + [(x + w - i, y + h) for i in range(w)]
        + [(x, y + h - j) for j in range(h)]
    )
    ring = [list(vertices[cx][cy]) for cx, cy in corners]
    return [*ring, ring[0]]


def area_fields(vertices, block: Block) -> dict:
    geometry = {"type": "Polygon", "coordinates": [block_ring(vertices, block)]}
    lat, lon = centroid(geometry)
    return {"geometry": geometry, "lat": round(lat, 6), "lon": round(lon, 6)}


def household_figures(rng: Random) -> dict:
    households = rng.randint(900, 3200)
    return {
        "households": households,
        "households_with_children": round(households * rng.uniform(0.18, 0.38)),
    }


def summed(parts: list, year: int) -> dict:
    return {
        "households": sum(p.households for p in parts),
        "households_with_children": sum(p.households_with_children for p in parts),
        "figures_year": year,
    }


def pc4_points(hood: Neighbourhood, count: int) -> list[tuple[float, float]]:
    """One point at the middle, or two between the middle and opposite corners: all inside."""
    if count == 1:
        return [(hood.lon, hood.lat)]
    ring = hood.geometry["coordinates"][0]
    opposite = ring[(len(ring) - 1) // 2]  # the north-east corner of the counter-clockwise ring
    return [
        (round(hood.lon + 0.45 * (cx - hood.lon), 6), round(hood.lat + 0.45 * (cy - hood.lat), 6))
        for cx, cy in (ring[0], opposite)
    ]


def create_postcode_areas(rng: Random, municipality, hoods: list[Neighbourhood]):
    areas, number = [], 1
    for hood in hoods:
        for lon, lat in pc4_points(hood, rng.choice((1, 2))):
            areas.append(
                PostcodeArea.objects.create(
                    pc4=f"{PC4_PREFIX}{number:02d}",
                    city=NAME,
                    lat=lat,
                    lon=lon,
                    municipality=municipality,
                    neighbourhood=hood,
                )
            )
            number += 1
    located = PointLocator((h.code, h.geometry) for h in hoods).locate(
        [a.lat for a in areas], [a.lon for a in areas]
    )
    if located != [a.neighbourhood.code for a in areas]:
        raise AssertionError("a generated PC4 centroid lies outside its neighbourhood")
    return areas


def create_geography(rng: Random, today: date) -> Geography:
    vertices, year = jittered_vertices(rng), today.year - 1
    municipality = Municipality.objects.create(
        code=CODE, name=NAME, figures_year=year, **area_fields(vertices, (0, 0, GRID, GRID))
    )
    hoods: list[Neighbourhood] = []
    for d, (district_name, district_block, parts) in enumerate(DISTRICTS, start=1):
        district = District.objects.create(
            code=f"WK{CODE[2:]}{d:02d}",
            name=district_name,
            municipality=municipality,
            figures_year=year,
            **area_fields(vertices, district_block),
        )
        mine = [
            Neighbourhood.objects.create(
                code=f"BU{CODE[2:]}{d:02d}{n:02d}",
                name=name,
                district=district,
                figures_year=year,
                **area_fields(vertices, block),
                **household_figures(rng),
            )
            for n, (name, block) in enumerate(parts, start=1)
        ]
        District.objects.filter(pk=district.pk).update(**summed(mine, year))
        hoods += mine
    totals = summed(hoods, year)
    Municipality.objects.filter(pk=municipality.pk).update(
        inhabitants=round(totals["households"] * 2.1), **totals
    )
    municipality.refresh_from_db()
    return Geography(municipality, hoods, create_postcode_areas(rng, municipality, hoods))
