import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from fazhi.audit.models import Action, AuditEntry
from fazhi.enforcement import services
from fazhi.enforcement.columns import CASE_SHEET, INSPECTION_SHEET
from fazhi.enforcement.models import EnforcementCase, InspectionBatch
from fazhi.ledger.excel import export
from tests.conftest import PASSWORD, TODAY
from tests.enforcement.enforcement_fixtures import ID_A, file_case, special_action

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
DAY = datetime.timedelta(days=1)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(client, url, sheet, rows):
    content = export(sheet, rows)
    return client.post(url, {"file": SimpleUploadedFile("upload.xlsx", content, content_type=XLSX)})


def inspection_row(**over):
    return {
        "held_on": TODAY - 3 * DAY, "org": "甲街道综合执法队", "action": "special", "special_action": "",
        "random_check": False, "field": "dust", "object_kind": "vehicle", "objects_checked": 5741,
        "hazards_found": 12, "hazards_rectified": 10, "cases_filed": 82, "joint_units": "城建、交警",
    } | over  # fmt: skip


@pytest.fixture
def signed_in(client, officer_user):
    client.login(username=officer_user.username, password=PASSWORD)
    return client


def test_inspection_import_with_one_bad_cell_writes_nothing_and_names_it(signed_in, team, officer_user):
    special_action(officer_user, team)
    rows = [
        inspection_row(special_action="百日攻坚"),
        inspection_row(object_kind="enterprise", objects_checked=40, hazards_rectified=13),
    ]
    page = signed_in.post("/enforcement/inspections/excel/import/", {})
    assert page.status_code == 200
    response = upload(signed_in, "/enforcement/inspections/excel/import/", INSPECTION_SHEET, rows)
    body = response.content.decode()
    assert response.status_code == 200 and "第3行" in body and "已整改隐患" in body
    assert "本次没有导入任何数据" in body and not InspectionBatch.objects.exists()
    rows[1]["hazards_rectified"] = 11
    response = upload(signed_in, "/enforcement/inspections/excel/import/", INSPECTION_SHEET, rows)
    assert response.status_code == 302 and response.url == "/enforcement/inspections/"
    assert sorted(InspectionBatch.objects.values_list("objects_checked", flat=True)) == [40, 5741]
    assert (
        AuditEntry.objects.filter(action=Action.IMPORT, target_type="enforcement.inspectionbatch").count()
        == 1
    )


def test_inspection_template_and_export(signed_in, officer_user, team):
    services.record_inspection(officer_user, org=team, held_on=TODAY, action="joint", field="fire",
                               object_kind="enterprise", objects_checked=12, hazards_found=5, hazards_rectified=5)  # fmt: skip
    template = signed_in.get("/enforcement/inspections/excel/template/")
    assert template.status_code == 200 and template["Content-Type"] == XLSX
    sheet = load_workbook(io.BytesIO(signed_in.get("/enforcement/inspections/excel/export/").content)).active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[2]], strict=False))
    assert row["检查对象数"] == 12 and row["行动类型"] == "联合执法"


def test_case_export_round_trip(signed_in, officer_user, team, officers):
    case = file_case(officer_user, team, officers, procedure="simple", filed_on=TODAY - 5 * DAY)
    services.decide(officer_user, case, case.version, decision_on=TODAY - 5 * DAY, penalty_kind="fine",
                    fine_amount=Decimal("150"))  # fmt: skip
    response = signed_in.get("/enforcement/excel/export/")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, [c.value for c in sheet[2]], strict=False))
    assert values["承办执法人员"] in ("沈一、韩二", "韩二、沈一") and values["当事人身份证号"] == ID_A
    # the same row imported again (a second copy of the case, renumbered)
    from fazhi.ledger.excel import parse

    parsed = parse(CASE_SHEET, io.BytesIO(response.content))
    assert parsed.ok, parsed.errors
    again = upload(signed_in, "/enforcement/excel/import/", CASE_SHEET, parsed.rows)
    assert again.status_code == 302, again.content.decode()[-1500:]
    copies = EnforcementCase.objects.order_by("pk")
    assert copies.count() == 2 and copies[1].fine_amount == Decimal("150") and copies[1].officers.count() == 2


def test_case_import_checks_officers_and_simple_threshold(signed_in, team, officers):
    row = {
        "filed_on": TODAY - DAY, "procedure": "simple", "source": "patrol", "field": "city", "org": team.code,
        "officers": "沈一", "party": "陈某", "summary": "占道", "status": "decided", "decision_on": TODAY - DAY,
        "penalty_kind": "fine", "fine_amount": Decimal("500"),
    }  # fmt: skip
    body = upload(signed_in, "/enforcement/excel/import/", CASE_SHEET, [row]).content.decode()
    assert "承办执法人员" in body and "两名" in body and "第五十一条" in body
    assert not EnforcementCase.objects.exists()


# The kit's plausible-date rule (fazhi.ledger.services.date_problems) on every date of an imported row: a
# typing slip (year 1, 2099) is refused under its column, nothing written. Parsed rows are given directly,
# as an Excel cell cannot hold year 1.


def test_inspection_import_refuses_an_implausible_date_under_its_column(officer_user, team):
    from fazhi.enforcement.importing import import_inspections

    rows = [inspection_row(_row=2), inspection_row(_row=3, held_on=datetime.date(1, 1, 1))]
    result = import_inspections(officer_user, rows)
    assert [(e.row, e.column) for e in result.errors] == [(3, "检查日期")]
    assert "不能早于2000年1月1日" in result.errors[0].message
    assert not InspectionBatch.objects.exists()


def test_case_import_refuses_an_implausible_date_under_its_column(officer_user, team, officers):
    from fazhi.enforcement.importing import import_cases

    row = {
        "_row": 2, "filed_on": TODAY - 3 * DAY, "procedure": "general", "source": "patrol", "field": "city",
        "org": team.code, "officers": "沈一、韩二", "party": "陈某", "summary": "占道经营", "status": "closed",
        "decision_on": TODAY - 2 * DAY, "penalty_kind": "warning", "closed_on": datetime.date(2099, 1, 1),
        "published_on": datetime.date(1, 1, 1),
    }  # fmt: skip
    result = import_cases(officer_user, [row])
    assert {(e.row, e.column) for e in result.errors} == {(2, "结案日期"), (2, "公示日期")}
    assert not EnforcementCase.objects.exists()
    assert import_cases(officer_user, [row | {"closed_on": TODAY, "published_on": TODAY}]).ok


def test_case_import_refuses_a_unit_that_holds_no_cases(tree, person, team, officers):
    """The ledger's holder kinds (执法队 only) on the import too, as on the page and the API."""
    from fazhi.enforcement.importing import import_cases

    office = person("office_a", "office", tree["a"])  # may write the 街道 and its 执法队
    row = {
        "_row": 2, "filed_on": TODAY - 3 * DAY, "procedure": "general", "source": "patrol", "field": "city",
        "org": "a", "officers": "沈一、韩二", "party": "陈某", "summary": "占道经营", "status": "filed",
    }  # fmt: skip
    result = import_cases(office, [row])
    assert [(e.row, e.column) for e in result.errors] == [(2, "承办单位")]
    assert "“甲街道”是街道，不能承办行政执法案件" in result.errors[0].message
    assert not EnforcementCase.objects.exists()
    assert import_cases(office, [row | {"org": team.code}]).ok
