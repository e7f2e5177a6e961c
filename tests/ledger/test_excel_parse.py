import datetime
import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest

from fazhi.ledger import excel_read
from fazhi.ledger.excel import CellError, Column, ParseResult, Sheet, export, parse, template

VALID_ID = "11010519491231002X"

SHEET = Sheet(
    "台账",
    (
        Column("姓名", "name", required=True, max_length=4),
        Column("件数", "count", kind="int"),
        Column("金额", "amount", kind="decimal"),
        Column("日期", "day", kind="date"),
        Column("类型", "category", kind="choice", choices=(("family", "婚姻家庭"), ("land", "土地"))),
        Column("已结", "closed", kind="bool"),
        Column("身份证号码", "id_number", kind="id_number"),
        Column("电话", "phone", kind="phone"),
    ),
)
HEADERS = [c.header for c in SHEET.columns]


def xlsx(*rows, title="台账") -> bytes:
    """A workbook as a user's Excel would save it: plain cells, whatever types they typed."""
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = title
    for row in rows:
        worksheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def one(column_key, value):
    """Parse a single non-empty row where only ``column_key`` varies (name filled, as required)."""
    row = {h: None for h in HEADERS}
    row["姓名"] = "张三"
    row[SHEET.column(column_key).header] = value
    return parse(SHEET, xlsx(HEADERS, list(row.values())))


def only_error(result: ParseResult) -> CellError:
    assert len(result.errors) == 1, result.summary()
    return result.errors[0]


# --- conversions that succeed --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("count", 12, 12),
        ("count", 12.0, 12),
        ("count", "12", 12),
        ("count", " １２ ", 12),
        ("count", "1,200", 1200),
        ("amount", 1234.5, Decimal("1234.50")),
        ("amount", 0.1 + 0.2, Decimal("0.30")),
        ("amount", "1,234.56元", Decimal("1234.56")),
        ("amount", "￥88", Decimal("88.00")),
        ("amount", 7, Decimal("7.00")),
        ("day", datetime.datetime(2024, 3, 5, 0, 0), datetime.date(2024, 3, 5)),
        ("day", datetime.date(2024, 3, 5), datetime.date(2024, 3, 5)),
        ("day", "2024-03-05", datetime.date(2024, 3, 5)),
        ("day", "2024/3/5", datetime.date(2024, 3, 5)),
        ("day", "2024年3月5日", datetime.date(2024, 3, 5)),
        ("day", "20240305", datetime.date(2024, 3, 5)),
        ("day", 20240305, datetime.date(2024, 3, 5)),
        ("day", 45356, datetime.date(2024, 3, 5)),
        ("day", "2024-03-05 14:30:00", datetime.date(2024, 3, 5)),
        ("day", "２０２４年３月５日", datetime.date(2024, 3, 5)),
        ("category", "婚姻家庭", "family"),
        ("category", " 土 地 ", "land"),
        ("category", "family", "family"),
        ("closed", "是", True),
        ("closed", "否", False),
        ("closed", "Y", True),
        ("closed", "n", False),
        ("closed", 1, True),
        ("closed", 0, False),
        ("closed", "TRUE", True),
        ("closed", "false", False),
        ("closed", True, True),
        ("id_number", "11010519491231002x", VALID_ID),
        ("id_number", " 110105 19491231 002X ", VALID_ID),
        ("phone", "138 1234 5678", "13812345678"),
        ("phone", 13812345678, "13812345678"),
        ("phone", "057188888888", "0571-88888888"),
        ("name", "  李四\u3000", "李四"),
        ("name", 2024, "2024"),
    ],
)
def test_cells_are_converted(key, value, expected):
    result = one(key, value)
    assert result.ok, result.summary()
    assert result.rows[0][key] == expected
    assert type(result.rows[0][key]) is type(expected)


def test_empty_optional_cells_become_blank_values_and_rows_carry_their_number():
    result = parse(SHEET, xlsx(HEADERS, ["张三"]))
    assert result.rows == [
        {
            "name": "张三",
            "count": None,
            "amount": None,
            "day": None,
            "category": "",
            "closed": None,
            "id_number": "",
            "phone": "",
            "_row": 2,
        }
    ]


# --- conversions that fail -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("count", "12.5", "整数"),
        ("count", 12.5, "整数"),
        ("count", "十二", "整数"),
        ("count", True, "整数"),
        ("amount", "1.234", "两位小数"),
        ("amount", 1.005001, "两位小数"),
        ("amount", "一百元", "应填写数字"),
        ("amount", "1e30", "应填写数字"),
        ("amount", 1e20, "数值过大"),
        ("day", "2024-02-30", "不存在"),
        ("day", "下周一", "无法识别的日期"),
        ("day", "1850-01-01", "年份"),
        ("day", datetime.time(9, 30), "无法识别的日期"),
        ("day", 5, "无法识别的日期"),
        ("day", "2024-3", "无法识别的日期"),
        ("category", "房屋", "婚姻家庭、土地"),
        ("closed", "也许", "“是”或“否”"),
        ("closed", 2, "“是”或“否”"),
        ("id_number", "123", "18位"),
        ("id_number", "110105194912310021", "校验位"),
        ("id_number", "110105194913310029", "出生日期"),
        ("id_number", 4.40301199001011e17, "文本"),
        ("phone", "12345", "电话号码格式不正确"),
        ("name", "欧阳大大明", "最多 4 个字"),
    ],
)
def test_bad_cells_name_row_column_and_fix(key, value, words):
    error = only_error(one(key, value))
    assert error.row == 2
    assert error.column == SHEET.column(key).header
    assert words in error.message


def test_every_error_is_collected_not_just_the_first():
    content = xlsx(
        HEADERS,
        ["张三", "x", "1.234", "2024-13-01", "房屋", "也许", "123", "1"],
        [None, 3],
        ["王五", 1, 2, "2024-01-02", "土地", "否", VALID_ID, "13812345678"],
    )
    result = parse(SHEET, content)
    assert not result.ok
    assert [(e.row, e.column) for e in result.errors] == [(2, h) for h in HEADERS[1:]] + [(3, "姓名")]
    assert "必填" in result.errors[-1].message
    # Good rows and bad rows alike come back, so a preview can show them all.
    assert [row["_row"] for row in result.rows] == [2, 3, 4]
    assert result.rows[2]["category"] == "land"


def test_summary_lists_every_error_in_chinese():
    result = parse(SHEET, xlsx(HEADERS, ["张三", "x"], ["李四", None, "abc"]))
    lines = result.summary().splitlines()
    assert lines[0] == "发现 2 处问题，请修改后重新上传："
    assert lines[1].startswith("第2行「件数」：应填写整数")
    assert lines[2].startswith("第3行「金额」：应填写数字")
    shortened = result.summary(limit=1).splitlines()
    assert shortened[-1] == "……另有 1 处问题未列出。"
    assert parse(SHEET, xlsx(HEADERS, ["张三"])).summary() == "共 1 行数据，全部检查通过。"


# --- headers -------------------------------------------------------------------------------------


def test_columns_are_matched_by_header_in_any_order_with_spaces_and_unknown_columns():
    content = xlsx(["备注", " 金额 ", "\u3000姓名", "类\n型", "姓名以外"], ["随便", "5", "张三", "土地", "x"])
    result = parse(SHEET, content)
    assert result.ok, result.summary()
    row = result.rows[0]
    assert (row["name"], row["amount"], row["category"]) == ("张三", Decimal("5.00"), "land")
    assert "备注" not in row


def test_full_width_characters_and_required_marks_in_headers_are_tolerated():
    sheet = Sheet("台账", (Column("金额（元）", "amount", kind="decimal", required=True),))
    result = parse(sheet, xlsx(["金额(元)*"], [3]))
    assert result.ok, result.summary()
    assert result.rows[0]["amount"] == Decimal("3.00")


def test_missing_required_columns_are_one_error_naming_them():
    sheet = Sheet(
        "台账",
        (
            Column("姓名", "name", required=True),
            Column("日期", "day", kind="date", required=True),
            Column("备注", "note"),
            Column("金额", "amount", kind="decimal"),
        ),
    )
    result = parse(sheet, xlsx(["金额", "备注"], [1, "x"]))
    error = only_error(result)
    assert (error.row, error.column) == (1, "")
    assert "「姓名」" in error.message and "「日期」" in error.message
    assert "备注" not in error.message
    assert result.rows == []


def test_a_column_given_twice_is_an_error():
    result = parse(SHEET, xlsx(["姓名", "件数", "姓名"], ["张三", 1, "李四"]))
    error = only_error(result)
    assert (error.row, error.column) == (1, "姓名")
    assert "不止一次" in error.message


def test_no_header_at_all():
    error = only_error(parse(SHEET, xlsx(["甲", "乙"], [1, 2])))
    assert error.row == 0
    assert "找不到表头" in error.message


def test_a_title_line_above_the_header_is_tolerated():
    result = parse(SHEET, xlsx(["2024年度台账"], [], HEADERS, ["张三", 2]))
    assert result.ok, result.summary()
    assert result.rows[0]["_row"] == 4
    assert result.rows[0]["count"] == 2


def test_declared_header_row_is_used():
    sheet = Sheet("台账", (Column("姓名", "name", required=True),), header_row=2)
    result = parse(sheet, xlsx(["台账"], ["姓名"], ["张三"], ["李四"]))
    assert [(r["_row"], r["name"]) for r in result.rows] == [(3, "张三"), (4, "李四")]


def test_worksheet_is_found_by_title_else_the_first_one():
    workbook = openpyxl.Workbook()
    workbook.active.title = "说明"
    workbook.active.append(["这是别的内容"])
    data = workbook.create_sheet("台账")
    data.append(["姓名"])
    data.append(["张三"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert parse(SHEET, buffer.getvalue()).rows[0]["name"] == "张三"
    renamed = parse(SHEET, xlsx(HEADERS, ["李四"], title="Sheet1"))
    assert renamed.rows[0]["name"] == "李四"


# --- rows ----------------------------------------------------------------------------------------


def test_completely_empty_rows_are_skipped_and_row_numbers_stay_true():
    content = xlsx(HEADERS, ["张三"], [], [None, " ", "\u3000"], ["李四", "x"])
    result = parse(SHEET, content)
    assert [row["_row"] for row in result.rows] == [2, 5]
    assert [(e.row, e.column) for e in result.errors] == [(5, "件数")]


def test_header_only_file_says_there_is_no_data():
    error = only_error(parse(SHEET, template(SHEET)))
    assert error.row == 0
    assert "没有数据行" in error.message


def test_files_over_the_row_cap_are_refused(monkeypatch):
    monkeypatch.setattr(excel_read, "MAX_ROWS", 3)
    error = only_error(parse(SHEET, xlsx(HEADERS, *[[f"人{i}"] for i in range(4)])))
    assert error.row == 0
    assert "超过 3 行" in error.message and "分批" in error.message
    assert parse(SHEET, xlsx(HEADERS, *[[f"人{i}"] for i in range(3)])).ok


def test_formula_cells_give_their_computed_value():
    workbook = openpyxl.Workbook()
    workbook.active.append(["姓名", "件数"])
    workbook.active.append(["张三", "=1+1"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    # openpyxl stores no computed value; Excel would. Either way the formula text is not taken as data.
    result = parse(SHEET, buffer.getvalue())
    assert result.ok
    assert result.rows[0]["count"] is None


# --- files that are not usable -------------------------------------------------------------------


def truncated_zip() -> bytes:
    content = export(SHEET, [{"name": "张三"}] * 50)
    return content[: len(content) // 2]


def damaged_sheet_xml() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(export(SHEET, [{"name": "张三"}] * 5)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = data[: len(data) // 2]
            target.writestr(item, data)
    return buffer.getvalue()


def other_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def empty_workbook() -> bytes:
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "文件是空的"),
        ("姓名,电话\n张三,138".encode("gbk"), ".xlsx"),
        (b"%PDF-1.7 not a spreadsheet", ".xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "密码"),
        (truncated_zip(), ".xlsx"),
        (damaged_sheet_xml(), "损坏"),
        (empty_workbook(), "空的"),
        (other_zip(), ".xlsx"),
    ],
    ids=["empty", "csv", "pdf", "xls-or-encrypted", "truncated-zip", "damaged-xml", "empty-workbook", "docx"],
)
def test_unusable_files_give_one_clear_error(content, words):
    result = parse(SHEET, content)
    error = only_error(result)
    assert (error.row, error.column) == (0, "")
    assert words in error.message
    assert result.rows == []
    assert result.summary().splitlines()[1] == error.message


def test_file_objects_are_read_from_the_start_and_paths_are_accepted(tmp_path):
    upload = io.BytesIO(xlsx(HEADERS, ["张三"]))
    upload.read(10)
    assert parse(SHEET, upload).rows[0]["name"] == "张三"
    path = tmp_path / "台账.xlsx"
    path.write_bytes(xlsx(HEADERS, ["李四"]))
    assert parse(SHEET, path).rows[0]["name"] == "李四"
    assert parse(SHEET, str(path)).rows[0]["name"] == "李四"


@pytest.mark.parametrize("limit", ["MAX_BYTES", "MAX_UNPACKED_BYTES"])
def test_oversized_files_are_refused_before_reading(monkeypatch, limit):
    content = xlsx(HEADERS, *[["张三"]] * 100)
    monkeypatch.setattr(excel_read, limit, 2000)
    error = only_error(parse(SHEET, content))
    assert error.row == 0
    assert "文件过大" in error.message


def test_rows_beyond_excels_last_row_mean_a_forged_file(monkeypatch):
    monkeypatch.setattr(excel_read, "LAST_EXCEL_ROW", 4)
    assert parse(SHEET, xlsx(HEADERS, ["张三"], ["李四"], ["王五"])).ok
    error = only_error(parse(SHEET, xlsx(HEADERS, ["张三"], ["李四"], ["王五"], ["赵六"])))
    assert "损坏" in error.message


def test_django_choices_keep_their_code_type_and_lazy_labels():
    from django.db import models
    from django.utils.translation import gettext_lazy

    class Level(models.IntegerChoices):
        LOW = 1, gettext_lazy("一般")
        HIGH = 2, gettext_lazy("重大")

    sheet = Sheet(
        "台账",
        (
            Column("姓名", "name", required=True),
            Column("等级", "level", kind="choice", choices=Level.choices),
        ),
    )
    result = parse(sheet, xlsx(["姓名", "等级"], ["张三", "重大"], ["李四", 1], ["王五"]))
    assert result.ok, result.summary()
    assert [row["level"] for row in result.rows] == [2, 1, None]
    round_trip = parse(sheet, export(sheet, result.rows))
    assert [row["level"] for row in round_trip.rows] == [2, 1, None]
    assert openpyxl.load_workbook(io.BytesIO(export(sheet, result.rows))).active["B2"].value == "重大"
