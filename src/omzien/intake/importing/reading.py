"""Turning an uploaded CSV or XLSX file into numbered rows of the documented columns."""

import csv
import io
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO
from xml.etree.ElementTree import ParseError

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from . import sheet
from .layouts import Layout, detect, header_key
from .memory import collector_paused

Cells = dict[str, object]

# Limits far above any real registration file, so that a crafted one fails fast and clearly.
MAX_COLUMNS = 200
MAX_CELL_CHARS = 1000
MAX_UNPACKED_MB = 100  # an XLSX is a zip: a small upload can unpack to gigabytes
# What a damaged XLSX raises while its rows are read, after it opened.
BROKEN_XLSX = (zipfile.BadZipFile, zlib.error, EOFError, ParseError, KeyError, ValueError, OSError)


class FileProblem(Exception):
    """The file as a whole cannot be read; the message is for the person who uploaded it."""


@dataclass
class Table:
    layout: Layout
    # (row number as the spreadsheet shows it, the header row being 1; cells by column)
    rows: list[tuple[int, Cells]]
    ignored_columns: list[str] = field(default_factory=list)


def read(file: IO[bytes], name: str, max_rows: int | None = None) -> Table:
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix == "csv":
        lines = csv_lines(file.read())
    elif suffix == "xlsx":
        lines = xlsx_lines(file)
    else:
        raise FileProblem(_("Kies een CSV- of XLSX-bestand."))
    try:
        with collector_paused():
            return table(lines, max_rows)
    except csv.Error:  # such as a field over the csv module's limit of 131,072 characters
        raise FileProblem(
            _(
                "Dit CSV-bestand is niet te lezen: een cel is te lang of er ontbreekt een aanhalingsteken."
            )
        ) from None


def csv_lines(data: bytes) -> Iterator[list[object]]:
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = data.decode("cp1252", errors="replace")  # Excel on Windows saves CSV this way
    first_line = content.split("\n", 1)[0]
    # Dutch Excel separates with ';', most other tools with ','.
    delimiter = max(";,\t", key=first_line.count)
    return csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)


def unreadable_xlsx() -> FileProblem:
    return FileProblem(_("Dit bestand is geen leesbaar XLSX-bestand."))


def check_unpacked_size(file: IO[bytes]) -> None:
    """Refuse a zip bomb before anything is unpacked: the sizes are in the zip's directory."""
    try:
        with zipfile.ZipFile(file) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise unreadable_xlsx() from None
    file.seek(0)
    if unpacked > MAX_UNPACKED_MB * 1024 * 1024:
        raise FileProblem(
            _(
                "Dit XLSX-bestand is uitgepakt groter dan %(mb)s MB. Splits het in kleinere bestanden."
            )
            % {"mb": MAX_UNPACKED_MB}
        )


def xlsx_lines(file: IO[bytes]) -> Iterator[list[object]]:
    check_unpacked_size(file)
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except (InvalidFileException, IndexError, *BROKEN_XLSX):  # IndexError: no sheet at all
        raise unreadable_xlsx() from None
    try:
        active = workbook.active
        if not isinstance(active, ReadOnlyWorksheet):  # none, or a sheet with only a chart
            raise FileProblem(_("Dit XLSX-bestand heeft geen werkblad met gegevens."))
        # Each row only as far as its own cells go: the size the file declares may be a lie
        # (a cell at XFD1048576 would pad every row to 16,384 cells).
        yield from sheet.rows(active)
    except BROKEN_XLSX:  # a sheet cut off halfway shows only while its rows are read
        raise unreadable_xlsx() from None
    finally:
        workbook.close()


def table(lines: Iterable[list[object]], max_rows: int | None) -> Table:
    lines = iter(lines)
    first = next(lines, [])
    check_size(1, first)
    headers = [header_key(cell) for cell in first]
    layout = detect(headers)
    if layout is None:
        raise FileProblem(
            _("De kolommen van dit bestand zijn niet herkend. Begin met een voorbeeldbestand.")
        )
    check_headers(headers, layout)
    rows, documented = [], set(layout.headers)
    for number, cells in enumerate(lines, start=2):
        if not any(cell not in (None, "") for cell in cells):
            continue  # an empty line between rows, or formatting below the data
        check_size(number, cells)
        if max_rows is not None and len(rows) == max_rows:
            raise FileProblem(
                _(
                    "Dit bestand heeft meer dan %(n)s rijen. Splits het, of laat het importeren met het beheercommando."
                )
                % {"n": max_rows}
            )
        rows.append(
            (number, {h: c for h, c in zip(headers, cells, strict=False) if h in documented})
        )
    return Table(layout, rows, [h for h in headers if h and h not in layout.headers])


def check_size(number: int, cells: list[object]) -> None:
    """Few enough columns and short enough cells; checked before any cell is looked into."""
    used = len(cells)
    while used and cells[used - 1] in (None, ""):  # a spreadsheet pads rows with empty cells
        used -= 1
    if used > MAX_COLUMNS:
        raise FileProblem(
            _(
                "Rij %(row)s heeft meer dan %(n)s kolommen. Gebruik de kolommen van het voorbeeldbestand."
            )
            % {"row": number, "n": MAX_COLUMNS}
        )
    if any(isinstance(cell, str) and len(cell) > MAX_CELL_CHARS for cell in cells[:used]):
        raise FileProblem(
            _("In rij %(row)s staat een cel met meer dan %(n)s tekens. Maak de tekst korter.")
            % {"row": number, "n": f"{MAX_CELL_CHARS:,}".replace(",", ".")}
        )


def check_headers(headers: list[str], layout: Layout) -> None:
    counts = Counter(headers)  # counting per header would take minutes for many columns
    doubles = sorted(h for h, n in counts.items() if h and n > 1)
    if doubles:
        raise FileProblem(
            _("Deze kolommen staan er meer dan eens in: %(columns)s.")
            % {"columns": ", ".join(doubles)}
        )
    missing = [h for h in layout.required if h not in headers]
    if missing:
        raise FileProblem(
            _("Deze kolommen ontbreken voor %(kind)s: %(columns)s.")
            % {"kind": layout.label, "columns": ", ".join(missing)}
        )
