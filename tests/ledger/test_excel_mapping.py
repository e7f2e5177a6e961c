"""An office's own dispute sheet imported as it is: columns suggested from its headers, confirmed once,
remembered for the layout, previewed, imported all or nothing with problems named by the office's columns."""

import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.audit.models import Action, AuditEntry
from fazhi.disputes.columns import dispute_sheet
from fazhi.disputes.models import Dispute
from fazhi.ledger.excel_mapping import needs_mapping, read_office_sheet, suggest
from fazhi.ledger.models import ImportLayout

HEADERS = [
    "序号",
    "登记日期",
    "单位",
    "当事人",
    "矛盾纠纷简要情况",
    "纠纷类别",
    "化解时限",
    "化解情况",
    "销号情况",
]


def office_sheet(rows, title="2024年矛盾纠纷排查化解台账") -> bytes:
    """A sheet as an office keeps it: a title row above the headers, dates typed every which way."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "台账"
    sheet.append([title])
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


ROWS = [
    [
        1,
        "2024.3.5",
        "甲街道一社区调委会",
        "张三",
        "楼上漏水致楼下吊顶受损",
        "邻里",
        "一个月",
        "已调解",
        "已销号",
    ],
    [2, "2024年3月6日", "甲一调", "李四", "宠物扰民", "邻里", "", "", ""],
    [3, datetime.datetime(2024, 3, 7), "a-sq-tw", "王五", "装修噪音", "邻里", "", "", ""],
]


@pytest.fixture
def office(tree, person):
    return person("fzb", "office", tree["a"], full_name="周法治")


def upload(client, data, name="排查台账.xlsx"):
    return client.post("/disputes/excel/import/", {"file": SimpleUploadedFile(name, data)})


def confirm(client, location, **fixed):
    """The mapping page's form as suggested, with values for every row where given."""
    page = client.get(location)
    form = page.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data |= {f"fixed_{key}": value for key, value in fixed.items()}
    return client.post(location, data)


def test_the_headers_are_suggested_from_their_names(db):
    suggested = suggest(dispute_sheet(), HEADERS)
    assert [suggested[i] for i in range(len(HEADERS))] == [
        "seq", "received_on", "org", "applicant", "summary", "dispute_type", "", "result", "",
    ]  # fmt: skip


def test_an_office_sheet_needs_mapping_and_the_template_does_not(office, client):
    from fazhi.ledger.excel_write import template

    data = office_sheet(ROWS)
    assert needs_mapping(dispute_sheet(), data)
    assert read_office_sheet(data).header_row == 2
    assert not needs_mapping(dispute_sheet(), template(dispute_sheet()))


def test_mapped_once_then_the_same_layout_imports_without_asking(office, client, tree):
    client.force_login(office)
    response = upload(client, office_sheet(ROWS))
    assert response.status_code == 302 and "/excel/map/" in response["Location"]
    mapping = response["Location"]
    refused = confirm(client, mapping)  # 来源渠道 is required and the sheet has none
    assert refused.status_code == 200 and "必填的“来源渠道”没有对应的列" in refused.content.decode()

    preview = confirm(client, mapping, channel="网格上报")
    assert preview.status_code == 302 and preview["Location"].endswith("/preview/")
    html = client.get(preview["Location"]).content.decode()
    assert "共 3 行" in html and "2024年3月5日" in html and "网格上报" in html
    assert not Dispute.objects.exists()  # the preview saves nothing

    done = client.post(preview["Location"])
    assert done.status_code == 302 and done["Location"] == "/disputes/"
    assert Dispute.objects.count() == 3
    assert set(Dispute.objects.values_list("org__code", flat=True)) == {"a-sq-tw"}  # name, short name, code
    assert sorted(Dispute.objects.values_list("received_on", flat=True))[0] == datetime.date(2024, 3, 5)
    layout = ImportLayout.objects.get()
    assert layout.org == tree["a"] and layout.columns["fixed"] == {"channel": "网格上报"}
    assert AuditEntry.objects.filter(target_type="ledger.importlayout").exists()
    imported = AuditEntry.objects.filter(action=Action.IMPORT).values_list("target_repr", "changes")
    assert "排查台账.xlsx" in str(list(imported))  # the office's own file named in the audit trail

    # Next month's sheet, same layout: straight to the preview, no question asked.
    again = upload(client, office_sheet([[1, "2024-04-01", "甲一调", "赵六", "邻里噪音", "邻里"]]))
    assert again["Location"].endswith("/preview/")
    client.post(again["Location"])
    assert Dispute.objects.count() == 4


def test_a_bad_cell_is_named_by_the_offices_column_and_nothing_is_imported(office, client):
    client.force_login(office)
    rows = [*ROWS, [4, "2024年13月40日", "甲一调", "钱七", "借款纠纷", "邻里"]]
    mapping = upload(client, office_sheet(rows))["Location"]
    preview = confirm(client, mapping, channel="网格上报")["Location"]
    html = client.get(preview).content.decode()
    assert "第6行" in html and "登记日期（对应“受理日期”）" in html
    assert "导入全部" not in html
    client.post(preview)
    assert not Dispute.objects.exists()


def test_another_persons_upload_cannot_be_opened(office, client, person, tree):
    client.force_login(office)
    mapping = upload(client, office_sheet(ROWS))["Location"]
    client.force_login(person("other", "office", tree["a"]))
    assert client.get(mapping).status_code == 404
    assert client.get("/disputes/excel/map/not-a-token/").status_code == 404


def test_the_person_responsible_goes_to_the_disputes_handler(db):
    headers = ["序号", "责任单位", "责任人", "矛盾纠纷简要情况"]
    assert suggest(dispute_sheet(), headers) == {0: "seq", 1: "org", 2: "handler", 3: "summary"}
