"""Issue 21: uploads are read with calamine, openpyxl only where calamine cannot. Both must give the same
values on awkward files (dates, numbers, blanks, merged and blank rows, formulas' saved results, text
runs), and parse() the same result whichever read the file."""

import datetime
import io
import re
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from fazhi.ledger import excel_books, excel_read
from fazhi.ledger.excel import Column, Sheet, parse

SHEET = Sheet(
    "台账",
    (
        Column("名称", "name", required=True),
        Column("件数", "count", kind="int"),
        Column("金额", "amount", kind="decimal"),
        Column("日期", "day", kind="date"),
        Column("类型", "category", kind="choice", choices=(("family", "婚姻家庭"), ("land", "土地"))),
        Column("已结", "closed", kind="bool"),
        Column("电话", "phone", kind="phone"),
        Column("备注", "note"),
    ),
)
HEADERS = [c.header for c in SHEET.columns]


def saved(workbook: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_sheet_xml(data: bytes, change) -> bytes:
    """``data`` with its first worksheet's XML passed through ``change`` (what openpyxl cannot write:
    formulas with saved results, error cells, inline strings, a wrong dimension)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = change(body)
            target.writestr(item, body)
    return buffer.getvalue()


def tricky() -> bytes:
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = "台账"
    ws["A1"] = "二〇二四年纠纷台账"  # a title line above the header
    for index, header in enumerate(HEADERS, start=1):
        ws.cell(row=3, column=index, value=header)
    rows = [
        ["张三", 12, 1234.5, datetime.date(2024, 3, 5), "婚姻家庭", True, 13812345678, "  两端空格  "],
        [
            "李四",
            12.0,
            0.1 + 0.2,
            datetime.datetime(2024, 3, 5, 14, 30),
            " 土 地 ",
            "否",
            "138 1234 5678",
            "多行\n文字",
        ],
        ["王五", "1,200", "1,234.56元", "2024年3月5日", "family", 1, None, datetime.time(9, 30)],
        ["赵六", -3, 7, 45356, None, False, None, datetime.timedelta(hours=30)],
        ["钱七", 2**40, 10**12 + 0.25, "2024/3/5", "土地", "TRUE", None, 3.5],
    ]
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            ws.cell(row=5 + offset * 2, column=column, value=value)  # a blank row after each
    ws["D15"] = 45356
    ws["D15"].number_format = "yyyy年m月d日"
    ws["A15"] = CellRichText(["富", TextBlock(InlineFont(b=True), "文本")])
    ws["A17"] = "合并"
    ws.merge_cells("A17:C18")
    ws["H17"] = "   "
    data = saved(workbook)

    def change(xml: bytes) -> bytes:
        extra = (
            '<row r="20"><c r="A20" t="str"><f>"公"&amp;"式"</f><v>公式</v></c>'.encode()
            + b'<c r="B20"><f>1+1</f><v>2</v></c><c r="C20"><f>SUM(1,2)</f></c>'
            + '<c r="E20" t="inlineStr"><is><t>土地</t></is></c><c r="F20" t="b"><v>1</v></c>'.encode()
            + b'<c r="H20" t="str"><v></v></c></row>'
        )
        xml = xml.replace(b"</sheetData>", extra + b"</sheetData>")
        return re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1"/>', xml)

    return with_sheet_xml(data, change)


def same(value):
    """The value as parse sees it: calamine gives "" for an empty cell, whole numbers as floats and
    midnight as a date, which every cell reader treats as openpyxl's None, int and datetime."""
    if value == "" or value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date()
    return value


def grid(book, name: str) -> list[list]:
    rows = [[same(value) for value in row] for row in book.rows(name)]
    width = max(len(row) for row in rows)
    rows = [row + [None] * (width - len(row)) for row in rows]
    while rows and all(value is None for value in rows[-1]):
        rows.pop()
    return rows


@pytest.mark.parametrize("make", [tricky, lambda: saved(openpyxl.Workbook())], ids=["tricky", "empty"])
def test_calamine_and_openpyxl_read_the_same_values(make):
    data = make()
    calamine, fallback = excel_books.calamine_book(data), excel_books.openpyxl_book(data)
    try:
        assert calamine.names == fallback.names
        name = calamine.names[0]
        assert grid(calamine, name) == grid(fallback, name) if make is tricky else True
    finally:
        calamine.close()
        fallback.close()


def test_the_tricky_file_reads_as_a_person_typed_it():
    book = excel_books.calamine_book(tricky())
    rows = grid(book, "台账")
    book.close()
    assert rows[0][0] == "二〇二四年纠纷台账" and rows[1] == [None] * 8  # row numbers stay true
    assert rows[14][0] == "富文本" and rows[14][3] == datetime.date(2024, 3, 5)
    assert rows[16][:3] == ["合并", None, None] and rows[17][:3] == [None, None, None]
    assert rows[19][:3] == ["公式", 2, None]  # saved results; a formula without one is empty


def parsed_both_ways(monkeypatch, data: bytes):
    normal = parse(SHEET, data)
    monkeypatch.setattr(excel_read, "calamine_book", lambda data: None)
    fallback = parse(SHEET, data)
    monkeypatch.undo()
    return normal, fallback


def test_parse_gives_the_same_rows_and_errors_through_either_reader(monkeypatch):
    normal, fallback = parsed_both_ways(monkeypatch, tricky())
    assert normal.rows == fallback.rows and normal.errors == fallback.errors
    assert [row["_row"] for row in normal.rows] == [5, 7, 9, 11, 13, 15, 17, 20]
    first, second, third = normal.rows[:3]
    assert (first["count"], first["amount"], first["day"], first["closed"]) == (
        12, Decimal("1234.50"), datetime.date(2024, 3, 5), True,
    )  # fmt: skip
    assert (second["amount"], second["day"], second["category"], second["note"]) == (
        Decimal("0.30"), datetime.date(2024, 3, 5), "land", "多行\n文字",
    )  # fmt: skip
    assert (third["count"], third["amount"], third["note"]) == (1200, Decimal("1234.56"), "09:30:00")
    assert normal.rows[3]["note"] == "1 day, 6:00:00" and normal.rows[4]["note"] == "3.5"
    assert {str(error) for error in normal.errors} >= {
        "第11行「件数」：不能为负数；现在是「-3」，请填写0或正数"
    }


def test_error_rows_and_columns_are_the_same_when_the_table_starts_further_in(monkeypatch):
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = "台账"
    for index, header in enumerate(HEADERS, start=3):  # from column C, row 4
        ws.cell(row=4, column=index, value=header)
    ws.cell(row=6, column=3, value="张三")
    ws.cell(row=6, column=4, value="十二")
    ws.cell(row=7, column=4, value=3)
    normal, fallback = parsed_both_ways(monkeypatch, saved(workbook))
    assert normal.errors == fallback.errors
    assert [str(error) for error in normal.errors] == [
        "第6行「件数」：应填写整数（如 12），不能带小数或文字；现在是「十二」",
        "第7行「名称」：必填，不能为空；请补充后重新上传",
    ]


def test_a_sheet_too_sparse_for_a_grid_is_streamed_by_openpyxl(monkeypatch):
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = "台账"
    ws.append(HEADERS)
    ws.append(["张三"])
    ws["ZZ5000"] = "远处的单元格"
    data = saved(workbook)
    monkeypatch.setattr(excel_read, "MAX_DENSE_CELLS", 1_000_000)  # 5,000 rows × 702 columns is more

    def refused(data):
        raise AssertionError("calamine would hold 3.5 million cells")

    monkeypatch.setattr(excel_read, "calamine_book", refused)
    result = parse(SHEET, data)
    assert result.ok and [row["name"] for row in result.rows] == ["张三"]


def test_a_sheet_calamine_cannot_read_is_read_by_openpyxl(monkeypatch):
    workbook = openpyxl.Workbook()
    workbook.active.title = "台账"
    workbook.active.append(HEADERS)
    workbook.active.append(["张三", 2])
    data = saved(workbook)

    class Refusing:
        def __init__(self, real):
            self.real = real
            self.sheets_metadata = real.sheets_metadata

        def get_sheet_by_name(self, name):
            raise RuntimeError("calamine 读不了")

        def close(self):
            self.real.close()

    monkeypatch.setattr(
        excel_read,
        "calamine_book",
        lambda data: excel_books._CalamineBook(
            data, Refusing(excel_books.CalamineWorkbook.from_filelike(io.BytesIO(data)))
        ),
    )
    result = parse(SHEET, data)
    assert result.ok and result.rows[0]["count"] == 2


def test_a_file_neither_reader_can_open_is_one_chinese_error_not_a_crash(monkeypatch):
    data = with_sheet_xml(saved(openpyxl.Workbook()), lambda xml: xml[: len(xml) // 2])
    result = parse(SHEET, data)
    assert len(result.errors) == 1 and result.errors[0].row == 0
    assert "损坏" in result.errors[0].message or ".xlsx" in result.errors[0].message
