import datetime
import io
import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from fazhi.audit.models import Action, AuditEntry
from fazhi.disputes import services
from fazhi.disputes.columns import dispute_sheet
from fazhi.disputes.importing import import_disputes
from fazhi.disputes.models import Dispute, Party
from fazhi.ledger.excel import export, parse
from fazhi.ledger.models import NumberSequence
from tests.conftest import TODAY
from tests.disputes.dispute_fixtures import ID_A, PHONE_A, new_dispute

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


def fields_of(d: Dispute) -> tuple:
    parties = tuple((p.role, p.name, p.id_number, p.phone) for p in d.parties.all())
    return (
        d.org.code, d.received_on, d.channel, d.dispute_type.name, d.summary, d.persons_involved,
        d.amount_involved, d.status, d.concluded_on, d.agreement_text, d.close_reason, d.referred_to,
        d.amount_recovered, d.is_group, parties,
    )  # fmt: skip


def make_records(actor, tree):
    a = new_dispute(actor, tree["a-tw"], received_on=TODAY - datetime.timedelta(days=10), persons=31)
    a = services.add_session(
        actor, a, a.version, held_on=a.received_on, place="室", mediators="甲", notes="谈"
    )
    services.conclude_success(
        actor,
        a,
        a.version,
        concluded_on=TODAY,
        agreement_text="赔偿800元",
        amount_recovered=Decimal("800.50"),
    )
    b = new_dispute(actor, tree["a-sq-tw"], summary="=SUM(A1) 不是公式", name="钱九")
    b = services.add_session(
        actor, b, b.version, held_on=b.received_on, place="室", mediators="乙", notes="谈"
    )
    services.conclude_failure(
        actor, b, b.version, concluded_on=TODAY, referred_to="litigation", reason="分歧大"
    )
    new_dispute(actor, tree["a-tw"], channel="court", name="孙十")


def test_round_trip_into_an_empty_database(client, tree, person):
    actor = person("office_a", "handler", tree["a"])
    make_records(actor, tree)
    client.force_login(actor)
    response = client.get("/disputes/excel/export/")
    assert response.status_code == 200
    assert AuditEntry.objects.filter(action=Action.EXPORT).count() == 1
    before = sorted(fields_of(d) for d in Dispute.objects.all())

    Party.objects.all().delete()
    Dispute.objects.all().delete()
    NumberSequence.objects.all().delete()

    upload = io.BytesIO(response.content)
    upload.name = "disputes.xlsx"
    page = client.post("/disputes/excel/import/", {"file": upload})
    assert page.status_code == 302, page.content.decode()[:3000]
    after = sorted(fields_of(d) for d in Dispute.objects.all())
    assert after == before
    assert AuditEntry.objects.filter(action=Action.IMPORT).count() == 1


def test_export_masks_for_roles_without_personal_data(client, tree, person):
    new_dispute(person("med", "handler", tree["a-tw"]), tree["a-tw"])
    client.force_login(person("office_a", "office", tree["a"]))
    sheet = load_workbook(io.BytesIO(client.get("/disputes/excel/export/").content)).active
    values = [c.value for c in sheet[2]]
    assert ID_A not in values and PHONE_A not in values and "**************002X" in values


def test_bad_file_refused_whole_with_row_reasons(client, tree, person):
    actor = person("med_a", "handler", tree["a-tw"])
    good = {
        "received_on": datetime.date(2026, 1, 5), "channel": "visit", "dispute_type": "邻里",
        "org": "a-tw", "applicant": "张三", "summary": "漏水",
    }  # fmt: skip
    rows = [
        good,
        good | {"org": "b-tw"},  # another street: not writable
        good | {"org": "nowhere"},
        good | {"status": "failed", "concluded_on": datetime.date(2026, 1, 6)},  # no referral
        good | {"status": "success"},  # no conclusion date, no agreement
    ]
    content = export(dispute_sheet(), rows)
    parsed = parse(dispute_sheet(), io.BytesIO(content))
    assert parsed.ok, parsed.summary()
    result = import_disputes(actor, parsed.rows)
    assert not result.ok and not Dispute.objects.exists()
    reasons = {(e.row, e.column) for e in result.errors}
    assert {(3, "承办单位"), (4, "承办单位"), (5, "引导去向"), (6, "办结日期"), (6, "调解结果")} <= reasons
    assert 2 not in {e.row for e in result.errors}

    upload = io.BytesIO(content)
    upload.name = "bad.xlsx"
    client.force_login(actor)
    body = client.post("/disputes/excel/import/", {"file": upload}).content.decode()
    assert "本次没有导入任何数据" in body and "第3行" in body
    assert "“b-tw”不是您可以登记纠纷的单位" in body and "乙街道" not in body  # typed, not named


def test_cell_errors_from_the_engine_are_shown(client, tree, person):
    client.force_login(person("med_a", "handler", tree["a-tw"]))
    content = export(dispute_sheet(), [{"received_on": "明天", "channel": "visit", "org": "a-tw", "applicant": "张三",
                                         "summary": "x", "dispute_type": "邻里", "applicant_id": "123"}])  # fmt: skip
    upload = io.BytesIO(content)
    upload.name = "cells.xlsx"
    body = client.post("/disputes/excel/import/", {"file": upload}).content.decode()
    assert "受理日期" in body and "申请人身份证号" in body and not Dispute.objects.exists()


def test_template_download(client, tree, person):
    client.force_login(person("med_a", "handler", tree["a-tw"]))
    response = client.get("/disputes/excel/template/")
    sheet = load_workbook(io.BytesIO(response.content))["矛盾纠纷调解台账"]
    texts = {str(c.value) for row in sheet.iter_rows(max_row=10) for c in row if c.value}
    assert response.status_code == 200
    assert any("受理日期" in t for t in texts) and any("承办单位" in t for t in texts)


def test_the_template_offers_the_persons_own_units_in_the_unit_column(client, tree, person):
    client.force_login(person("office_a", "office", tree["a"]))
    workbook = load_workbook(io.BytesIO(client.get("/disputes/excel/template/").content))
    sheet = workbook["矛盾纠纷调解台账"]
    unit_letter = next(
        c.column_letter for c in sheet[sheet.max_row] if c.value and "承办单位" in str(c.value)
    )
    [validation] = [v for v in sheet.data_validations.dataValidation if unit_letter in str(v.sqref)]
    offered = validation.formula1
    if "!" in offered:  # a long list lives on the hidden choices sheet
        column = offered.split("!$")[1].split("$")[0]
        offered = ",".join(str(c.value) for c in workbook["选项"][column] if c.value)
    assert "甲街道调委会" in offered and "甲街道一社区调委会" in offered
    assert "乙街道" not in offered  # another street's units are not offered
    # nor the units the import refuses as holders of a dispute (the QA pass of 2026-12-02): the street, its 社区
    assert not {"甲街道", "甲街道一社区"} & set(offered.split(","))
    assert not validation.showErrorMessage  # a unit code typed by hand is still accepted


def test_one_upload_reports_the_cells_the_reader_refuses_and_what_the_ledgers_checks_refuse(
    client, tree, person
):
    """The QA pass of 2026-12-02: a file with a bad date and an unknown unit showed only the date; the unit came
    up on the second upload. Both now come in the first, in row order, and nothing is written."""
    client.force_login(person("med_a", "handler", tree["a-tw"]))
    good = {
        "received_on": datetime.date(2026, 1, 5), "channel": "visit", "dispute_type": "邻里",
        "org": "a-tw", "applicant": "张三", "summary": "漏水",
    }  # fmt: skip
    rows = [
        good | {"org": "nowhere"},  # the ledger's check: no such unit
        good | {"received_on": "明天"},  # the reader: not a date
        good,
        good | {"status": "failed", "concluded_on": datetime.date(2026, 1, 6)},  # the check: no referral
    ]
    upload = io.BytesIO(export(dispute_sheet(), rows))
    upload.name = "two-kinds.xlsx"
    body = client.post("/disputes/excel/import/", {"file": upload}).content.decode()
    assert not Dispute.objects.exists() and not AuditEntry.objects.filter(action=Action.IMPORT).exists()
    assert not NumberSequence.objects.exists()  # no number drawn either
    listed = re.findall(r"第(\d+)行</td><td>([^<]+)</td>", body)
    assert listed == [("2", "承办单位"), ("3", "受理日期"), ("5", "引导去向")]  # row 4 is good; in row order
