"""Point-in-polygon and centroids on small shapes whose answers can be worked out by hand."""

import pytest

from omzien.geo.geometry import PointLocator, centroid, clean_shape
from omzien.geo.records import RowError, count, figures, number

OUTER = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]
HOLE = [[2, 2], [4, 2], [4, 4], [2, 4], [2, 2]]  # off-centre, so that it moves the centroid
SQUARE_WITH_HOLE = {"type": "Polygon", "coordinates": [OUTER, HOLE]}
ISLAND = [[[20, 20], [21, 20], [21, 21], [20, 21], [20, 20]]]


def locate(shapes: dict, *points: tuple[float, float]) -> list:
    """Points as (x, y) = (lon, lat), like the GeoJSON they are tested against."""
    return PointLocator(shapes.items()).locate([y for _, y in points], [x for x, _ in points])


def test_a_point_in_the_hole_is_outside():
    inside, in_hole, beyond, on_the_side = (5, 5), (3, 3), (11, 5), (0.5, 9.5)
    assert locate({"A": SQUARE_WITH_HOLE}, inside, in_hole, beyond, on_the_side) == [
        "A",
        None,
        None,
        "A",
    ]


def test_multipolygon_parts_and_an_island_inside_a_hole():
    in_hole = [[[2.5, 2.5], [3.5, 2.5], [3.5, 3.5], [2.5, 3.5], [2.5, 2.5]]]
    shape = {"type": "MultiPolygon", "coordinates": [[OUTER, HOLE], ISLAND, in_hole]}
    points = [(20.5, 20.5), (3, 3), (2.2, 2.2), (15, 15)]
    assert locate({"A": shape}, *points) == ["A", "A", None, None]


def test_each_point_gets_the_shape_that_holds_it():
    neighbour = {
        "type": "Polygon",
        "coordinates": [[[10, 0], [20, 0], [20, 10], [10, 10], [10, 0]]],
    }
    assert locate({"A": SQUARE_WITH_HOLE, "B": neighbour}, (15, 5), (5, 5), (25, 5)) == [
        "B",
        "A",
        None,
    ]


def test_centroid_weighs_the_hole_whatever_the_winding():
    # (100 * 5 - 4 * 3) / 96: the hole at (3, 3) pushes the middle away from it.
    expected = pytest.approx((488 / 96, 488 / 96))
    assert centroid(SQUARE_WITH_HOLE) == expected
    reversed_rings = {"type": "Polygon", "coordinates": [OUTER[::-1], HOLE[::-1]]}
    assert centroid(reversed_rings) == expected


def test_centroid_of_a_multipolygon_is_that_of_its_largest_part():
    shape = {"type": "MultiPolygon", "coordinates": [ISLAND, [OUTER]]}
    assert centroid(shape) == pytest.approx((5, 5))


def test_clean_shape_rounds_and_drops_rings_without_area():
    triangle = [[4.123456789, 52.1, 3.0], [5, 52], [5, 53], [4.123456789, 52.1]]
    sliver = [[4.5, 52.5], [4.6, 52.5], [4.5, 52.5]]
    shape = clean_shape({"type": "MultiPolygon", "coordinates": [[triangle, sliver], [sliver]]})
    assert shape == {
        "type": "MultiPolygon",
        "coordinates": [[[[4.12346, 52.1], [5.0, 52.0], [5.0, 53.0], [4.12346, 52.1]]]],
    }


@pytest.mark.parametrize(
    ("geometry", "message"),
    [
        (
            {
                "type": "Polygon",
                "coordinates": [
                    [[121000, 487000], [122000, 488000], [121000, 489000], [121000, 487000]]
                ],
            },
            "WGS84",
        ),
        ({"type": "Point", "coordinates": [5, 52]}, "not a Polygon"),
        (
            {"type": "Polygon", "coordinates": [[[4.5, 52.5], [4.6, 52.5], [4.5, 52.5]]]},
            "no polygon",
        ),
        ({"type": "Polygon", "coordinates": [[4.5, 52.5]]}, "malformed"),
        ({"type": "Polygon", "coordinates": None}, "malformed"),
    ],
)
def test_clean_shape_refuses_what_is_no_wgs84_shape(geometry, message):
    with pytest.raises(ValueError, match=message):
        clean_shape(geometry)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (-99999997, None),
        ("-99999997", None),
        (" . ", None),
        ("x", None),
        ("", None),
        ("-", 0),
        ("  700", 700),
        ("20,8", 20.8),
    ],
)
def test_cbs_numbers_and_their_symbols(value, expected):
    assert number(value) == expected


def test_a_word_where_a_number_belongs_refuses_the_row():
    with pytest.raises(RowError, match="not a number"):
        count("many")


def test_households_with_children_from_the_share_and_secret_figures():
    props = {"aantalHuishoudens": 505705, "percentageHuishoudensMetKinderen": 23, "jaar": 2023}
    assert figures(props, "district") == {
        "households": 505705,
        "households_with_children": 116312,
        "figures_year": 2023,
    }
    secret = {
        "aantalHuishoudens": 1200,
        "percentageHuishoudensMetKinderen": -99999997,
        "jaar": 2023,
    }
    assert figures(secret, "district")["households_with_children"] is None
    # Nothing known: no figures at all, so that figures from another source are kept.
    assert figures({"aantalHuishoudens": -99999997, "jaar": 2023}, "district") == {}
