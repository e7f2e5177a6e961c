import datetime
import io

import pytest
from openpyxl import load_workbook

from fazhi.audit.models import Action, AuditEntry
from fazhi.ledger.excel import export, parse
from fazhi.ledger.models import NumberSequence
from fazhi.litigation import services
from fazhi.litigation.columns import CASE_SHEET
from fazhi.litigation.importing import import_cases
from fazhi.litigation.models import Case, CaseDocument, CaseParty, Hearing
from tests.conftest import TODAY
from tests.litigation.litigation_fixtures import ID_A, PHONE_A, new_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date


def fields_of(c: Case) -> tuple:
    parties = tuple((p.role, p.name, p.id_number, p.phone) for p in c.parties.all())
    hearings = tuple((h.held_on, h.head_appeared, h.appeared_by) for h in c.hearings.all())
    return (
        c.org.code, c.kind, c.stage, c.court, c.external_number, c.own_role, c.cause, c.disputed_act,
        c.copy_received_on, c.reply_due, c.replied_on, c.status, c.outcome, c.concluded_on, parties, hearings,
    )  # fmt: skip


def make_records(actor, tree):
    a = new_case(actor, tree["a"], received_on=D(2024, 9, 27), external_number="（2024）行初1号")
    a = services.record_reply(actor, a, a.version, replied_on=D(2024, 10, 10))
    a = services.add_hearing(
        actor, a, a.version, held_on=D(2024, 11, 5), head_appeared=True, appeared_by="副主任"
    )
    services.conclude(actor, a, a.version, outcome="mediated", concluded_on=D(2024, 12, 1))
    new_case(actor, tree["a-tw"], kind="civil", received_on=D(2024, 5, 6), cause="合同纠纷", name="=SUM(A1)")
    new_case(actor, tree["a"], kind="reconsideration", own_role="third_party", received_on=D(2024, 3, 4))


def test_round_trip_into_an_empty_database(client, tree, person):
    actor = person("legal_a", "legal", tree["a"])
    make_records(actor, tree)
    client.force_login(actor)
    response = client.get("/litigation/excel/export/")
    assert response.status_code == 200
    assert AuditEntry.objects.filter(action=Action.EXPORT).count() == 1
    before = sorted(fields_of(c) for c in Case.objects.all())

    for model in (Hearing, CaseDocument, CaseParty, Case, NumberSequence):
        model.objects.all().delete()
    upload = io.BytesIO(response.content)
    upload.name = "litigation.xlsx"
    page = client.post("/litigation/excel/import/", {"file": upload})
    assert page.status_code == 302, page.content.decode()[:3000]
    assert sorted(fields_of(c) for c in Case.objects.all()) == before
    assert AuditEntry.objects.filter(action=Action.IMPORT).count() == 1


def test_export_masks_for_roles_without_personal_data(client, tree, person):
    new_case(person("legal_a", "legal", tree["a"]), tree["a"])
    client.force_login(person("office_a", "office", tree["a"]))
    sheet = load_workbook(io.BytesIO(client.get("/litigation/excel/export/").content)).active
    values = {c.value for row in sheet.iter_rows() for c in row}
    assert ID_A not in values and PHONE_A not in values and "**************002X" in values


def test_bad_file_refused_whole_with_row_reasons(client, tree, person):
    actor = person("office_a", "office", tree["a"])
    good = {"kind": "civil", "org": "a", "court": "法院", "disputed_act": "x", "party": "张三",
            "copy_received_on": D(2024, 5, 6)}  # fmt: skip
    rows = [
        good,
        good | {"org": "b"},  # another street: not writable
        good | {"org": "nowhere"},
        good | {"outcome": "upheld"},  # no conclusion date
        good | {"replied_on": D(2024, 5, 1)},  # before the copy arrived
        good | {"copy_received_on": TODAY + datetime.timedelta(days=5)},  # in the future
    ]
    content = export(CASE_SHEET, rows)
    parsed = parse(CASE_SHEET, io.BytesIO(content))
    assert parsed.ok, parsed.summary()
    result = import_cases(actor, parsed.rows)
    assert not result.ok and not Case.objects.exists()
    reasons = {(e.row, e.column) for e in result.errors}
    assert {(3, "责任单位"), (4, "责任单位"), (5, "结案日期"), (6, "答辩（答复）日期")} <= reasons

    # Only the service can tell the future date: the rows before it were written, then all rolled back.
    future_only = import_cases(
        actor, parse(CASE_SHEET, io.BytesIO(export(CASE_SHEET, [good, rows[-1]]))).rows
    )
    assert not future_only.ok and "不能晚于今天" in future_only.errors[0].message
    assert not Case.objects.exists() and not NumberSequence.objects.filter(last__gt=0).exists()

    upload = io.BytesIO(content)
    upload.name = "bad.xlsx"
    client.force_login(actor)
    body = client.post("/litigation/excel/import/", {"file": upload}).content.decode()
    assert "本次没有导入任何数据" in body and "第3行" in body
    assert "“b”不是您可以登记案件的单位" in body and "乙街道" not in body  # typed, not named


def test_template_download(client, tree, person):
    client.force_login(person("office_a", "office", tree["a"]))
    response = client.get("/litigation/excel/template/")
    sheet = load_workbook(io.BytesIO(response.content))["行政复议与诉讼案件台账"]
    texts = {str(c.value) for row in sheet.iter_rows(max_row=10) for c in row if c.value}
    assert response.status_code == 200 and any("收到副本日期" in t for t in texts)
