"""The two ways an uploaded .xlsx is read, behind one small interface for excel_read: ``names`` (the
worksheets, in file order) and ``rows(name)`` (each row as a sequence of cell values, the first one being
row 1 and each starting at column A; an empty cell is None or "").

calamine (Rust, python-calamine) reads a sheet about four times as fast as openpyxl and is the normal
path. openpyxl's read_only streaming stays for what calamine refuses to open and for sheets whose extent
calamine could not hold as a grid (excel_read decides); both give the same cell values (tests/ledger/
test_excel_books.py), except that calamine reads an error cell (#DIV/0!) as empty where openpyxl gives its
text, and an integer beyond 2^53 (which Excel itself cannot store) as a float.
"""

import io
import logging
import warnings
from itertools import chain, repeat

from openpyxl import load_workbook
from python_calamine import CalamineWorkbook, SheetTypeEnum

logger = logging.getLogger(__name__)


class _OpenpyxlBook:
    def __init__(self, data: bytes):
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (extensions, styles); they do not matter for data.
            warnings.simplefilter("ignore")
            self.workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        self.names = [worksheet.title for worksheet in self.workbook.worksheets]

    def rows(self, name: str):
        worksheet = self.workbook[name]
        # The size recorded in the file may be wrong (some programs write A1); trust the rows themselves.
        worksheet.reset_dimensions()
        return worksheet.iter_rows(values_only=True)

    def close(self) -> None:
        self.workbook.close()


class _CalamineBook:
    def __init__(self, data: bytes, workbook: CalamineWorkbook):
        self.data = data
        self.workbook = workbook
        self.fallback: _OpenpyxlBook | None = None
        self.names = [
            sheet.name for sheet in workbook.sheets_metadata if sheet.typ == SheetTypeEnum.WorkSheet
        ]

    def rows(self, name: str):
        try:
            worksheet = self.workbook.get_sheet_by_name(name)  # the whole sheet is read here
        except Exception:
            # calamine is stricter than openpyxl about some XML; openpyxl reads it or says it is damaged.
            logger.info("calamine 无法读取工作表「%s」，改用 openpyxl", name, exc_info=True)
            self.fallback = _OpenpyxlBook(self.data)
            return self.fallback.rows(name)
        return _aligned(worksheet)

    def close(self) -> None:
        self.workbook.close()
        if self.fallback is not None:
            self.fallback.close()


def _aligned(worksheet):
    """calamine's rows from row 1 and column A, as openpyxl gives them.

    Its grid starts at the first used cell (``start``). python-calamine's iter_rows yields the rows above
    it as empty rows but leaves out the columns to its left; a version that left out the rows as well would
    yield a non-empty first row, and is padded here too, so that row numbers in messages stay true."""
    start = worksheet.start
    if start is None:  # no cell at all
        return iter(())
    first_row, first_column = start
    rows = iter(worksheet.iter_rows())
    first = next(rows, None)
    if first is None:
        return iter(())
    head = [first]
    if first_row > 0 and any(value != "" for value in first):
        head = [*repeat((), first_row), first]
    rows = chain(head, rows)
    if first_column:
        padding = (None,) * first_column
        return (padding + tuple(row) for row in rows)
    return rows


def calamine_book(data: bytes) -> _CalamineBook | None:
    """The workbook through calamine, or None when calamine cannot open it (openpyxl then decides)."""
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:
        logger.info("calamine 无法打开文件，改用 openpyxl", exc_info=True)
        return None
    return _CalamineBook(data, workbook)


def openpyxl_book(data: bytes) -> _OpenpyxlBook:
    """The workbook through openpyxl's read_only streaming; raises on a file it cannot open."""
    return _OpenpyxlBook(data)
