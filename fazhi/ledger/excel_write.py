"""Writing a ledger sheet: the blank template users fill in, and exports of existing records."""

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from fazhi.ledger.excel_cells import cell_value
from fazhi.ledger.excel_spec import KIND_HINTS, Column, Sheet

INSTRUCTIONS_TITLE = "填写说明"
CHOICES_TITLE = "选项"
AUTHOR = "法治街道工作台"
DATE_FORMAT = "yyyy-mm-dd"
LAST_EXCEL_ROW = 1048576
# An inline drop-down list ("甲,乙,丙") is limited by Excel to 255 characters and cannot hold commas.
_INLINE_LIST_LIMIT = 255

_NUMBER_FORMATS = {
    "date": DATE_FORMAT,
    "decimal": "0.00",
    "int": "0",
    # Text format keeps Excel from turning ID numbers into 4.40301E+17 and dropping leading zeros.
    "text": "@",
    "id_number": "@",
    "phone": "@",
    "choice": "@",
    "bool": "@",
}
_HEADER_FONT = Font(bold=True)
_REQUIRED_FONT = Font(bold=True, color="C00000")
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)


def requirement(column: Column) -> str:
    return "必填" if column.required else "选填"


def instruction(column: Column) -> str:
    """One column's rules in a sentence or three: header comment and instructions sheet."""
    parts = [f"{requirement(column)}。{KIND_HINTS[column.kind]}。"]
    if column.labels:
        parts.append(f"可选：{'、'.join(column.labels)}。")
    if column.max_length:
        parts.append(f"最多 {column.max_length} 个字。")
    if column.help:
        parts.append(column.help)
    return "".join(parts)


def template(sheet: Sheet, suggestions: dict[str, Iterable[str]] | None = None) -> bytes:
    """A blank .xlsx with the header row, drop-down lists, formats and a 填写说明 sheet.

    ``suggestions`` offers values in a free-text column's drop-down (e.g. the units the person may
    register in) without refusing other entries: the import still decides what is valid."""
    suggestions = {key: tuple(values) for key, values in (suggestions or {}).items()}
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet.title
    _title_rows(sheet, worksheet)
    choices_sheet = None
    first_data_row = sheet.header_row + 1
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        cell = worksheet.cell(sheet.header_row, index, column.header)
        cell.font = _REQUIRED_FONT if column.required else _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _HEADER_ALIGNMENT
        cell.comment = Comment(instruction(column), AUTHOR, width=260, height=140)
        dimension = worksheet.column_dimensions[letter]
        dimension.width = column.width
        dimension.number_format = _NUMBER_FORMATS[column.kind]
        labels, strict = (column.labels, True) if column.labels else (suggestions.get(column.key, ()), False)
        if labels:
            if choices_sheet is None and not _fits_inline(labels):
                choices_sheet = workbook.create_sheet(CHOICES_TITLE)
                choices_sheet.sheet_state = "hidden"
            validation = _list_validation(column, labels, index, choices_sheet, strict=strict)
            worksheet.add_data_validation(validation)
            validation.add(f"{letter}{first_data_row}:{letter}{LAST_EXCEL_ROW}")
    worksheet.freeze_panes = worksheet.cell(first_data_row, 1)
    _instructions(sheet, workbook.create_sheet(INSTRUCTIONS_TITLE, index=1))
    return _saved(workbook)


def _title_rows(sheet: Sheet, worksheet) -> None:
    if sheet.header_row > 1:
        worksheet.cell(1, 1, sheet.title).font = Font(bold=True, size=14)


def _fits_inline(labels: tuple[str, ...]) -> bool:
    return (
        not any("," in label or '"' in label for label in labels)
        and len(",".join(labels)) <= _INLINE_LIST_LIMIT
    )


def _list_validation(column: Column, labels, index: int, choices_sheet, *, strict: bool) -> DataValidation:
    if _fits_inline(labels):
        formula = '"' + ",".join(labels) + '"'
    else:
        letter = get_column_letter(index)
        for row, label in enumerate(labels, start=1):
            choices_sheet.cell(row, index, label)
        formula = f"{quote_sheetname(CHOICES_TITLE)}!${letter}$1:${letter}${len(labels)}"
    return DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showDropDown=False,  # openpyxl's name is inverted: False shows the arrow
        showErrorMessage=strict,  # suggestions only: other values may still be typed
        errorTitle="请从下拉列表选择",
        error=f"「{column.header}」只能填写下拉列表中的值。"[:255],
        showInputMessage=bool(column.help),
        promptTitle=column.header[:32],
        prompt=column.help[:255],
    )


def _instructions(sheet: Sheet, worksheet) -> None:
    worksheet.append([f"请在「{sheet.title}」工作表中逐行填写，每行一条记录；不要修改、删除表头。"])
    worksheet.append(["红色表头为必填列；日期写成 2024-03-05；身份证号码和电话请按文本填写。"])
    worksheet.append([])
    worksheet.append(["列名", "是否必填", "填写格式", "可选值", "说明"])
    for cell in worksheet[4]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    for column in sheet.columns:
        limit = f"最多 {column.max_length} 个字" if column.max_length else ""
        worksheet.append(
            [
                column.header,
                requirement(column),
                "；".join(filter(None, [KIND_HINTS[column.kind], limit])),
                "、".join(column.labels),
                column.help,
            ]
        )
    for letter, width in zip("ABCDE", (18, 10, 40, 40, 50), strict=True):
        worksheet.column_dimensions[letter].width = width
    worksheet.freeze_panes = "A5"


def export(sheet: Sheet, rows: Iterable[dict]) -> bytes:
    """The rows as an .xlsx in the sheet's layout; streams, so 50,000 rows stay cheap in memory."""
    return export_sheets([(sheet, rows)])


def export_sheets(sheets: Iterable[tuple[Sheet, Iterable[dict]]]) -> bytes:
    """Several sheets, each with its rows, in one workbook (in this order), each laid out as :func:`export`."""
    workbook = Workbook(write_only=True)
    for sheet, rows in sheets:
        _write_sheet(workbook.create_sheet(sheet.title), sheet, rows)
    return _saved(workbook)


def _write_sheet(worksheet, sheet: Sheet, rows: Iterable[dict]) -> None:
    for index, column in enumerate(sheet.columns, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = column.width
    worksheet.freeze_panes = f"A{sheet.header_row + 1}"
    if sheet.header_row > 1:
        title = WriteOnlyCell(worksheet, sheet.title)
        title.font = Font(bold=True, size=14)
        worksheet.append([title])
        for _ in range(sheet.header_row - 2):
            worksheet.append([])
    worksheet.append([_header_cell(worksheet, column) for column in sheet.columns])
    columns = sheet.columns
    for row in rows:
        worksheet.append([_data_cell(worksheet, column, row.get(column.key)) for column in columns])


def _header_cell(worksheet, column: Column) -> WriteOnlyCell:
    cell = WriteOnlyCell(worksheet, column.header)
    cell.font = _REQUIRED_FONT if column.required else _HEADER_FONT
    cell.fill = _HEADER_FILL
    cell.alignment = _HEADER_ALIGNMENT
    return cell


def _data_cell(worksheet, column: Column, value):
    value = cell_value(column, value)
    if value is None:
        return None
    kind = column.kind
    if kind == "date" and not isinstance(value, str):
        cell = WriteOnlyCell(worksheet, value)
        cell.number_format = DATE_FORMAT
        return cell
    if kind == "decimal" and not isinstance(value, str):
        cell = WriteOnlyCell(worksheet, value)
        cell.number_format = "0.00"
        return cell
    if isinstance(value, str) and value.startswith("="):
        # A party's name or a note beginning with "=" must stay text, never become a formula.
        cell = WriteOnlyCell(worksheet, value)
        cell.data_type = "s"
        return cell
    return value


def _saved(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
