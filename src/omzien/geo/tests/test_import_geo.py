"""`omzien import_geo` on the real published files, and on small broken ones."""

import pytest
from django.core.management import CommandError
from django.db import DatabaseError

from omzien.geo import importers
from omzien.geo.models import District, Municipality, Neighbourhood, PostcodeArea

from .conftest import CENTROIDS, GEOJSON, KEY_FIGURES, PC4_CSV, PC4_JSON, STATLINE

pytestmark = pytest.mark.django_db
OUTSIDE_NL = ["1940", "3440", "9640"]  # centroids at latitude 49.8-50.2 in the PC4 file


def counts() -> tuple[int, ...]:
    models = (Municipality, District, Neighbourhood, PostcodeArea)
    return tuple(model.objects.count() for model in models)


def test_municipality_shapes_with_their_key_figures(import_geo, data):
    out = import_geo(data(GEOJSON))

    assert "(municipalities): 343 created, 0 updated, 0 skipped" in out
    assert Municipality.objects.count() == 343  # 342 of 2023 and CBS's "Buitenland"
    amsterdam = Municipality.objects.get(code="GM0363")
    assert (amsterdam.name, amsterdam.inhabitants, amsterdam.figures_year) == (
        "Amsterdam",
        918117,
        2023,
    )
    assert amsterdam.households == 505705
    assert amsterdam.households_with_children == round(505705 * 23 / 100)
    assert 52.33 < amsterdam.lat < 52.40 and 4.85 < amsterdam.lon < 5.00
    assert amsterdam.geometry["type"] == "MultiPolygon"
    lon, lat = amsterdam.geometry["coordinates"][0][0][0]
    assert (round(lon, 5), round(lat, 5)) == (lon, lat)
    abroad = Municipality.objects.get(code="GM0998")
    assert abroad.name == "Buitenland" and abroad.households is None and abroad.geometry


def test_key_figure_and_centroid_csvs_add_to_the_shapes(import_geo, data):
    import_geo(data(GEOJSON))
    shape = Municipality.objects.get(code="GM0363").geometry

    out = import_geo(data(KEY_FIGURES), data(CENTROIDS))

    assert "gemeenten_2023_kerncijfers.csv (municipalities): 0 created, 343 updated" in out
    assert "gemeenten_2023_centroids.csv (municipality-centroids): 0 created, 342 updated" in out
    amsterdam = Municipality.objects.get(code="GM0363")
    assert (amsterdam.province, amsterdam.households) == ("Noord-Holland", 505705)
    assert (amsterdam.lat, amsterdam.lon) == (52.362368, 4.933128)
    assert amsterdam.geometry == shape  # files without shapes leave the shapes alone


@pytest.mark.parametrize("pc4_file", [PC4_CSV, PC4_JSON])
def test_postcodes_land_in_the_municipality_whose_shape_holds_them(import_geo, data, pc4_file):
    # Postcodes first on the command line: the command still imports the shapes first.
    out = import_geo(data(pc4_file), data(GEOJSON))

    assert "(pc4): 4763 created, 0 updated, 3 skipped (outside the Netherlands: 3)" in out
    assert all(f"outside the Netherlands ({pc4} " in out for pc4 in OUTSIDE_NL)
    assert not PostcodeArea.objects.filter(pc4__in=OUTSIDE_NL).exists()
    assert PostcodeArea.objects.get(pc4="1012").municipality.code == "GM0363"
    assert PostcodeArea.objects.get(pc4="3511").municipality.code == "GM0344"
    assert PostcodeArea.objects.filter(municipality=None).count() < 20  # coast, enclaves


def test_shapes_imported_after_the_postcodes_still_place_them(import_geo, data):
    import_geo(data(PC4_CSV))
    assert PostcodeArea.objects.get(pc4="1012").municipality is None

    out = import_geo(data(GEOJSON))

    assert "PC4 areas lie in a municipality shape" in out
    assert PostcodeArea.objects.get(pc4="1012").municipality.code == "GM0363"


def test_statline_table_gives_districts_and_neighbourhoods(import_geo, data):
    out = import_geo(data(STATLINE))

    assert "(1 municipality, 99 districts, 479 neighbourhoods), 0 skipped" in out
    kop_zeedijk = Neighbourhood.objects.select_related("district__municipality").get(
        code="BU03630000"
    )
    assert kop_zeedijk.name == "Kop Zeedijk"
    assert (kop_zeedijk.households, kop_zeedijk.figures_year) == (700, 2019)
    assert kop_zeedijk.district.code == "WK036300"
    assert kop_zeedijk.district.name == "Burgwallen-Oude Zijde"
    assert kop_zeedijk.district.municipality.code == "GM0363"


def test_older_figures_do_not_overwrite_newer_ones(import_geo, data):
    import_geo(data(GEOJSON))

    out = import_geo(data(STATLINE))

    assert "kept newer figures of 1 municipality" in out
    amsterdam = Municipality.objects.get(code="GM0363")
    assert (amsterdam.households, amsterdam.figures_year) == (505705, 2023)


def test_importing_twice_changes_no_counts(import_geo, data):
    files = [data(name) for name in (GEOJSON, KEY_FIGURES, CENTROIDS, STATLINE, PC4_CSV)]
    import_geo(*files)
    first = counts()

    out = import_geo(*files, verbosity=0)

    assert counts() == first == (343, 99, 479, 4763)
    summaries = out.splitlines()
    assert len(summaries) == len(files)
    assert all(": 0 created, " in line for line in summaries)


def test_unreadable_json_saves_nothing(import_geo, data, write):
    import_geo(data(KEY_FIGURES))
    broken = write("gemeenten.geojson", data(GEOJSON).read_text()[:5000])

    with pytest.raises(CommandError, match=r"gemeenten.geojson: not valid JSON"):
        import_geo(data(GEOJSON), broken)

    # Not even the good file given with it.
    assert not Municipality.objects.filter(geometry__isnull=False).exists()
    assert counts() == (343, 0, 0, 0)


def test_a_broken_row_stops_the_file_before_anything_is_saved(import_geo, data, write):
    lines = data(STATLINE).read_text(encoding="utf-8-sig").splitlines()
    broken = write("85163NED.csv", "\n".join([*lines[:50], '"2019";"Half a row"']))

    with pytest.raises(
        CommandError, match=r"85163NED.csv: line 51 has 2 fields where the header has 9"
    ):
        import_geo(broken)

    assert counts() == (0, 0, 0, 0)


def test_a_failure_after_saving_rolls_back_the_whole_file(import_geo, data, monkeypatch):
    save_level = importers._save_level

    def fail_at_neighbourhoods(level, *args) -> None:
        if level == "neighbourhood":
            raise DatabaseError("disk full")
        save_level(level, *args)

    # The municipality and the districts are written before the neighbourhoods fail.
    monkeypatch.setattr(importers, "_save_level", fail_at_neighbourhoods)

    with pytest.raises(CommandError, match=r"85163NED.*nothing of it was saved.*disk full"):
        import_geo(data(STATLINE))

    assert counts() == (0, 0, 0, 0)


def test_invalid_rows_are_reported_by_line_and_skipped(import_geo, write):
    table = write(
        "kerncijfers.csv",
        "gemeentecode,gemeentenaam,jaar,aantalInwoners,aantalHuishoudens,percentageHuishoudensMetKinderen\n"
        "GM9991,Goedstad,2023,1000,400,25\n"
        "GM12,Kortstad,2023,1000,400,25\n"
        "GM9992,Telstad,2023,veel,400,25\n"
        "GM9991,Dubbelstad,2023,1000,400,25\n"
        f"GM9994,{'Lang' * 51},2023,1000,400,25\n",
    )

    out = import_geo(table)

    assert (
        "1 created, 0 updated, 4 skipped "
        "(invalid code: 1, not a number: 1, duplicate code: 1, text too long: 1)" in out
    )
    assert "  line 3: invalid code ('GM12')" in out
    assert "  line 4: not a number ('veel')" in out
    assert "  line 5: duplicate code (GM9991 also at line 2)" in out
    assert "  line 6: text too long (name)" in out
    assert list(Municipality.objects.values_list("code", "name", "households_with_children")) == [
        ("GM9991", "Goedstad", 100)
    ]


def test_areas_whose_parent_is_unknown_are_skipped(import_geo, write):
    feature = {
        "type": "Feature",
        "properties": {"buurtcode": "BU99990101", "buurtnaam": "Nergens", "wijkcode": "WK999901"},
        "geometry": None,
    }
    out = import_geo(write("buurten.geojson", {"type": "FeatureCollection", "features": [feature]}))

    assert "(neighbourhoods): 0 created, 0 updated, 1 skipped (district not imported: 1)" in out
    assert "  feature 1: district not imported (WK999901)" in out


def test_a_feature_without_shape_or_figures_is_imported_as_it_is(import_geo, write):
    props = {"gemeentecode": "GM9993", "gemeentenaam": "Leegstad", "jaar": 2023}
    lake = [[[5.0, 52.0], [5.1, 52.0], [5.1, 52.1], [5.0, 52.0]]]
    features = [
        # CBS gives a municipality's large waters as a feature of their own.
        {
            "properties": props | {"water": "JA"},
            "geometry": {"type": "Polygon", "coordinates": lake},
        },
        {"properties": props | {"water": "NEE", "aantalHuishoudens": -99999997}, "geometry": None},
    ]
    collection = {"type": "FeatureCollection", "features": features}

    out = import_geo(write("gemeenten.geojson", collection))

    assert "1 created, 0 updated, 1 skipped (water area: 1)" in out
    leeg = Municipality.objects.get(code="GM9993")
    assert (leeg.name, leeg.households, leeg.geometry, leeg.lat) == ("Leegstad", None, None, None)


def test_kind_given_reads_a_file_too_broken_to_be_recognised(import_geo, write):
    entries = {
        "1012": {"city": "Amsterdam", "c": [52.373174, 4.894814]},
        "0123": {"city": "Nergens", "c": [52.0, 5.0]},
        "3511": {"city": "Utrecht"},
    }
    path = write("pc4.json", entries)
    with pytest.raises(CommandError, match="cannot tell what it holds"):
        import_geo(path)

    out = import_geo(path, kind="pc4")

    assert "1 created, 0 updated, 2 skipped (invalid postcode: 1, no coordinates: 1)" in out
    assert list(PostcodeArea.objects.values_list("pc4", "city")) == [("1012", "Amsterdam")]


@pytest.mark.parametrize(
    ("name", "content", "options", "message"),
    [
        ("missing.csv", None, {}, "cannot read it"),
        ("people.csv", "naam,adres\nPiet,Dorpsstraat 1\n", {}, "cannot tell what it holds"),
        (
            "pc4.csv",
            "pc4,city,lat,lon\n1012,Amsterdam,52.37,4.89\n",
            {"kind": "municipalities"},
            "it holds pc4, not municipalities",
        ),
        (
            "rd.geojson",
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"gemeentecode": "GM0363"},
                        "geometry": {
                            "type": "Polygon",
                            "coordinates": [
                                [
                                    [120000, 480000],
                                    [125000, 480000],
                                    [125000, 490000],
                                    [120000, 480000],
                                ]
                            ],
                        },
                    }
                ],
            },
            {},
            "WGS84",
        ),
    ],
)
def test_files_that_cannot_be_imported_give_a_plain_error(
    import_geo, tmp_path, write, name, content, options, message
):
    path = write(name, content) if content is not None else tmp_path / name

    with pytest.raises(CommandError, match=message):
        import_geo(path, **options)

    assert counts() == (0, 0, 0, 0)
