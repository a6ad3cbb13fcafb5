"""CSV and XLSX downloads of a table, safe to open in a spreadsheet program."""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
ABOUT_TITLE = _("Toelichting")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """Text that a spreadsheet would run as a formula is kept as text."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_bytes(headers, rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows([cell(v) for v in row] for row in rows)
    return out.getvalue().encode("utf-8")


def xlsx_bytes(headers, rows, title: str, about=()) -> bytes:
    """The table on the first sheet; lines about it, when given, on a second."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.append([str(h) for h in headers])
    for row in rows:
        sheet.append([cell(v) if isinstance(v, str) else v for v in row])
    if about:
        notes = book.create_sheet(str(ABOUT_TITLE))
        for line in about:
            notes.append([cell(str(line))])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def download(
    fmt: str, filename: str, headers, rows, title: str = "export", about=()
) -> HttpResponse:
    """`about` goes on a sheet of its own in XLSX; a CSV holds the table only, so that every
    program reads it as one."""
    headers = [str(h) for h in headers]
    rows = [list(r) for r in rows]
    body = csv_bytes(headers, rows) if fmt == "csv" else xlsx_bytes(headers, rows, title, about)
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response
