"""CSV and XLSX downloads of a table, safe to open in a spreadsheet program."""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
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


def xlsx_bytes(headers, rows, title: str) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.append([str(h) for h in headers])
    for row in rows:
        sheet.append([cell(v) if isinstance(v, str) else v for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def download(fmt: str, filename: str, headers, rows, title: str = "export") -> HttpResponse:
    headers = [str(h) for h in headers]
    rows = [list(r) for r in rows]
    body = csv_bytes(headers, rows) if fmt == "csv" else xlsx_bytes(headers, rows, title)
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response
