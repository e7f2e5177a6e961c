"""The error workbook of a refused import: the person's own file back, each bad cell filled red with the
problem and how to fix it as the cell's comment, and a first sheet listing every problem. They correct
the marked cells and upload the file again."""

import io
import warnings
from collections import defaultdict

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from .excel_read import CellError, _find_header, _worksheet
from .excel_spec import Sheet

PROBLEMS_TITLE = "问题清单"
_BAD = PatternFill("solid", fgColor="FFC7CE")
_COMMENT_AUTHOR = "法治街道工作台"


def mark_errors(sheet: Sheet, data: bytes, errors: list[CellError]) -> bytes | None:
    """``data`` (the uploaded .xlsx) with ``errors`` marked; None when the file itself cannot be opened
    (then the problem is the file as a whole and its message says so)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data))
    except Exception:
        return None
    worksheet = _worksheet(sheet, workbook)
    if worksheet is None:
        return None
    head = [tuple(cell.value for cell in row) for row in worksheet.iter_rows(max_row=10)]
    _, positions = _find_header(sheet, head)
    column_of = {column.header: index + 1 for index, column in positions.items()}
    by_cell: dict[tuple[int, int], list[str]] = defaultdict(list)
    for error in errors:
        if error.row > 0:
            by_cell[(error.row, column_of.get(error.column, 1))].append(str(error))
    for (row, column), messages in by_cell.items():
        cell = worksheet.cell(row=row, column=column)
        cell.fill = _BAD
        cell.comment = Comment("\n".join(messages), _COMMENT_AUTHOR, width=320, height=120)
    problems = workbook.create_sheet(PROBLEMS_TITLE, 0)
    problems.append(["行号", "列", "问题及修改方法"])
    for cell in problems[1]:
        cell.font = Font(bold=True)
    for error in errors:
        problems.append([error.row or "整个文件", error.column or "—", error.message])
    problems.column_dimensions["C"].width = 90
    workbook.active = workbook.index(worksheet)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
