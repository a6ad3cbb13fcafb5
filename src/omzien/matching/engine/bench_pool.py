"""A generated national pool for the benchmark, on real Dutch geography when available.

Households and volunteers are placed on real four-digit postcode (PC4) centroids, in
proportion to each municipality's households with children (CBS 2023). Neighbouring
municipalities share a programme (as local branches do), about 200 waiting households
each. Each volunteer's travel radius reaches a few dozen households; a household that
still ends up with fewer than 20 or more than 50 admissible volunteers is drawn again
(place and wishes), so that every household has 20-50, as the benchmark asks.

The data are read from the shared folder at run time, never copied: see `shared_data_dir`.
Without it a synthetic grid stands in, and the benchmark says so.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.spatial import cKDTree

from .arrays import OfferArrays, RequestArrays, Vocabulary
from .candidates import candidates
from .items import Rules, Weights
from .pool import Pool, chord_to_km, unit_vectors

LANGUAGES = ("nl", "en", "ar", "tr", "pl", "ti", "uk", "fr", "so")
NEEDS = (
    "time_for_child",
    "parenting",
    "practical",
    "homework",
    "outings",
    "language",
    "paperwork",
    "respite",
    "network",
)
HOUSEHOLD_TYPES = ("single_parent", "two_parents", "other")
HOUSEHOLDS_PER_PROGRAMME = 200
CANDIDATES_PER_HOUSEHOLD = (20, 50)
_REDRAWS = 30  # rounds of drawing households again; the few left after that stay as they are
# Three PC4 centroids in the source lie outside the Netherlands (south of 50.7 N).
_SOUTHERN_LIMIT = 50.7


def shared_data_dir() -> Path:
    """$OMZIEN_SHARED_DATA, else <repository>/../shared/data."""
    default = Path(__file__).resolve().parents[4].parent / "shared" / "data"
    return Path(os.environ.get("OMZIEN_SHARED_DATA", default))


@dataclass(frozen=True)
class Geography:
    lat: np.ndarray  # one row per place (PC4), with its municipality
    lon: np.ndarray
    place: np.ndarray  # PC4 code (the neighbourhood in the generated pool)
    municipality: np.ndarray  # index into the municipality arrays below
    muni_lat: np.ndarray
    muni_lon: np.ndarray
    muni_province: np.ndarray
    muni_weight: np.ndarray  # households with children
    source: str


def load_geography(data_dir: Path | None = None) -> Geography:
    data_dir = data_dir or shared_data_dir()
    try:
        return _real_geography(data_dir)
    except FileNotFoundError:
        return _synthetic_geography()


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _real_geography(data_dir: Path) -> Geography:
    munis = _rows(data_dir / "geo" / "gemeenten_2023_centroids.csv")
    figures = {
        r["gemeentecode"]: r for r in _rows(data_dir / "cbs" / "gemeenten_2023_kerncijfers.csv")
    }
    pc4 = [
        r
        for r in _rows(data_dir / "geo" / "pc4_centroids_postcodetabel.csv")
        if float(r["lat"]) >= _SOUTHERN_LIMIT
    ]
    # Some PC4s of unrelated towns share one placeholder centroid: leave those out.
    towns: dict[tuple[str, str], set[str]] = {}
    for r in pc4:
        towns.setdefault((r["lat"], r["lon"]), set()).add(r["city"])
    pc4 = [r for r in pc4 if len(towns[(r["lat"], r["lon"])]) < 3]
    weight = []
    for m in munis:
        f = figures.get(m["gm_code"], {})
        households = float(f.get("aantalHuishoudens") or 0)
        with_children = float(f.get("percentageHuishoudensMetKinderen") or 30) / 100
        weight.append(households * with_children)
    muni_lat = np.array([float(m["lat"]) for m in munis])
    muni_lon = np.array([float(m["lon"]) for m in munis])
    lat = np.array([float(r["lat"]) for r in pc4])
    lon = np.array([float(r["lon"]) for r in pc4])
    # The source names a PC4's town, not its municipality: a town with a municipality's
    # name belongs to it, any other PC4 to the municipality with the nearest centroid.
    _, nearest = cKDTree(unit_vectors(muni_lat, muni_lon)).query(unit_vectors(lat, lon))
    by_name = {m["name"].lower(): k for k, m in enumerate(munis)}
    municipality = np.array(
        [by_name.get(r["city"].lower(), near) for r, near in zip(pc4, nearest, strict=True)]
    )
    return Geography(
        lat=lat,
        lon=lon,
        place=np.array([r["pc4"] for r in pc4]),
        municipality=municipality,
        muni_lat=muni_lat,
        muni_lon=muni_lon,
        muni_province=np.array([m["province_code"] for m in munis]),
        muni_weight=np.array(weight),
        source=f"{len(munis)} gemeenten (CBS 2023) en {len(pc4)} PC4-centroïden uit {data_dir}",
    )


def _synthetic_geography() -> Geography:
    """A 60 x 60 grid of places over the Netherlands' extent, in 36 municipalities."""
    lat, lon = np.meshgrid(np.linspace(51.3, 53.3, 60), np.linspace(4.0, 6.9, 60), indexing="ij")
    lat, lon = lat.ravel(), lon.ravel()
    cells = (np.arange(60) // 10)[:, None] * 6 + (np.arange(60) // 10)[None, :]
    municipality = cells.ravel()
    centres = np.array(
        [[lat[municipality == k].mean(), lon[municipality == k].mean()] for k in range(36)]
    )
    return Geography(
        lat=lat,
        lon=lon,
        place=np.array([f"P{k:04d}" for k in range(len(lat))]),
        municipality=municipality,
        muni_lat=centres[:, 0],
        muni_lon=centres[:, 1],
        muni_province=(np.arange(36) // 6).astype(str),
        muni_weight=np.ones(36),
        source="synthetisch raster (gedeelde data niet gevonden)",
    )


def programmes_of(geo: Geography, count: int) -> np.ndarray:
    """Programme number per municipality: neighbours in one province, about equal in weight."""
    target = geo.muni_weight.sum() / max(count, 1)
    programme = np.full(len(geo.muni_weight), -1)
    xyz = unit_vectors(geo.muni_lat, geo.muni_lon)
    next_id = 0
    for province in np.unique(geo.muni_province):
        todo = list(np.flatnonzero(geo.muni_province == province))
        while todo:
            seed = max(todo, key=lambda k: geo.muni_weight[k])
            todo.sort(key=lambda k: np.sum((xyz[k] - xyz[seed]) ** 2))
            weight, taken = 0.0, 0
            while taken < len(todo) and weight < target:
                weight += geo.muni_weight[todo[taken]]
                taken += 1
            rest = sum(geo.muni_weight[k] for k in todo[taken:])
            if rest < target / 2:  # too little left for a programme of its own
                taken = len(todo)
            programme[todo[:taken]] = next_id
            next_id += 1
            todo = todo[taken:]
    return programme


def _bits(rng: np.random.Generator, n: int, width: int, low: int, high: int) -> np.ndarray:
    """n bitmasks with between low and high of `width` bits set."""
    keys = rng.random((n, width))
    ranks = keys.argsort(axis=1).argsort(axis=1)
    chosen = ranks < rng.integers(low, high + 1, n)[:, None]
    return (chosen * (1 << np.arange(width, dtype=np.int64))).sum(axis=1)


def _languages(rng: np.random.Generator, n: int, dutch: float, second: float) -> np.ndarray:
    mask = np.where(rng.random(n) < dutch, 1, 0)
    share = np.array([0, 8, 5, 5, 4, 2, 3, 2, 1], dtype=np.float64)  # second languages, skewed
    other = rng.choice(len(LANGUAGES), n, p=share / share.sum())
    return (mask | np.where(rng.random(n) < second, 1 << other, 0)).astype(np.uint64)


def _faith(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    faith = rng.choice(np.array(["", "", "", "", "christelijk", "islamitisch"]), n)
    must = (faith != "") & (rng.random(n) < 0.1)
    return faith, must


def _places(rng: np.random.Generator, geo: Geography, n: int) -> tuple[np.ndarray, np.ndarray]:
    """n (place, municipality) draws: municipality by weight, then a place within it."""
    munis = rng.choice(len(geo.muni_weight), n, p=geo.muni_weight / geo.muni_weight.sum())
    order = np.argsort(geo.municipality, kind="stable")
    start = np.searchsorted(geo.municipality[order], munis, side="left")
    size = np.searchsorted(geo.municipality[order], munis, side="right") - start
    pick = np.minimum(start + (rng.random(n) * size).astype(np.int64), len(order) - 1)
    places = order[pick]
    orphan = size == 0
    if orphan.any():  # a municipality without a PC4 of its own borrows the nearest one
        where = unit_vectors(geo.muni_lat[munis[orphan]], geo.muni_lon[munis[orphan]])
        places[orphan] = cKDTree(unit_vectors(geo.lat, geo.lon)).query(where)[1]
    return places, munis


@dataclass(frozen=True)
class GeneratedPool:
    pool: Pool
    programmes: int
    source: str


def national_pool(
    n_requests: int, n_offers: int | None = None, seed: int = 2023, geo: Geography | None = None
) -> GeneratedPool:
    """A deterministic pool of n_requests households and n_offers volunteers."""
    geo = geo or load_geography()
    rng = np.random.default_rng(seed)
    count = max(1, round(n_requests / HOUSEHOLDS_PER_PROGRAMME))
    muni_programme = programmes_of(geo, count)
    requests = _requests(rng, geo, muni_programme, n_requests)
    offers, conflicts = _offers(rng, geo, muni_programme, n_offers or n_requests, requests)
    for _ in range(_REDRAWS):
        pool = Pool(requests, offers, Weights(), Rules(), conflicts, Vocabulary(LANGUAGES, NEEDS))
        outside = _outside_bounds(pool)
        if len(outside) == 0:
            break
        requests = _drawn_again(rng, geo, muni_programme, requests, outside)
    return GeneratedPool(pool, int(muni_programme.max()) + 1, geo.source)


def _outside_bounds(pool: Pool) -> np.ndarray:
    """Positions (in pool.requests) of households with too few or too many candidates."""
    d = pool.data
    per_id = np.bincount(d.req.id[candidates(pool).request_index], minlength=len(d.req) + 1)
    low, high = CANDIDATES_PER_HOUSEHOLD
    count = per_id[pool.requests.id]
    return np.flatnonzero((count < low) | (count > high))


def _drawn_again(
    rng: np.random.Generator,
    geo: Geography,
    muni_programme: np.ndarray,
    requests: RequestArrays,
    positions: np.ndarray,
) -> RequestArrays:
    """The same households (same ids and keys) with a new place and new wishes."""
    fresh = _requests(rng, geo, muni_programme, len(positions))
    columns = {}
    for name in RequestArrays.SPEC:
        old, new = getattr(requests, name), getattr(fresh, name)
        columns[name] = old.astype(np.result_type(old, new))  # a copy; strings as long as needed
        if name not in {"id", "household_key"}:
            columns[name][positions] = new
    return RequestArrays(**columns)


def _requests(
    rng: np.random.Generator, geo: Geography, muni_programme: np.ndarray, n: int
) -> RequestArrays:
    places, munis = _places(rng, geo, n)
    children = rng.choice([1, 2, 3], n, p=[0.45, 0.4, 0.15])
    ages = np.where(np.arange(3) < children[:, None], rng.uniform(0, 17.9, (n, 3)), np.nan)
    faith, must = _faith(rng, n)
    return RequestArrays(
        id=np.arange(1, n + 1),
        programme_id=muni_programme[munis],
        household_key=np.char.add("h", np.arange(n).astype(str)),
        lat=geo.lat[places],
        lon=geo.lon[places],
        neighbourhood=geo.place[places],
        children=children,
        age_min=np.nanmin(ages, axis=1),
        age_max=np.nanmax(ages, axis=1),
        slots=_bits(rng, n, 21, 4, 10),
        languages=_languages(rng, n, dutch=0.9, second=0.35),
        needs_shared_language=rng.random(n) < 0.25,
        needs=_bits(rng, n, len(NEEDS), 1, 3).astype(np.uint64),
        waited_days=np.minimum(rng.exponential(120, n), 900).astype(np.int64),
        accepts_pets=rng.random(n) < 0.9,
        accepts_smoking=rng.random(n) < 0.7,
        faith=faith,
        faith_must_match=must,
        household_type=rng.choice(np.array(HOUSEHOLD_TYPES), n, p=[0.45, 0.45, 0.1]),
        has_pets=rng.random(n) < 0.4,
        smokes=rng.random(n) < 0.2,
    )


def _offers(
    rng: np.random.Generator,
    geo: Geography,
    muni_programme: np.ndarray,
    n: int,
    requests: RequestArrays,
) -> tuple[OfferArrays, set[tuple[int, int]]]:
    places, munis = _places(rng, geo, n)
    programme = muni_programme[munis]
    radius, nearest = _radii(rng, geo.lat[places], geo.lon[places], programme, requests)
    faith, must = _faith(rng, n)
    offers = OfferArrays(
        id=np.arange(1, n + 1),
        programme_id=programme,
        household_key=np.char.add("v", np.arange(n).astype(str)),
        lat=geo.lat[places],
        lon=geo.lon[places],
        neighbourhood=geo.place[places],
        radius_km=radius,
        min_age=rng.choice([0.0, 0.0, 0.0, 4.0], n),
        max_age=rng.choice([12.999, 17.999, 17.999], n),
        slots=_bits(rng, n, 21, 3, 9),
        languages=_languages(rng, n, dutch=0.97, second=0.5),
        offers=_bits(rng, n, len(NEEDS), 2, 5).astype(np.uint64),
        has_pets=rng.random(n) < 0.35,
        smokes=rng.random(n) < 0.1,
        faith=faith,
        faith_must_match=must,
        capacity=rng.choice([1, 2], n, p=[0.85, 0.15]),
        screened=rng.random(n) < 0.97,
        available=rng.random(n) < 0.97,
        accepts_pets=rng.random(n) < 0.95,
        accepts_smoking=rng.random(n) < 0.8,
    )
    # A few pairs who already know each other, among volunteers' nearest households.
    who = rng.choice(n, max(1, n // 500), replace=False)
    known = nearest[who, rng.integers(0, nearest.shape[1], len(who))]
    conflicts = {
        (int(requests.id[r]), int(offers.id[o]))
        for r, o in zip(known, who, strict=True)
        if r < len(requests)
    }
    return offers, conflicts


def _radii(
    rng: np.random.Generator,
    lat: np.ndarray,
    lon: np.ndarray,
    programme: np.ndarray,
    requests: RequestArrays,
) -> tuple[np.ndarray, np.ndarray]:
    """Travel radii such that most households are within reach of about 70 volunteers.

    Start from the distance to the k-th nearest household, then repeatedly scale each radius
    by how well the households it reaches are covered (coverage grows with radius squared).
    """
    gap = 10.0  # programmes apart on an extra axis, as in the candidate search
    households = cKDTree(
        np.column_stack([unit_vectors(requests.lat, requests.lon), requests.programme_id * gap])
    )
    volunteers = np.column_stack([unit_vectors(lat, lon), programme * gap])
    reach = 70  # volunteers within reach of a household; the other rules keep about half
    dist, nearest = households.query(volunteers, k=min(reach, len(requests)))
    dist, nearest = dist.reshape(len(lat), -1), nearest.reshape(len(lat), -1)
    chord = np.minimum(dist[:, -1], 0.004) * rng.uniform(0.8, 1.25, len(lat))
    for _ in range(5):
        reached = households.query_ball_point(volunteers, chord, return_sorted=False)
        sizes = np.fromiter(map(len, reached), dtype=np.int64, count=len(lat))
        flat = np.fromiter((h for hs in reached for h in hs), dtype=np.int64, count=sizes.sum())
        coverage = np.bincount(flat, minlength=len(requests))
        owner = np.repeat(np.arange(len(lat)), sizes)
        mean_cover = np.bincount(owner, weights=coverage[flat], minlength=len(lat)) / np.maximum(
            sizes, 1
        )
        chord *= np.clip(np.sqrt(reach / np.maximum(mean_cover, 1)), 0.6, 1.6)
    return np.clip(chord_to_km(chord), 0.3, 25.0), nearest


@dataclass(frozen=True)
class CityPool:
    """Admissible pairs as the solver takes them: row = household, column = volunteer."""

    rows: np.ndarray
    cols: np.ndarray
    weight: np.ndarray  # whole centipoints, all > 0
    capacity: np.ndarray
    n_rows: int


CITY_KM = 20.0  # side of the square area
CITY_NEAREST = 30  # volunteers per household


def city_pool(n_requests: int, n_offers: int | None = None, seed: int = 2023) -> CityPool:
    """One city: households and volunteers spread over one area, each household paired
    with its CITY_NEAREST nearest volunteers. Nothing splits it (no programmes, no
    municipalities), so the pairs form one connected component. The weight falls with
    distance, plus random parts standing in for availability, needs and waiting time.
    """
    rng = np.random.default_rng(seed)
    n_offers = n_offers or n_requests
    # Denser in a few centres, as in a real city: more competition there.
    homes = _city_points(rng, n_requests)
    volunteers = _city_points(rng, n_offers)
    k = min(CITY_NEAREST, n_offers)
    km, cols = cKDTree(volunteers).query(homes, k=k)
    km, cols = km.reshape(n_requests, k), cols.reshape(n_requests, k)
    close = np.clip(1 - km / 3.0, 0, 1)  # full points next door, none from 3 km
    parts = rng.integers(0, 6, (3, n_requests, k)) * np.array([600, 400, 300])[:, None, None]
    waiting = rng.integers(0, 1000, n_requests)[:, None]  # the household's, on every pair
    weight = 100 + np.rint(3000 * close).astype(np.int64) + parts.sum(axis=0) + waiting
    return CityPool(
        rows=np.repeat(np.arange(n_requests), k),
        cols=cols.ravel().astype(np.int64),
        weight=weight.ravel(),
        capacity=rng.choice([1, 2], n_offers, p=[0.85, 0.15]),
        n_rows=n_requests,
    )


def _city_points(rng: np.random.Generator, n: int) -> np.ndarray:
    """n (x, y) points in km: half spread evenly, half around five centres."""
    spread = rng.uniform(0, CITY_KM, (n, 2))
    centres = rng.uniform(0.2 * CITY_KM, 0.8 * CITY_KM, (5, 2))
    around = centres[rng.integers(0, 5, n)] + rng.normal(0, CITY_KM / 12, (n, 2))
    return np.where(rng.random(n)[:, None] < 0.5, spread, np.clip(around, 0, CITY_KM))
