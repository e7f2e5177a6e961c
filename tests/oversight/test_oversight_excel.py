import datetime
import io
import re

import pytest
from openpyxl import load_workbook

from fazhi.audit.models import Action, AuditEntry
from fazhi.ledger.excel import parse
from fazhi.ledger.models import NumberSequence
from fazhi.oversight import services
from fazhi.oversight.columns import SUGGESTION_SHEET
from fazhi.oversight.importing import import_suggestions
from fazhi.oversight.models import KIND_SPECIFIC, Suggestion

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date


def fields_of(s: Suggestion) -> tuple:
    return (
        s.org.code, s.kind, s.issuer, s.letter_number, s.received_on, s.content, s.letter_reply_due,
        s.reply_due, s.due_date, s.replied_on, s.reply_text, s.status,
    )  # fmt: skip


def make_records(actor, tree):
    judicial = services.receive_suggestion(
        actor, org=tree["a"], kind="judicial", issuer="区法院", letter_number="（2024）司建1号",
        received_on=D(2024, 4, 8), content="规范告知", reply_due=D(2024, 5, 8),
    )  # fmt: skip
    services.reply_suggestion(
        actor, judicial, judicial.version, replied_on=D(2024, 5, 2), reply_text="已整改"
    )
    services.receive_suggestion(
        actor,
        org=tree["a"],
        kind="procuratorate",
        issuer="区检察院",
        received_on=D(2024, 8, 2),
        content="=监管",
    )


def test_round_trip_into_an_empty_database(client, tree, person):
    actor = person("office_a", "office", tree["a"])
    make_records(actor, tree)
    client.force_login(actor)
    response = client.get("/oversight/excel/export/")
    assert response.status_code == 200
    assert AuditEntry.objects.filter(action=Action.EXPORT, target_type="oversight.suggestion").count() == 1
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert "2024-10-08" in [cell.value for cell in sheet[SUGGESTION_SHEET.header_row + 2]]  # the rule's date
    before = sorted(fields_of(s) for s in Suggestion.objects.all())

    Suggestion.objects.all().delete()
    NumberSequence.objects.all().delete()
    upload = io.BytesIO(response.content)
    upload.name = "oversight.xlsx"
    page = client.post("/oversight/excel/import/", {"file": upload})
    assert page.status_code == 302, page.content.decode()[:3000]
    assert sorted(fields_of(s) for s in Suggestion.objects.all()) == before
    assert AuditEntry.objects.filter(action=Action.IMPORT, target_type="oversight.suggestion").count() == 1


def test_import_lists_every_problem_and_writes_nothing(tree, person):
    actor = person("office_a", "office", tree["a"])
    rows = [
        {"_row": 3, "kind": "judicial", "org": "b", "issuer": "区法院", "received_on": D(2024, 4, 8), "content": "x"},
        {"_row": 4, "kind": "judicial", "org": "a", "issuer": "区法院", "received_on": D(2024, 4, 8), "content": "x",
         "replied_on": D(2024, 4, 1), "reply_text": "已整改"},
        {"_row": 5, "kind": "procuratorate", "org": "a", "issuer": "区检察院", "received_on": D(2024, 4, 8),
         "content": "x", "reply_text": "已整改"},
    ]  # fmt: skip
    result = import_suggestions(actor, rows)
    problems = {(e.row, e.column) for e in result.errors}
    assert problems == {(3, "承办单位"), (4, "回复日期"), (5, "回复日期")}
    assert not Suggestion.objects.exists()


def test_the_template_parses_back_empty(client, tree, person):
    client.force_login(person("office_a", "office", tree["a"]))
    response = client.get("/oversight/excel/template/")
    upload = io.BytesIO(response.content)
    upload.name = "t.xlsx"
    assert parse(SUGGESTION_SHEET, upload).rows == []


# --- every kind, with its own columns ----------------------------------------------------------------------

COMMON = {"org": "a", "issuer": "来文机关", "received_on": D(2024, 3, 1), "content": "事项内容"}
# one good row per kind: its own columns filled, and what the record then holds
KIND_ROWS = {
    "npc": ({"level": "district", "role": "lead", "proposer": "王某某", "proposer_phone": "13800138000",
             "complex_case": True}, {"level": "district", "role": "lead", "proposer": "王某某",
                                      "proposer_phone": "13800138000", "complex_case": True}, D(2024, 9, 2)),
    "cppcc": ({"level": "city", "role": "assist", "proposer": "李委员"},
              {"level": "city", "role": "assist", "proposer": "李委员", "complex_case": False}, D(2024, 6, 3)),
    "procuratorate": ({"public_interest": True, "urgent": True},
                      {"public_interest": True, "urgent": True}, D(2024, 3, 18)),
    "judicial": ({}, {}, D(2024, 5, 6)),
    "supervision": ({"supervision_kind": "key_task", "letter_reply_due": D(2024, 3, 30)},
                    {"supervision_kind": "key_task"}, D(2024, 3, 30)),
    "audit": ({"audit_kind": "transition", "audited_entity": "甲股份合作公司", "findings_count": 5,
               "recommendations_count": 3},
              {"audit_kind": "transition", "audited_entity": "甲股份合作公司", "findings_count": 5,
               "recommendations_count": 3}, None),
    "inspection": ({"letter_reply_due": D(2024, 4, 1)}, {}, D(2024, 4, 1)),
}  # fmt: skip


@pytest.mark.parametrize("kind", list(KIND_ROWS))
def test_each_kind_imports_with_its_own_columns(tree, person, kind):
    actor = person("office_a", "office", tree["a"])
    cells, held, due = KIND_ROWS[kind]
    result = import_suggestions(actor, [{"_row": 3, "kind": kind, **COMMON, **cells}])
    assert result.ok, [str(e) for e in result.errors]
    item = Suggestion.objects.get()
    assert item.kind == kind and item.reply_due == due and item.status == "waiting"
    assert {name: getattr(item, name) for name in held} == held


@pytest.mark.parametrize(
    ("kind", "cells", "expected"),
    [
        ("npc", {"role": "lead"}, {("级别", "人大代表建议须填写“级别”"), ("代表（委员）", "人大代表建议须填写“代表（委员）”")}),
        ("cppcc", {"level": "city", "role": "lead", "proposer": "李委员", "audit_kind": "tenure"},
         {("审计类别", "“审计类别”不适用于政协提案，请留空")}),
        ("procuratorate", {"urgent": True},
         {("紧急情形（损害继续扩大）", "紧急情形仅适用于公益诉讼诉前检察建议，请在“公益诉讼诉前检察建议”列填“是”")}),
        ("judicial", {"proposer": "王某某"}, {("代表（委员）", "“代表（委员）”不适用于司法建议书，请留空")}),
        ("supervision", {}, {("督办类别", "上级督办督查须填写“督办类别”")}),
        ("audit", {"audit_kind": "tenure"}, {("被审计单位", "审计整改须填写“被审计单位”")}),
        ("inspection", {"public_interest": True},
         {("公益诉讼诉前检察建议", "“公益诉讼诉前检察建议”不适用于法治督察反馈，请留空")}),
    ],
)  # fmt: skip
def test_a_bad_row_of_each_kind_names_its_cells_and_writes_nothing(tree, person, kind, cells, expected):
    actor = person("office_a", "office", tree["a"])
    good = {"_row": 3, "kind": "judicial", **COMMON}
    result = import_suggestions(actor, [good, {"_row": 4, "kind": kind, **COMMON, **cells}])
    assert {(e.row, e.column, e.message) for e in result.errors} == {(4, *pair) for pair in expected}
    assert not Suggestion.objects.exists()


def _upload(content: bytes, name: str = "oversight.xlsx") -> io.BytesIO:
    upload = io.BytesIO(content)
    upload.name = name
    return upload


def test_every_kind_round_trips_through_the_file(client, tree, person):
    actor = person("handler_a", "handler", tree["a"])  # sees the deputy's phone in full, so it goes back
    for kind, (cells, _, _) in KIND_ROWS.items():
        fields = {**COMMON, **cells, "org": tree["a"]}
        due = fields.pop("letter_reply_due", None)
        services.receive_suggestion(actor, kind=kind, reply_due=due, **fields)
    client.force_login(actor)
    exported = client.get("/oversight/excel/export/").content

    def held():
        return sorted(
            (*fields_of(s), *(getattr(s, name) for name in KIND_SPECIFIC)) for s in Suggestion.objects.all()
        )

    before = held()
    Suggestion.objects.all().delete()
    NumberSequence.objects.all().delete()
    page = client.post("/oversight/excel/import/", {"file": _upload(exported)})
    assert page.status_code == 302, page.content.decode()[:3000]
    assert held() == before and len(before) == len(KIND_ROWS)


def test_a_bad_file_names_every_bad_cell_in_chinese_and_writes_nothing(client, tree, person):
    actor = person("office_a", "office", tree["a"])
    client.force_login(actor)
    sheet = load_workbook(io.BytesIO(client.get("/oversight/excel/template/").content)).active
    headers = [cell.value for cell in sheet[SUGGESTION_SHEET.header_row]]
    assert {"级别", "办理类型", "督办类别", "审计类别", "被审计单位", "紧急情形（损害继续扩大）"} <= set(
        headers
    )

    def row(**cells):
        line = [None] * len(headers)
        for key, value in cells.items():
            line[headers.index(SUGGESTION_SHEET.column(key).header)] = value
        return line

    base = {"org": "a", "issuer": "区人大", "received_on": "2024-03-01", "content": "建议"}
    sheet.append(row(kind="人大代表建议", level="市级", role="主办", proposer="王某某", **base))  # good
    sheet.append(
        row(kind="人大代表建议", level="省级", role="主办", proposer="王某某", **base)
    )  # no such level
    sheet.append(
        row(
            kind="审计整改", audit_kind="任期经责审计", audited_entity="甲公司", findings_count="五项", **base
        )
    )
    buffer = io.BytesIO()
    sheet.parent.save(buffer)
    page = client.post("/oversight/excel/import/", {"file": _upload(buffer.getvalue())})
    text = page.content.decode()
    assert page.status_code == 200 and "级别" in text and "发现问题（项）" in text
    assert not Suggestion.objects.exists()
    # the row problems the parser leaves to the import are named too
    sheet.delete_rows(SUGGESTION_SHEET.header_row + 2, 2)
    sheet.append(row(kind="审计整改", audit_kind="任期经责审计", level="市级", **base))
    buffer = io.BytesIO()
    sheet.parent.save(buffer)
    text = client.post("/oversight/excel/import/", {"file": _upload(buffer.getvalue())}).content.decode()
    assert "审计整改须填写“被审计单位”" in text, re.findall(r"<td>(.*?)</td>", text) or text[-3000:]
    assert "“级别”不适用于审计整改，请留空" in text
    assert not Suggestion.objects.exists()
