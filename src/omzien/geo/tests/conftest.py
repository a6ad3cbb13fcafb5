"""Run the import command on files from the shared data folder or on small files made in a test."""

import json
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

# The files as published, relative to settings.OMZIEN_SHARED_DATA.
GEOJSON = "cbs/gemeenten_2023_kerncijfers_stdekker.geojson"
KEY_FIGURES = "cbs/gemeenten_2023_kerncijfers.csv"
CENTROIDS = "geo/gemeenten_2023_centroids.csv"
STATLINE = "cbs/amsterdam_2019_ses_woa_wijk_buurt_cbs85163NED.csv"
PC4_CSV = "geo/pc4_centroids_postcodetabel.csv"
PC4_JSON = "geo/pc4_centroids_city_postcodetabel.json"


@pytest.fixture
def import_geo() -> Callable[..., str]:
    """Run `omzien import_geo` and return what it printed."""

    def run(*files: Path | str, **options) -> str:
        out = StringIO()
        call_command("import_geo", *map(str, files), stdout=out, **options)
        return out.getvalue()

    return run


@pytest.fixture
def data(shared_data: Path) -> Callable[[str], Path]:
    """A shared data file by its relative path (the whole test skips without the folder)."""
    return lambda relative: shared_data / relative


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | dict], Path]:
    """A small file of our own, as text or as JSON."""

    def make(name: str, content: str | dict) -> Path:
        path = tmp_path / name
        text = content if isinstance(content, str) else json.dumps(content)
        path.write_text(text, encoding="utf-8")
        return path

    return make
