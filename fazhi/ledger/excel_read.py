"""Reading a filled-in ledger sheet: every cell checked and converted, every problem reported at once."""

import io
import logging
import os
import re
import warnings
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain, islice

from fazhi.ledger.excel_books import calamine_book, openpyxl_book
from fazhi.ledger.excel_cells import READERS, CellProblem, is_blank
from fazhi.ledger.excel_spec import Column, Sheet, header_key
from fazhi.ledger.excel_write import CHOICES_TITLE, INSTRUCTIONS_TITLE
from fazhi.ziplimits import directory_problem

logger = logging.getLogger(__name__)

# What a damaged file raises while its rows are read: the zip, the inflater, the XML parser (the
# standard library's or lxml's, both SyntaxError subclasses), a value that is not what its type says.
_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, SyntaxError, ValueError)

MAX_ROWS = 200_000
MAX_BYTES = 100 * 1024 * 1024
# About 60 bytes of XML per cell: 200,000 rows of 40 columns fit with room to spare.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
# Parts openpyxl reads whole into memory (shared strings, styles, the workbook): bounded one by one.
# 32 MB of shared strings is about 500,000 distinct texts; a 425 MB one took 2.4 GB and 193 s.
MAX_PART_BYTES = 32 * 1024 * 1024
# Cells in all worksheets, counted in the XML before openpyxl reads it: 200,000 rows of 40 columns.
MAX_CELLS = MAX_ROWS * 40
# Worksheets are streamed, but openpyxl holds each cell's value whole: a few cells of hundreds of MB would
# pass the cell count. Excel's own limit is 32,767 characters a cell (about 100 KB of XML); a sheet may
# hold its cells' XML at 2 KB a cell on average, plus 4 MB of everything else (columns, validations).
MAX_BYTES_PER_CELL = 2 * 1024
SHEET_SLACK_BYTES = 4 * 1024 * 1024
# Parts of the zip, read from its end record before the directory is parsed (fazhi.ziplimits): a workbook
# has a few dozen; two million empty entries fit in an upload and would take a gigabyte to list.
MAX_ZIP_ENTRIES = 10_000
MAX_ZIP_DIRECTORY_BYTES = 2 * 1024 * 1024
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
# The row number and the column letters of a cell reference (r="AB12"; a row's own r="12" has no letters).
_ROW_NUMBER = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row\b[^>]*?\sr=\"(\d{1,12})\"")
_ROW_NUMBER_PLAIN = re.compile(rb'<row r="(\d{1,12})"')  # how every spreadsheet program writes it
# Only references of two letters or more are collected (column AA on): most sheets have none. A literal
# space before r= keeps the search fast; a reference after a tab or newline sends the sheet to openpyxl.
_WIDE_COLUMN_REF = re.compile(rb' r="([A-Za-z]{2,12})\d')
_ODD_SPACE_REF = (b'\tr="', b'\nr="', b'\rr="')
# calamine holds a sheet as one dense grid of its first to last used cell (32 bytes a cell): a forged
# sheet with a cell at A1 and one at XFD1048576 would ask for 17 billion. Past this many, the sheet is
# streamed by openpyxl instead (as it was before calamine), in bounded memory.
MAX_DENSE_CELLS = MAX_CELLS
_SCAN_CHUNK = 1024 * 1024
# Column kinds whose converted value depends on the cell's value alone and repeats down a column.
_REPEATING = frozenset({"choice", "date", "bool", "int"})
PROGRESS_ROWS = 1000
# Excel's own last row: beyond it the file cannot have come from a spreadsheet program.
LAST_EXCEL_ROW = 1_048_576
LAST_EXCEL_COLUMN = 16_384
# Users sometimes add a title line above the header; look that far for it.
_HEADER_SEARCH_ROWS = 10
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

NOT_XLSX = "文件不是有效的 Excel（.xlsx）文件；请用下载的模板填写后另存为 .xlsx 再上传"
OLE_FILE = (
    "文件是旧版 Excel（.xls）或设置了打开密码；请在 Excel 中取消密码，另存为“Excel 工作簿（.xlsx）”后再上传"
)
TOO_BIG = "文件过大（超过 100 MB 或解压后超过 512 MB）；请删除无关的工作表和图片，或拆分成多个文件分批上传"
PART_TOO_BIG = (
    "文件中的「{name}」解压后超过 {limit} MB（多为大量不同的文字或格式）；请删除无关的工作表、格式和批注，"
    "或拆分成多个文件分批上传"
)
TOO_MANY_CELLS = (
    f"文件中的单元格超过 {MAX_CELLS:,} 个（可能有大量空白但带格式的单元格）；请只保留模板中的列和数据行，"
    "或拆分成多个文件分批上传"
)
CELLS_TOO_LONG = (
    "工作表的内容远超其单元格数量应有的大小（有单元格的文字长达数 MB）；请删除过长的内容，"
    "或把详细材料作为附件上传"
)
TOO_MANY_PARTS = (
    f"文件内部的部件超过 {MAX_ZIP_ENTRIES:,} 个，不像是一个 Excel 台账文件；"
    "请用下载的模板填写后另存为 .xlsx 再上传"
)
OUR_FAULT = "读取文件时系统出错（已记录，不是文件的问题）；请稍后重试，若仍不成功请联系系统管理员"
REQUIRED = "必填，不能为空；请补充后重新上传"
# openpyxl gives the value a formula had when the file was last saved by a spreadsheet program; a file
# written by another program may hold the formula without one, which reads as an empty cell.
REQUIRED_FORMULA = (
    "必填，但读到的是空值；文件中有公式，公式的计算结果可能没有保存：请在 Excel/WPS 中打开、保存后再上传，"
    "或把公式改为直接填写的值"
)
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


class _ProgressStopped(Exception):
    """Whatever the progress callback raised (a cancelled job), carried past the handlers below."""


def parse(sheet: Sheet, fileobj, *, progress: Callable[[int], None] | None = None) -> ParseResult:
    """Rows of an uploaded .xlsx (bytes, a path or a file object) as dicts keyed by Column.key, plus "_row".

    Every column of the sheet has a key in every row, also when the file lacks that (optional) column:
    "" for text-like kinds, None for numbers, dates and yes/no. Rows with errors are returned too, so
    that an import preview can show them; the import itself must not run unless ``result.ok``.
    Never raises on the file's content: whatever is wrong comes back as CellErrors. ``progress`` is told
    the count of data rows read every ``PROGRESS_ROWS`` rows (a job's progress); what it raises goes
    through.
    """
    data = _read(fileobj)
    scan = _Scan()
    problem = _file_problem(data, scan)
    if problem:
        return _failed(problem)
    if scan.rows > LAST_EXCEL_ROW:
        return _failed(CORRUPT)
    book = None
    if scan.rows * scan.columns <= MAX_DENSE_CELLS:
        book = calamine_book(data)  # None when calamine cannot read it: openpyxl gets its chance below
    if book is None:
        try:
            book = openpyxl_book(data)
        except Exception:
            return _failed(CORRUPT if _looks_like_xlsx(data) else NOT_XLSX)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (extensions, styles); they do not matter for data.
            warnings.simplefilter("ignore")
            return _parse_workbook(sheet, book, formulas=scan.formulas, progress=progress)
    except _ProgressStopped as stopped:
        raise stopped.__cause__ from None
    except _DAMAGE:
        # Damage deep inside the zip or the XML only shows while the rows are read.
        logger.warning("Excel 文件已损坏（工作表「%s」）", sheet.title, exc_info=True)
        return _failed(CORRUPT)
    except Exception:
        # A fault of ours must not pass for the user's file: logged in full, and said so.
        logger.exception("Excel 文件读取时系统出错（工作表「%s」）", sheet.title)
        return _failed(OUR_FAULT)
    finally:
        book.close()


def estimated_rows(data: bytes) -> int:
    """About how many rows the file's largest worksheet has (header rows included), from its XML alone:
    cheap enough to decide, before parsing, whether an import runs as a job. 0 for a file parse refuses."""
    if _file_problem(data):
        return 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            counts = [
                _count_tags(archive, item, _ROW_TAG)
                for item in archive.infolist()
                if item.filename.startswith("xl/worksheets/") and item.filename.endswith(".xml")
            ]
    except Exception:  # a damaged file: parse says what is wrong with it
        return 0
    return max(counts, default=0)


def _count_tags(archive: zipfile.ZipFile, item: zipfile.ZipInfo, tag) -> int:
    count, tail = 0, b""
    with archive.open(item) as stream:
        while chunk := stream.read(_SCAN_CHUNK):
            text = tail + chunk
            tail = text[-64:]
            count += len(tag.findall(text)) - len(tag.findall(tail))
    return count + len(tag.findall(tail))


def _read(fileobj) -> bytes:
    if isinstance(fileobj, bytes | bytearray):
        return bytes(fileobj)
    if isinstance(fileobj, str | os.PathLike):
        with open(fileobj, "rb") as file:
            return file.read(MAX_BYTES + 1)
    if hasattr(fileobj, "seek"):
        fileobj.seek(0)
    return fileobj.read(MAX_BYTES + 1)


def _file_problem(data: bytes, scan: "_Scan | None" = None) -> str | None:
    """What makes the file unreadable or too big, checked before any XML is parsed; ``scan`` is filled
    in on the way (formulas, the sheets' extent) for parse."""
    if not data:
        return EMPTY_FILE
    if len(data) > MAX_BYTES:
        return TOO_BIG
    if data.startswith(_OLE_MAGIC):
        return OLE_FILE
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return NOT_XLSX
    problem = directory_problem(data, max_entries=MAX_ZIP_ENTRIES, max_bytes=MAX_ZIP_DIRECTORY_BYTES)
    if problem:
        return NOT_XLSX if problem == "damaged" else TOO_MANY_PARTS
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _size_problem(archive, scan)
    except Exception:
        return NOT_XLSX


def _size_problem(archive: zipfile.ZipFile, scan: "_Scan | None" = None) -> str | None:
    """Checked on the sizes the zip declares, before any XML is parsed: reading a member stops at its
    declared size (a lie ends in a CRC error), so this bounds the time and memory of a zip bomb."""
    members = archive.infolist()
    if sum(item.file_size for item in members) > MAX_UNPACKED_BYTES:
        return TOO_BIG
    sheets = []
    for item in members:
        if item.filename.startswith("xl/worksheets/") and item.filename.endswith(".xml"):
            sheets.append(item)  # streamed by openpyxl; bounded by their cells below
        elif item.file_size > MAX_PART_BYTES:
            return PART_TOO_BIG.format(name=item.filename, limit=MAX_PART_BYTES // (1024 * 1024))
    cells = 0
    for item in sheets:
        found = _count_cells(archive, item, MAX_CELLS - cells, bytes_per_cell=MAX_BYTES_PER_CELL, scan=scan)
        cells += found
        if cells > MAX_CELLS:
            return TOO_MANY_CELLS
        if item.file_size > _sheet_allowance(found):
            return CELLS_TOO_LONG
    return None


def _sheet_allowance(cells: int) -> int:
    return SHEET_SLACK_BYTES + cells * MAX_BYTES_PER_CELL


def _count_cells(
    archive: zipfile.ZipFile,
    item: zipfile.ZipInfo,
    budget: int,
    *,
    bytes_per_cell: int | None = None,
    scan: "_Scan | None" = None,
) -> int:
    """Cell elements in a worksheet's XML, read in chunks; stops once past ``budget``, and, with
    ``bytes_per_cell``, once more XML has been read than that many cells could hold (a few huge cells).
    With ``scan``, the same pass notes formulas and the extent the cell references claim."""
    count, tail, read = 0, b"", 0
    with archive.open(item) as stream:
        while chunk := stream.read(_SCAN_CHUNK):
            read += len(chunk)
            # The last 64 bytes wait for the next chunk, so that a tag cut in two is counted there, once.
            text = tail + chunk
            tail = text[-64:]
            count += _cells_in(text) - _cells_in(tail)
            if scan is not None:
                scan.note(text)  # max() and "any" do not mind the tail being seen twice
            if count > budget:
                return count
            if bytes_per_cell is not None and read > SHEET_SLACK_BYTES + count * bytes_per_cell:
                return count  # the caller refuses the sheet on its declared size
    return count + _cells_in(tail)


def _cells_in(text: bytes) -> int:
    """Cell elements in ``text``: ``<c `` counted at C speed when no other spelling of the tag occurs."""
    if (
        b"<c>" in text
        or b"<c/" in text
        or b":c" in text
        or b"<c\t" in text
        or b"<c\n" in text
        or b"<c\r" in text
    ):
        return len(_CELL_TAG.findall(text))
    return text.count(b"<c ")


def _looks_like_xlsx(data: bytes) -> bool:
    """A zip with a workbook part is a damaged .xlsx; any other zip (.docx, .zip) is the wrong file."""
    try:
        return "xl/workbook.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    except Exception:
        return False


def _failed(message: str) -> ParseResult:
    return ParseResult(errors=[CellError(0, "", message)])


def _worksheet(sheet: Sheet, workbook):
    """The openpyxl worksheet to read or mark (the error workbook): see _worksheet_name."""
    name = _worksheet_name(sheet, [candidate.title for candidate in workbook.worksheets])
    return None if name is None else workbook[name]


def _worksheet_name(sheet: Sheet, names: list[str]) -> str | None:
    """The sheet's own title if the file has it, else the first worksheet that is not one of ours."""
    if sheet.title in names:
        return sheet.title
    return next((name for name in names if name not in (INSTRUCTIONS_TITLE, CHOICES_TITLE)), None)


@dataclass
class _Scan:
    """What parse needs to know of the worksheets' XML besides their size, noted in the same pass."""

    formulas: bool = False  # any worksheet holds a formula
    rows: int = 0  # the highest row number any worksheet names
    columns: int = 26  # the highest column any cell reference names (at least Z)

    def note(self, text: bytes) -> None:
        # Literal searches first (C speed); the general patterns only where another spelling appears.
        if not self.formulas and (b"<f" in text or b":f" in text) and _FORMULA_TAG.search(text):
            self.formulas = True
        numbers = _ROW_NUMBER_PLAIN.findall(text)
        if len(numbers) != text.count(b"row "):
            numbers = _ROW_NUMBER.findall(text)
        if numbers:
            self.rows = max(self.rows, *map(int, numbers))
        if any(odd in text for odd in _ODD_SPACE_REF):
            self.columns = LAST_EXCEL_COLUMN + 1
        wide = set(_WIDE_COLUMN_REF.findall(text))
        if wide:
            self.columns = max(self.columns, *(_column_number(ref.upper()) for ref in wide))


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _parse_workbook(sheet: Sheet, book, *, formulas: bool = False, progress=None) -> ParseResult:
    name = _worksheet_name(sheet, book.names)
    if name is None:
        return _failed(f"文件中找不到「{sheet.title}」工作表；请用下载的模板填写")
    rows = book.rows(name)
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
    return _parse_rows(
        sheet, chain(head[header_row:], rows), header_row, positions, formulas=formulas, progress=progress
    )


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


def _parse_rows(
    sheet: Sheet,
    rows,
    header_row: int,
    positions: dict[int, Column],
    *,
    formulas: bool = False,
    progress=None,
) -> ParseResult:
    result = ParseResult()
    blank_row = {column.key: column.empty for column in sheet.columns}
    placed = sorted(positions.items())
    # Choices, dates and yes/no repeat down a column: each distinct cell value is converted once. Keyed
    # by type too, since 1 == 1.0 == True and a choice reads them differently ("1" and "是").
    cells = [
        (index, column, READERS[column.kind], {} if column.kind in _REPEATING else None)
        for index, column in placed
    ]
    indexes = [index for index, _ in placed]
    width = max(positions) + 1
    count = 0
    for number, values in enumerate(rows, start=header_row + 1):
        if number > LAST_EXCEL_ROW:
            return _failed(CORRUPT)
        if len(values) < width:
            values = tuple(values) + (None,) * (width - len(values))
        for index in indexes:
            value = values[index]
            if value is not None and value != "" and not is_blank(value):
                break
        else:
            continue
        count += 1
        if count > MAX_ROWS:
            return _failed(
                f"文件的数据超过 {MAX_ROWS:,} 行，无法一次导入；请拆分成多个文件，每个不超过 {MAX_ROWS:,} 行后分批上传"
            )
        if progress is not None and count % PROGRESS_ROWS == 0:
            try:
                progress(count)
            except Exception as stopped:
                raise _ProgressStopped from stopped
        row = dict(blank_row)
        row["_row"] = number
        for index, column, reader, seen in cells:
            value = values[index]
            if value is None or value == "" or is_blank(value):
                if column.required:
                    message = REQUIRED_FORMULA if formulas else REQUIRED
                    result.errors.append(CellError(number, column.header, message))
                continue
            try:
                if seen is None:
                    row[column.key] = reader(column, value)
                else:
                    key = (type(value), value)
                    if key not in seen:
                        seen[key] = reader(column, value)
                    row[column.key] = seen[key]
            except CellProblem as problem:
                result.errors.append(CellError(number, column.header, str(problem)))
        result.rows.append(row)
    if count == 0:
        return _failed(NO_ROWS)
    return result
