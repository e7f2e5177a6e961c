import datetime
import io
from decimal import Decimal

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fazhi.ledger.excel import Column, Sheet, export, parse

SHEET = Sheet(
    "调解台账",
    (
        Column("案件名称", "title", required=True, max_length=100),
        Column("当事人数", "parties", kind="int"),
        Column("涉及金额（元）", "amount", kind="decimal"),
        Column("受理日期", "accepted_on", kind="date", required=True),
        Column("纠纷类型", "category", kind="choice", choices=(("family", "婚姻家庭"), ("land", "土地山林"))),
        Column("是否成功", "settled", kind="bool"),
        Column("身份证号码", "id_number", kind="id_number"),
        Column("联系电话", "phone", kind="phone"),
    ),
)

ROWS = [
    {
        "title": "张某与李某邻里纠纷",
        "parties": 2,
        "amount": Decimal("12345.60"),
        "accepted_on": datetime.date(2024, 3, 5),
        "category": "family",
        "settled": True,
        "id_number": "11010519491231002X",
        "phone": "13812345678",
    },
    {
        "title": '=HYPERLINK("http://example.com")',
        "parties": 0,
        "amount": Decimal("0.05"),
        "accepted_on": datetime.date(2023, 12, 31),
        "category": "land",
        "settled": False,
        "id_number": "",
        "phone": "0571-88888888",
    },
    {
        "title": "只有必填项",
        "parties": None,
        "amount": None,
        "accepted_on": datetime.date(2000, 1, 1),
        "category": "",
        "settled": None,
        "id_number": "",
        "phone": "",
    },
]


def without_row_numbers(rows):
    return [{k: v for k, v in row.items() if k != "_row"} for row in rows]


def test_export_then_parse_gives_back_every_value_of_every_kind():
    result = parse(SHEET, export(SHEET, ROWS))
    assert result.ok, result.summary()
    assert without_row_numbers(result.rows) == ROWS
    assert [row["_row"] for row in result.rows] == [2, 3, 4]


def test_export_writes_labels_real_dates_and_numbers():
    worksheet = openpyxl.load_workbook(io.BytesIO(export(SHEET, ROWS)))["调解台账"]
    assert [c.value for c in worksheet[1]] == [c.header for c in SHEET.columns]
    assert all(c.font.b for c in worksheet[1])
    assert worksheet.freeze_panes == "A2"
    first = worksheet[2]
    assert first[4].value == "婚姻家庭"
    assert first[5].value == "是"
    assert first[3].value == datetime.datetime(2024, 3, 5)
    assert first[3].number_format == "yyyy-mm-dd"
    assert first[2].value == 12345.6
    assert first[2].number_format == "0.00"
    assert worksheet["B3"].value == 0


def test_text_starting_with_equals_is_exported_as_text_not_a_formula():
    worksheet = openpyxl.load_workbook(io.BytesIO(export(SHEET, ROWS)))["调解台账"]
    cell = worksheet["A3"]
    assert cell.data_type == "s"
    assert cell.value == ROWS[1]["title"]


def test_masked_values_are_written_as_given():
    masked = dict(ROWS[0], id_number="**************002X", phone="*******5678")
    worksheet = openpyxl.load_workbook(io.BytesIO(export(SHEET, [masked])))["调解台账"]
    assert worksheet["G2"].value == "**************002X"
    assert worksheet["H2"].value == "*******5678"


def test_unknown_codes_missing_keys_and_control_characters_do_not_break_export():
    rows = [
        {
            "title": "含\x07控制符",
            "category": "retired-code",
            "accepted_on": datetime.datetime(2024, 1, 2, 9, 30),
        }
    ]
    worksheet = openpyxl.load_workbook(io.BytesIO(export(SHEET, rows)))["调解台账"]
    assert worksheet["A2"].value == "含控制符"
    assert worksheet["E2"].value == "retired-code"
    assert worksheet["D2"].value == datetime.datetime(2024, 1, 2)


def test_export_streams_from_a_generator():
    rows = (
        {"title": f"案件{i}", "accepted_on": datetime.date(2024, 1, 1), "parties": i} for i in range(2000)
    )
    result = parse(SHEET, export(SHEET, rows))
    assert result.ok
    assert len(result.rows) == 2000
    assert result.rows[-1]["parties"] == 1999
    assert result.rows[-1]["_row"] == 2001


def test_export_with_a_title_row_round_trips():
    sheet = Sheet("台账", SHEET.columns, header_row=2)
    content = export(sheet, ROWS)
    worksheet = openpyxl.load_workbook(io.BytesIO(content))["台账"]
    assert worksheet["A1"].value == "台账"
    assert worksheet["A2"].value == "案件名称"
    result = parse(sheet, content)
    assert without_row_numbers(result.rows) == ROWS
    assert result.rows[0]["_row"] == 3


# --- random content never makes parse raise --------------------------------------------------------

cell_values = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.sampled_from(
        ["是", "否", "婚姻家庭", "2024-02-30", "2024年3月5日", "12.5", "1,234元", "11010519491231002X", "="]
    ),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=datetime.date(1900, 3, 1)),
    st.datetimes(min_value=datetime.datetime(1900, 3, 1)),
)


def workbook_bytes(header, rows) -> bytes:
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    for row in [header, *rows]:
        cells = []
        for value in row:
            if isinstance(value, str):
                # openpyxl refuses control characters itself; a real file cannot hold them either.
                value = "".join(ch for ch in value if ch.isprintable() or ch in "\t\n")
            cells.append(value)
        worksheet.append(cells)
    for row in worksheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.one_of(
        st.permutations([c.header for c in SHEET.columns]),
        st.lists(st.one_of(st.sampled_from([c.header for c in SHEET.columns]), cell_values), max_size=12),
    ),
    rows=st.lists(st.lists(cell_values, min_size=0, max_size=10), max_size=8),
)
def test_random_cells_never_make_parse_raise(header, rows):
    result = parse(SHEET, workbook_bytes(header, rows))
    for error in result.errors:
        assert error.message
        assert error.row >= 0
    for row in result.rows:
        assert set(row) == {c.key for c in SHEET.columns} | {"_row"}
    if result.ok:
        assert all(row["title"] and row["accepted_on"] for row in result.rows)


@settings(max_examples=60, deadline=None)
@given(content=st.binary(max_size=2000))
def test_random_bytes_never_make_parse_raise(content):
    result = parse(SHEET, content)
    assert len(result.errors) == 1
    assert result.errors[0].row == 0
