"""Crafted files get a clear Dutch error on the import page within two seconds, never a 500."""

import io
import re
import time
import zipfile
from uuid import uuid4

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from omzien import testing
from omzien.intake.importing.layouts import HOUSEHOLDS
from omzien.people.models import Household

from .test_import import csv_file, household, xlsx_file

pytestmark = [pytest.mark.django_db]

URL = reverse("importing:import")


@pytest.fixture
def programme(client):
    testing.geography()
    programme = testing.programme()
    client.force_login(testing.coordinator(programme))
    return programme


def rewritten(xlsx: io.BytesIO, change) -> bytes:
    """The XLSX with each member passed through `change(name, data)`; None leaves it out."""
    out = io.BytesIO()
    with zipfile.ZipFile(xlsx) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name in source.namelist():
            data = change(name, source.read(name))
            if data is not None:
                zipped.writestr(name, data)
    return out.getvalue()


def households_xlsx(last_name: str = "Jansen") -> io.BytesIO:
    return xlsx_file(HOUSEHOLDS.headers, [household(last_name)])


def page_error(client, programme, content: bytes, name: str) -> tuple[str, float]:
    """The import page's error for this upload, and how long the answer took."""
    upload = SimpleUploadedFile(name, content)
    started = time.monotonic()
    response = client.post(
        f"{URL}?programme={programme.slug}",
        {"file": upload, "import_id": str(uuid4()), "action": "check"},
    )
    seconds = time.monotonic() - started
    assert response.status_code == 200
    assert not Household.objects.exists()
    return re.sub(r"\s+", " ", response.content.decode()), seconds


def test_a_header_of_200_000_columns_is_refused_at_once(client, programme):
    headers = [*HOUSEHOLDS.headers, *(f"kolom {i}" for i in range(200_000))]
    content = csv_file(headers, [household()]).getvalue()

    page, seconds = page_error(client, programme, content, "breed.csv")

    assert "Rij 1 heeft meer dan 200 kolommen" in page
    assert seconds < 2


def test_a_csv_field_over_the_csv_limit_is_refused(client, programme):
    content = csv_file(HOUSEHOLDS.headers, [household("J" * 140_000)]).getvalue()

    page, seconds = page_error(client, programme, content, "lang.csv")

    assert "Dit CSV-bestand is niet te lezen: een cel is te lang" in page
    assert seconds < 2


def test_a_long_csv_cell_is_refused(client, programme):
    content = csv_file(HOUSEHOLDS.headers, [household("J" * 5_000)]).getvalue()

    page, seconds = page_error(client, programme, content, "lang.csv")

    assert "In rij 2 staat een cel met meer dan 1.000 tekens" in page
    assert seconds < 2


def test_an_xlsx_cell_of_50_mb_is_refused(client, programme):
    # openpyxl stops at Excel's 32,767 characters, so the cell is grown in the sheet's XML.
    def grow(name: str, data: bytes) -> bytes:
        return data.replace(b"Reus", b"R" * 50_000_000) if "worksheets" in name else data

    content = rewritten(households_xlsx("Reus"), grow)

    page, seconds = page_error(client, programme, content, "reus.xlsx")

    assert "In rij 2 staat een cel met meer dan 1.000 tekens" in page
    assert seconds < 2


def test_an_xlsx_that_unpacks_to_too_much_is_refused_before_unpacking(client, programme):
    def pad(name: str, data: bytes) -> bytes:
        return data + b" " * 120_000_000 if name == "docProps/app.xml" else data

    content = rewritten(households_xlsx(), pad)

    page, seconds = page_error(client, programme, content, "bom.xlsx")

    assert "Dit XLSX-bestand is uitgepakt groter dan 100 MB" in page
    assert seconds < 2


def test_a_truncated_xlsx_is_refused(client, programme):
    whole = households_xlsx().getvalue()

    for content in (
        whole[: len(whole) // 2],  # cut off: no zip directory
        rewritten(io.BytesIO(whole), lambda n, d: d[: len(d) // 2] if "worksheets" in n else d),
    ):
        page, seconds = page_error(client, programme, content, "half.xlsx")

        assert "Dit bestand is geen leesbaar XLSX-bestand" in page
        assert seconds < 2


def test_an_xlsx_without_a_sheet_is_refused(client, programme):
    def drop_sheets(name: str, data: bytes) -> bytes | None:
        if "worksheets" in name:
            return None
        return re.sub(rb"<sheet [^>]*/>", b"", data) if name == "xl/workbook.xml" else data

    content = rewritten(households_xlsx(), drop_sheets)

    page, seconds = page_error(client, programme, content, "leeg.xlsx")

    assert "Dit XLSX-bestand heeft geen werkblad met gegevens" in page
    assert seconds < 2


def test_an_xlsx_that_declares_the_largest_sheet_is_read_only_as_far_as_its_cells(
    client, programme
):
    workbook = households_xlsx()
    rows = load_workbook(workbook)
    rows.active.cell(row=1_048_576, column=16_384, value="x")
    content = io.BytesIO()
    rows.save(content)

    page, seconds = page_error(client, programme, content.getvalue(), "groot.xlsx")

    assert "Rij 1048576 heeft meer dan 200 kolommen" in page
    assert seconds < 2


def test_an_xlsx_sheet_with_an_entity_bomb_is_refused(client, programme):
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(9)
        )
        + b"]>"
    )

    def arm(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        body = data.split(b"?>", 1)[-1]  # without its own XML declaration
        return bomb + body.replace(b"<v>", b"<v>&j;", 1)

    content = rewritten(households_xlsx(), arm)

    page, seconds = page_error(client, programme, content, "bom.xlsx")

    assert "Dit bestand is geen leesbaar XLSX-bestand" in page
    assert seconds < 2
