"""Turning an uploaded CSV or XLSX file into numbered rows of the documented columns."""

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from .layouts import Layout, detect, header_key

Cells = dict[str, object]


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
    return table(lines, max_rows)


def csv_lines(data: bytes) -> Iterator[list[object]]:
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = data.decode("cp1252", errors="replace")  # Excel on Windows saves CSV this way
    first_line = content.split("\n", 1)[0]
    # Dutch Excel separates with ';', most other tools with ','.
    delimiter = max(";,\t", key=first_line.count)
    return csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)


def xlsx_lines(file: IO[bytes]) -> Iterator[list[object]]:
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise FileProblem(_("Dit bestand is geen leesbaar XLSX-bestand.")) from None
    try:
        yield from (list(values) for values in workbook.active.iter_rows(values_only=True))
    finally:
        workbook.close()


def table(lines: Iterable[list[object]], max_rows: int | None) -> Table:
    lines = iter(lines)
    headers = [header_key(cell) for cell in next(lines, [])]
    layout = detect(headers)
    if layout is None:
        raise FileProblem(
            _("De kolommen van dit bestand zijn niet herkend. Begin met een voorbeeldbestand.")
        )
    check_headers(headers, layout)
    rows = []
    for number, cells in enumerate(lines, start=2):
        if not any(cell not in (None, "") for cell in cells):
            continue  # an empty line between rows, or formatting below the data
        if max_rows is not None and len(rows) == max_rows:
            raise FileProblem(
                _(
                    "Dit bestand heeft meer dan %(n)s rijen. Splits het, of laat het importeren met het beheercommando."
                )
                % {"n": max_rows}
            )
        rows.append(
            (number, {h: c for h, c in zip(headers, cells, strict=False) if h in layout.headers})
        )
    return Table(layout, rows, [h for h in headers if h and h not in layout.headers])


def check_headers(headers: list[str], layout: Layout) -> None:
    doubles = sorted({h for h in headers if h and headers.count(h) > 1})
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
