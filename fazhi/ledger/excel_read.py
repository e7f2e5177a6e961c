"""Reading a filled-in ledger sheet: every cell checked and converted, every problem reported at once."""

import io
import logging
import os
import warnings
import zipfile
from dataclasses import dataclass, field
from itertools import chain, islice

from openpyxl import load_workbook

from fazhi.ledger.excel_cells import CellProblem, is_blank, read_cell
from fazhi.ledger.excel_spec import Column, Sheet, header_key
from fazhi.ledger.excel_write import CHOICES_TITLE, INSTRUCTIONS_TITLE

logger = logging.getLogger(__name__)

MAX_ROWS = 200_000
MAX_BYTES = 100 * 1024 * 1024
# About 60 bytes of XML per cell: 200,000 rows of 40 columns fit with room to spare.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
# Excel's own last row: beyond it the file cannot have come from a spreadsheet program.
LAST_EXCEL_ROW = 1_048_576
# Users sometimes add a title line above the header; look that far for it.
_HEADER_SEARCH_ROWS = 10
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

NOT_XLSX = "文件不是有效的 Excel（.xlsx）文件；请用下载的模板填写后另存为 .xlsx 再上传"
OLE_FILE = (
    "文件是旧版 Excel（.xls）或设置了打开密码；请在 Excel 中取消密码，另存为“Excel 工作簿（.xlsx）”后再上传"
)
TOO_BIG = "文件过大（超过 100 MB 或解压后超过 512 MB）；请删除无关的工作表和图片，或拆分成多个文件分批上传"
EMPTY_FILE = "文件是空的；请用下载的模板填写后再上传"
CORRUPT = "文件内容已损坏，无法读完；请在 Excel 中打开确认无误，重新另存为 .xlsx 后再上传"
EMPTY_SHEET = "表格是空的；请用下载的模板填写后再上传"
NO_ROWS = "表格中没有数据行；请在表头下方逐行填写后再上传"


@dataclass(frozen=True)
class CellError:
    """``row`` is the row number Excel shows (0: the file as a whole); ``column`` the header ("" if none)."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.row <= 0:
            return self.message
        if not self.column:
            return f"第{self.row}行：{self.message}"
        return f"第{self.row}行「{self.column}」：{self.message}"


@dataclass
class ParseResult:
    rows: list[dict] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self, limit: int | None = None) -> str:
        """Every error on its own line; ``limit`` cuts a very long list short (the count stays exact)."""
        if self.ok:
            return f"共 {len(self.rows)} 行数据，全部检查通过。"
        shown = self.errors if limit is None else self.errors[:limit]
        lines = [f"发现 {len(self.errors)} 处问题，请修改后重新上传："]
        lines += [str(error) for error in shown]
        if len(shown) < len(self.errors):
            lines.append(f"……另有 {len(self.errors) - len(shown)} 处问题未列出。")
        return "\n".join(lines)


def parse(sheet: Sheet, fileobj) -> ParseResult:
    """Rows of an uploaded .xlsx (bytes, a path or a file object) as dicts keyed by Column.key, plus "_row".

    Every column of the sheet has a key in every row, also when the file lacks that (optional) column:
    "" for text-like kinds, None for numbers, dates and yes/no. Rows with errors are returned too, so
    that an import preview can show them; the import itself must not run unless ``result.ok``.
    Never raises on the file's content: whatever is wrong comes back as CellErrors.
    """
    data = _read(fileobj)
    problem = _file_problem(data)
    if problem:
        return _failed(problem)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (extensions, styles); they do not matter for data.
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        return _failed(CORRUPT if _looks_like_xlsx(data) else NOT_XLSX)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _parse_workbook(sheet, workbook)
    except Exception:
        # Damage deep inside the zip or the XML only shows while the rows are read. Logged in full,
        # because a fault of ours would end up here too and must not pass for the user's.
        logger.exception("Excel 文件读取失败（工作表「%s」）", sheet.title)
        return _failed(CORRUPT)
    finally:
        workbook.close()


def _read(fileobj) -> bytes:
    if isinstance(fileobj, bytes | bytearray):
        return bytes(fileobj)
    if isinstance(fileobj, str | os.PathLike):
        with open(fileobj, "rb") as file:
            return file.read(MAX_BYTES + 1)
    if hasattr(fileobj, "seek"):
        fileobj.seek(0)
    return fileobj.read(MAX_BYTES + 1)


def _file_problem(data: bytes) -> str | None:
    if not data:
        return EMPTY_FILE
    if len(data) > MAX_BYTES:
        return TOO_BIG
    if data.startswith(_OLE_MAGIC):
        return OLE_FILE
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return NOT_XLSX
    try:
        unpacked = sum(item.file_size for item in zipfile.ZipFile(io.BytesIO(data)).infolist())
    except Exception:
        return NOT_XLSX
    # Reading stops at the sizes the zip declares, so checking them bounds the work of a zip bomb.
    if unpacked > MAX_UNPACKED_BYTES:
        return TOO_BIG
    return None


def _looks_like_xlsx(data: bytes) -> bool:
    """A zip with a workbook part is a damaged .xlsx; any other zip (.docx, .zip) is the wrong file."""
    try:
        return "xl/workbook.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    except Exception:
        return False


def _failed(message: str) -> ParseResult:
    return ParseResult(errors=[CellError(0, "", message)])


def _worksheet(sheet: Sheet, workbook):
    if sheet.title in workbook.sheetnames:
        return workbook[sheet.title]
    for candidate in workbook.worksheets:
        if candidate.title not in (INSTRUCTIONS_TITLE, CHOICES_TITLE):
            return candidate
    return None


def _parse_workbook(sheet: Sheet, workbook) -> ParseResult:
    worksheet = _worksheet(sheet, workbook)
    if worksheet is None:
        return _failed(f"文件中找不到「{sheet.title}」工作表；请用下载的模板填写")
    # The size recorded in the file may be wrong (some programs write A1); trust the rows themselves.
    worksheet.reset_dimensions()
    rows = worksheet.iter_rows(values_only=True)
    head = list(islice(rows, max(sheet.header_row, _HEADER_SEARCH_ROWS)))
    if all(is_blank(value) for values in head for value in values):
        return _failed(EMPTY_SHEET)
    header_row, positions = _find_header(sheet, head)
    if header_row is None:
        headers = "、".join(f"「{c.header}」" for c in sheet.columns)
        return _failed(
            f"找不到表头：第{sheet.header_row}行应为 {headers} 等列名；请用下载的模板填写，不要改动表头"
        )
    errors = _header_errors(sheet, header_row, positions)
    if errors:
        return ParseResult(errors=errors)
    return _parse_rows(sheet, chain(head[header_row:], rows), header_row, positions)


def _find_header(sheet: Sheet, head: list[tuple]) -> tuple[int | None, dict[int, Column]]:
    """The declared header row if it names a column, else the first row near the top that does."""
    by_header = {header_key(column.header): column for column in sheet.columns}
    found_in_rows = []
    for values in head:
        found = {}
        for index, value in enumerate(values):
            if isinstance(value, str):
                column = by_header.get(header_key(value))
                if column is not None:
                    found.setdefault(index, column)
        found_in_rows.append(found)
    declared = sheet.header_row - 1
    if declared < len(found_in_rows) and found_in_rows[declared]:
        return sheet.header_row, found_in_rows[declared]
    for number, found in enumerate(found_in_rows, start=1):
        if found:
            return number, found
    return None, {}


def _header_errors(sheet: Sheet, header_row: int, positions: dict[int, Column]) -> list[CellError]:
    errors = []
    seen: dict[str, int] = {}
    for column in positions.values():
        seen[column.key] = seen.get(column.key, 0) + 1
    for column in sheet.columns:
        if seen.get(column.key, 0) > 1:
            errors.append(
                CellError(header_row, column.header, "表头中出现了不止一次；请删除多余的列后重新上传")
            )
    missing = [c.header for c in sheet.columns if c.required and c.key not in seen]
    if missing:
        names = "、".join(f"「{header}」" for header in missing)
        errors.append(
            CellError(header_row, "", f"缺少必填列 {names}；请用下载的模板填写，不要删除或改动这些列的表头")
        )
    return errors


def _parse_rows(sheet: Sheet, rows, header_row: int, positions: dict[int, Column]) -> ParseResult:
    result = ParseResult()
    blank_row = {column.key: column.empty for column in sheet.columns}
    placed = sorted(positions.items())
    width = max(positions) + 1
    count = 0
    for number, values in enumerate(rows, start=header_row + 1):
        if number > LAST_EXCEL_ROW:
            return _failed(CORRUPT)
        if len(values) < width:
            values = tuple(values) + (None,) * (width - len(values))
        if all(is_blank(values[index]) for index, _ in placed):
            continue
        count += 1
        if count > MAX_ROWS:
            return _failed(
                f"文件的数据超过 {MAX_ROWS:,} 行，无法一次导入；请拆分成多个文件，每个不超过 {MAX_ROWS:,} 行后分批上传"
            )
        row = dict(blank_row)
        row["_row"] = number
        for index, column in placed:
            value = values[index]
            if is_blank(value):
                if column.required:
                    result.errors.append(CellError(number, column.header, "必填，不能为空；请补充后重新上传"))
                continue
            try:
                row[column.key] = read_cell(column, value)
            except CellProblem as problem:
                result.errors.append(CellError(number, column.header, str(problem)))
        result.rows.append(row)
    if count == 0:
        return _failed(NO_ROWS)
    return result
