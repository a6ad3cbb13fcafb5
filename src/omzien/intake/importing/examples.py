"""Example files in the documented layouts, made on request so they never drift from the code."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from . import values
from .layouts import Layout

DATE_COLUMNS = {"geboortedatum", "wacht sinds"}


def example_csv(layout: Layout) -> bytes:
    """Separated by ';' with a byte-order mark, the way Dutch Excel opens CSV files."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(layout.headers)
    writer.writerows(layout.example_rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def example_xlsx(layout: Layout) -> bytes:
    """Dates as real date cells, which the import reads as well as written dates."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(layout.label)
    sheet.append(layout.headers)
    for row in layout.example_rows:
        sheet.append(
            [
                values.optional_date(cell) if header in DATE_COLUMNS else cell
                for header, cell in zip(layout.headers, row, strict=True)
            ]
        )
    for header in sheet[1]:
        header.font = Font(bold=True)
        sheet.column_dimensions[header.column_letter].width = max(14, len(header.value) + 4)
        if header.value in DATE_COLUMNS:
            for cell in sheet[header.column_letter][1:]:
                cell.number_format = "dd-mm-yyyy"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
