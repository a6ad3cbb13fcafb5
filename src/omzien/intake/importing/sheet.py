"""The values of an XLSX sheet, row by row, as openpyxl's `iter_rows(values_only=True)` gives them.

openpyxl builds a dictionary (and for text an object) per cell before it hands over a value;
for 100,000 rows that took longer than checking them. This reads the sheet's XML directly,
with openpyxl's safe parser, and takes what openpyxl's read-only workbook read up front: the
shared strings, which styles are dates, and the date system (1900 or 1904).
"""

from collections.abc import Iterator
from xml.etree.ElementTree import Element, iterparse

from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.xml.constants import SHEET_MAIN_NS

ROW, CELL = f"{{{SHEET_MAIN_NS}}}row", f"{{{SHEET_MAIN_NS}}}c"
VALUE, INLINE = f"{{{SHEET_MAIN_NS}}}v", f"{{{SHEET_MAIN_NS}}}is"
TEXT, RUN = f"{{{SHEET_MAIN_NS}}}t", f"{{{SHEET_MAIN_NS}}}r"
DIGITS = "0123456789"


class Cells:
    """How to read one cell of this workbook."""

    def __init__(self, sheet: ReadOnlyWorksheet) -> None:
        workbook = sheet.parent
        self.strings = sheet._shared_strings
        self.date_styles = workbook._date_formats
        self.duration_styles = workbook._timedelta_formats
        self.epoch = workbook.epoch

    def value(self, cell: Element) -> object:
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            node = cell.find(INLINE)
            return None if node is None else inline_text(node)
        raw = cell.findtext(VALUE) or None  # a formula's last result, as data_only reads it
        if raw is None:
            return None
        if kind == "n":
            return self.number(raw, cell.get("s"))
        if kind == "s":
            return self.strings[int(raw)]
        if kind == "b":
            return bool(int(raw))
        if kind == "d":
            return from_ISO8601(raw)
        return raw  # "str" (a formula's text) or "e" (an error such as #N/A)

    def number(self, raw: str, style: str | None) -> object:
        number = float(raw) if "." in raw or "e" in raw or "E" in raw else int(raw)
        if style and int(style) in self.date_styles:
            try:
                return from_excel(number, self.epoch, timedelta=int(style) in self.duration_styles)
            except (OverflowError, ValueError):
                return "#VALUE!"  # as openpyxl shows a date out of range
        return number


def inline_text(node: Element) -> str:
    """The text of an inline string, its formatted runs joined, as openpyxl's Text.content."""
    plain = node.findtext(TEXT)
    runs = [text for run in node.iterfind(RUN) if (text := run.findtext(TEXT)) is not None]
    return "".join(([plain] if plain is not None else []) + runs)


def rows(sheet: ReadOnlyWorksheet) -> Iterator[list[object]]:
    """Every row up to the last, a missing one as an empty list, so that rows keep their numbers."""
    cells = Cells(sheet)
    expected = 1
    with sheet._get_source() as source:
        for _, element in iterparse(source):
            if element.tag != ROW:
                continue
            number = row_number(element.get("r"), expected)
            if number >= expected:  # openpyxl skips a row that goes back
                yield from ([] for _ in range(expected, number))
                yield row_values(element, cells)
                expected = number + 1
            element.clear()


def row_number(attribute: str | None, expected: int) -> int:
    if attribute is None:
        return expected
    try:
        return int(attribute)
    except ValueError:
        number = float(attribute)
        if not number.is_integer():
            raise ValueError(f"{attribute} is not a valid row number") from None
        return int(number)


def row_values(row: Element, cells: Cells) -> list[object]:
    values: list[object] = []
    for cell in row:
        if cell.tag != CELL:
            continue
        reference = cell.get("r")
        column = (
            column_index_from_string(reference.rstrip(DIGITS)) if reference else len(values) + 1
        )
        if column > len(values):
            values.extend([None] * (column - 1 - len(values)))
            values.append(cells.value(cell))
        else:
            values[column - 1] = cells.value(cell)
    return values
