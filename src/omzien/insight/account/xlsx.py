"""The yearly account as XLSX (openpyxl): an explanation sheet, then one sheet per figure.

Numbers stay numbers, so that a reader can calculate with them; a hidden value is the text
'niet getoond' and a missing source figure 'onbekend', never an empty cell or a zero.
"""

import re
from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from omzien.access.suppression import threshold

from ..formatting import ROUNDED_NOTE, SUPPRESSED, SUPPRESSED_NOTE, UNAVAILABLE
from .content import Account

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")


def sheet_name(title: str, taken: set[str]) -> str:
    """At most 31 characters, none of []:*?/\\ and unique in the workbook."""
    base = re.sub(r"[\[\]:*?/\\]", "", str(title))[:31]
    name, n = base, 2
    while name.lower() in taken:
        name = f"{base[:28]} {n}"
        n += 1
    taken.add(name.lower())
    return name


def cell_value(value, unavailable: bool):
    if unavailable:
        return str(UNAVAILABLE)
    return str(SUPPRESSED) if value is None else value


def write_figure(sheet, figure, section: str) -> None:
    sheet["A1"] = str(figure.title)
    sheet["A1"].font = TITLE
    sheet["A2"] = f"{section}: {figure.explanation}"
    sheet["A2"].alignment = WRAP
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(figure.columns) + 1)
    sheet.row_dimensions[2].height = 45
    if figure.empty:
        sheet["A4"] = _("Er zijn geen gegevens voor deze periode.")
        return
    sheet.append([])
    sheet.append([str(figure.row_heading).capitalize(), *[str(c.label) for c in figure.columns]])
    for cell in sheet[4]:
        cell.font, cell.alignment = BOLD, WRAP
    for row in [*figure.rows, *([figure.total] if figure.total else [])]:
        sheet.append(
            [str(row.label), *[cell_value(v, u) for _c, v, u in row.cells(figure.columns)]]
        )
    if figure.total:
        for cell in sheet[sheet.max_row]:
            cell.font = BOLD
    sheet.column_dimensions["A"].width = 34
    for letter in "BCDEFGHIJK"[: len(figure.columns)]:
        sheet.column_dimensions[letter].width = 16


def write_xlsx(account: Account) -> bytes:
    book = Workbook()
    about = book.active
    about.title = _("Toelichting")
    lines = [
        f"{account.title} – {account.municipality}",
        _("Programma's: %(scope)s") % {"scope": account.scope},
        _("Periode: %(start)s tot en met %(end)s")
        % {
            "start": account.filters.start.strftime("%d-%m-%Y"),
            "end": account.filters.end.strftime("%d-%m-%Y"),
        },
        _("Gemaakt op %(made)s") % {"made": account.made_at},
        str(SUPPRESSED_NOTE % {"threshold": threshold()}),
        str(ROUNDED_NOTE % {"threshold": threshold()}),
    ]
    for line in lines:
        about.append([line])
    about["A1"].font = TITLE
    about.column_dimensions["A"].width = 110
    taken = {about.title.lower()}
    for section in account.sections:
        for figure in section.figures:
            write_figure(book.create_sheet(sheet_name(figure.title, taken)), figure, section.title)
    output = BytesIO()
    book.save(output)
    return output.getvalue()
