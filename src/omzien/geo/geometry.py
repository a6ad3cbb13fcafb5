"""Plain geometry on GeoJSON Polygons and MultiPolygons in WGS84 (no Django, no GIS library).

Coordinates are GeoJSON's [lon, lat]; functions that return a location return (lat, lon),
like the models. Lon/lat is treated as a plane: at Dutch distances and for the questions
asked here (which shape holds a point, where a shape's middle is) that is exact enough, and
an area-weighted centroid is invariant under the east-west scaling a projection would apply.
"""

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

Ring = list[list[float]]
Geometry = dict[str, Any]

# The Netherlands with a small margin (Vaals 50.75 N, Rottumeroog 53.56 N, Cadzand 3.36 E,
# Bad Nieuweschans 7.23 E); a postcode centroid outside it is a data error.
NL_LAT = (50.70, 53.60)
NL_LON = (3.30, 7.30)
SHAPE_TYPES = ("Polygon", "MultiPolygon")


def in_netherlands(lat: float, lon: float) -> bool:
    return NL_LAT[0] <= lat <= NL_LAT[1] and NL_LON[0] <= lon <= NL_LON[1]


def polygons(geometry: Geometry) -> list[list[Ring]]:
    """The polygons of a Polygon or MultiPolygon, each a list of rings (outer ring first)."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


class NotWGS84Error(ValueError):
    """Coordinates in metres (RD New, EPSG:28992): the whole file is in another system."""


def clean_shape(geometry: Any, ndigits: int = 5) -> Geometry:
    """A Polygon/MultiPolygon with coordinates rounded (5 decimals is about 1 m) and only lon, lat.

    Rings that simplification or rounding left without area (fewer than four positions) are
    dropped. Raises ValueError when no polygon remains or the coordinates are malformed, so
    that a broken feature is refused as a whole rather than stored half.
    """
    if not isinstance(geometry, dict) or geometry.get("type") not in SHAPE_TYPES:
        raise ValueError("not a Polygon or MultiPolygon")
    try:
        parts = [_clean_polygon(polygon, ndigits) for polygon in polygons(geometry)]
    except (TypeError, IndexError) as exc:
        raise ValueError("malformed coordinates") from exc
    parts = [polygon for polygon in parts if polygon]
    if not parts:
        raise ValueError("no polygon with an area")
    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": parts[0]}
    return {"type": "MultiPolygon", "coordinates": parts}


def _clean_polygon(polygon: Sequence[Ring], ndigits: int) -> list[Ring]:
    """The polygon's usable rings; none when its outer ring is not usable."""
    rings = [_clean_ring(ring, ndigits) for ring in polygon]
    if not rings or len(rings[0]) < 4:
        return []
    return [ring for ring in rings if len(ring) >= 4]


def _clean_ring(ring: Sequence[Sequence[float]], ndigits: int) -> Ring:
    points = [[round(float(point[0]), ndigits), round(float(point[1]), ndigits)] for point in ring]
    if any(abs(lon) > 180 or abs(lat) > 90 for lon, lat in points):
        raise NotWGS84Error("coordinates are not WGS84 longitude/latitude")
    return points


def _ring_moments(ring: Ring) -> tuple[float, float, float]:
    """Signed area and first moments (shoelace), so that holes subtract with one formula."""
    xy = np.asarray(ring, dtype=float)[:, :2]
    x, y = xy[:, 0], xy[:, 1]
    x1, y1 = np.roll(x, -1), np.roll(y, -1)
    cross = x * y1 - x1 * y
    return cross.sum() / 2, ((x + x1) * cross).sum() / 6, ((y + y1) * cross).sum() / 6


def _polygon_moments(polygon: list[Ring]) -> tuple[float, float, float]:
    """Area and moments of a polygon with holes, whatever each ring's winding order."""
    area = mx = my = 0.0
    for index, ring in enumerate(polygon):
        a, rx, ry = _ring_moments(ring)
        sign = (1 if index == 0 else -1) * (1 if a >= 0 else -1)
        area, mx, my = area + sign * a, mx + sign * rx, my + sign * ry
    return area, mx, my


def centroid(geometry: Geometry) -> tuple[float, float] | None:
    """Area-weighted centroid (lat, lon) of the largest polygon; None for a shape without area.

    The largest part and not all parts: a municipality's islands would pull the middle of
    the mainland into the sea.
    """
    area, mx, my = max(
        (_polygon_moments(polygon) for polygon in polygons(geometry)), key=lambda m: m[0]
    )
    if area <= 0:
        return None
    return float(my / area), float(mx / area)


class PointLocator:
    """Which of many shapes holds each point: bounding-box prefilter, then even-odd ray casting.

    Even-odd counting over every ring of a shape handles holes and MultiPolygons at once
    (a point in a hole crosses the outer ring and the hole: even, so outside).
    """

    def __init__(self, shapes: Iterable[tuple[Any, Geometry]]) -> None:
        self._shapes = []
        for key, geometry in shapes:
            rings = [
                np.asarray(ring, dtype=float)[:, :2]
                for polygon in polygons(geometry)
                for ring in polygon
            ]
            stacked = np.vstack(rings)
            self._shapes.append((key, stacked.min(axis=0), stacked.max(axis=0), rings))

    def locate(self, lats: Sequence[float], lons: Sequence[float]) -> list[Any]:
        """For each point the key of the first shape holding it, or None."""
        lat, lon = np.asarray(lats, dtype=float), np.asarray(lons, dtype=float)
        found: list[Any] = [None] * len(lat)
        free = np.ones(len(lat), dtype=bool)
        for key, (min_lon, min_lat), (max_lon, max_lat), rings in self._shapes:
            candidates = np.flatnonzero(
                free & (lon >= min_lon) & (lon <= max_lon) & (lat >= min_lat) & (lat <= max_lat)
            )
            if candidates.size == 0:
                continue
            inside = np.zeros(candidates.size, dtype=bool)
            for ring in rings:
                inside ^= _crossings_odd(ring, lon[candidates], lat[candidates])
            for index in candidates[inside]:
                found[index] = key
            free[candidates[inside]] = False
        return found


def _crossings_odd(ring: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Whether a ray from each point eastwards crosses the ring's edges an odd number of times."""
    x0, y0 = ring[:, 0], ring[:, 1]
    x1, y1 = np.roll(x0, -1), np.roll(y0, -1)  # closes the ring when the file did not
    px, py = x[:, None], y[:, None]
    # Half-open rule on y: a vertex exactly at the ray's height counts for one edge only.
    straddles = (y0 > py) != (y1 > py)
    with np.errstate(divide="ignore", invalid="ignore"):
        x_cross = x0 + (py - y0) * (x1 - x0) / (y1 - y0)
    return (straddles & (px < x_cross)).sum(axis=1) % 2 == 1
