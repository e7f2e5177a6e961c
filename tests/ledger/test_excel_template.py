import io

import openpyxl
import pytest

from fazhi.ledger.excel import Column, Sheet, template

SHEET = Sheet(
    "纠纷调解台账",
    (
        Column("当事人姓名", "party", required=True, max_length=20, width=12, help="填写申请人全名"),
        Column(
            "纠纷类型",
            "category",
            kind="choice",
            required=True,
            choices=(("family", "婚姻家庭"), ("neighbour", "邻里纠纷")),
        ),
        Column("受理日期", "accepted_on", kind="date", required=True, width=16),
        Column("涉及金额", "amount", kind="decimal"),
        Column("当事人数", "parties", kind="int"),
        Column("是否调解成功", "settled", kind="bool"),
        Column("身份证号码", "id_number", kind="id_number", width=22),
        Column("联系电话", "phone", kind="phone"),
    ),
)


def open_template(sheet=SHEET):
    return openpyxl.load_workbook(io.BytesIO(template(sheet)))


def validations_by_column(worksheet):
    found = {}
    for validation in worksheet.data_validations.dataValidation:
        for cell_range in validation.sqref.ranges:
            found[cell_range.coord.split(":")[0].rstrip("0123456789")] = validation
    return found


def test_header_row_is_bold_frozen_and_sized():
    worksheet = open_template()["纠纷调解台账"]
    headers = [cell.value for cell in worksheet[1]]
    assert headers == [c.header for c in SHEET.columns]
    assert all(cell.font.b for cell in worksheet[1])
    assert worksheet.freeze_panes == "A2"
    assert worksheet.column_dimensions["A"].width == 12
    assert worksheet.column_dimensions["G"].width == 22


def test_required_headers_are_marked_red_and_commented():
    worksheet = open_template()["纠纷调解台账"]
    party, amount = worksheet["A1"], worksheet["D1"]
    assert party.font.color.rgb.endswith("C00000")
    assert amount.font.color is None or not amount.font.color.rgb.endswith("C00000")
    assert "必填" in party.comment.text and "填写申请人全名" in party.comment.text
    assert "选填" in amount.comment.text


def test_choice_and_bool_columns_have_drop_down_lists_of_labels():
    validations = validations_by_column(open_template()["纠纷调解台账"])
    assert validations["B"].type == "list"
    assert validations["B"].formula1 == '"婚姻家庭,邻里纠纷"'
    assert validations["F"].formula1 == '"是,否"'
    assert str(validations["B"].sqref) == "B2:B1048576"
    assert validations["B"].showErrorMessage
    assert "A" not in validations


def test_date_column_is_formatted_as_date_and_id_column_as_text():
    worksheet = open_template()["纠纷调解台账"]
    assert worksheet.column_dimensions["C"].number_format == "yyyy-mm-dd"
    assert worksheet.column_dimensions["G"].number_format == "@"
    assert worksheet.column_dimensions["H"].number_format == "@"


def test_instructions_sheet_lists_every_column():
    workbook = open_template()
    assert workbook.sheetnames[:2] == ["纠纷调解台账", "填写说明"]
    rows = list(workbook["填写说明"].iter_rows(values_only=True))
    table = {row[0]: row for row in rows[4:]}
    assert list(table) == [c.header for c in SHEET.columns]
    assert table["当事人姓名"][1] == "必填"
    assert "最多 20 个字" in table["当事人姓名"][2]
    assert table["当事人姓名"][4] == "填写申请人全名"
    assert table["涉及金额"][1] == "选填"
    assert table["纠纷类型"][3] == "婚姻家庭、邻里纠纷"
    assert table["是否调解成功"][3] == "是、否"
    assert "2024-03-05" in table["受理日期"][2]


def test_long_choice_lists_go_to_a_hidden_sheet():
    choices = tuple((f"c{i}", f"第{i}类，含逗号的较长选项名称") for i in range(30))
    sheet = Sheet("事项", (Column("类别", "kind", kind="choice", choices=choices),))
    workbook = open_template(sheet)
    assert workbook["选项"].sheet_state == "hidden"
    assert [row[0] for row in workbook["选项"].iter_rows(values_only=True)] == [label for _, label in choices]
    validation = validations_by_column(workbook["事项"])["A"]
    assert validation.formula1 == "'选项'!$A$1:$A$30"


def test_title_above_a_lower_header_row():
    sheet = Sheet("台账", (Column("名称", "name"),), header_row=3)
    worksheet = open_template(sheet)["台账"]
    assert worksheet["A1"].value == "台账"
    assert worksheet["A3"].value == "名称"
    assert worksheet.freeze_panes == "A4"


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda: Column("甲", "a", kind="money"), "类型"),
        (lambda: Column("甲", "a", kind="choice"), "choices"),
        (lambda: Column("甲", "a", choices=(("x", "X"),)), "choices"),
        (lambda: Column("甲", "_row"), "下划线"),
        (lambda: Sheet("台账", (Column("甲", "a"), Column(" 甲 ", "b"))), "重复"),
        (lambda: Sheet("台账", (Column("甲", "a"), Column("乙", "a"))), "重复"),
        (lambda: Sheet("台账/2024", (Column("甲", "a"),)), "工作表名称"),
        (lambda: Sheet("台账", ()), "没有列"),
    ],
)
def test_spec_mistakes_are_refused_when_declared(make, words):
    with pytest.raises(ValueError, match=words):
        make()


def test_sheet_column_lookup():
    assert SHEET.column("amount").kind == "decimal"
    with pytest.raises(KeyError):
        SHEET.column("nope")
