"""An XLSX sheet reads as openpyxl reads it: every value type, gaps and row numbers kept."""

import io
from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from omzien.intake.importing import sheet


def saved(workbook: Workbook) -> io.BytesIO:
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def typed_rows(write_only: bool, epoch=None) -> io.BytesIO:
    workbook = Workbook(write_only=write_only)
    sheet_ = workbook.create_sheet() if write_only else workbook.active
    if epoch:
        workbook.epoch = epoch
    sheet_.append(["achternaam", "geboortedatum", "reisafstand km", "huisdieren", "leeg"])
    sheet_.append(["Jansen", date(1980, 5, 1), 10, True, None])
    sheet_.append(["de Vries", datetime(1992, 11, 5, 8, 30), 2.5, False, "=1+1"])
    sheet_.append([])  # a row left empty in the middle
    sheet_.append([None, None, "El Amrani ", None, "ج"])
    return saved(workbook)


@pytest.mark.parametrize("write_only", [False, True])  # shared strings / inline strings
@pytest.mark.parametrize("epoch", [None, CALENDAR_MAC_1904])
def test_a_sheet_reads_as_openpyxl_reads_it(write_only, epoch):
    workbook = load_workbook(typed_rows(write_only, epoch), read_only=True, data_only=True)
    active = workbook.active
    active.reset_dimensions()
    expected = [list(values) for values in active.iter_rows(values_only=True)]

    assert list(sheet.rows(active)) == expected
    assert expected[1][:4] == ["Jansen", datetime(1980, 5, 1), 10, True]


def test_missing_rows_and_cells_keep_their_place():
    workbook = Workbook()
    workbook.active["A1"] = "achternaam"
    workbook.active["C4"] = "Bakker"  # rows 2 and 3 are not in the file at all
    read = load_workbook(saved(workbook), read_only=True, data_only=True)

    assert list(sheet.rows(read.active)) == [["achternaam"], [], [], [None, None, "Bakker"]]
