"""Issue 10's acceptance: records dated in mid-December 2026, whose periods run into 2027 (no holiday notice
known), are registered through the pages, the API and an Excel import with 「暂定」 due dates; entering the 2027
notice on the settings site moves them to the exact dates, each change in the audit trail."""

import datetime
import io

import pytest
from openpyxl import load_workbook
from rest_framework.test import APIClient

from fazhi.accounts.testing import login_with_second_factor
from fazhi.audit.models import Action, AuditEntry
from fazhi.deadlines.engine import due_for_rule
from fazhi.disputes.columns import dispute_sheet
from fazhi.disputes.models import Dispute, DisputeType
from fazhi.ledger.excel import export
from fazhi.ledger.integrity import check_ledgers
from fazhi.legal.columns import review_sheet
from fazhi.legal.models import ReviewItem
from fazhi.litigation.columns import CASE_SHEET
from fazhi.litigation.models import Case
from tests.conftest import clock_at
from tests.legal.legal_fixtures import legal_units  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db
D = datetime.date
RECEIVED = D(2026, 12, 15)
# A case whose answer period reaches into 2027: 15 日 from 20 December end on Monday 4 January 2027.
CASE_RECEIVED = D(2026, 12, 20)
# A test notice for 2027 that makes 4 January a rest day and Saturday 9 January a working day.
NOTICE = {"year": "2027", "title": "国务院办公厅关于2027年部分节假日安排的通知（测试）",
          "holidays": "2027-01-01至2027-01-04\n2027-02-06至2027-02-13", "working_weekends": "2027-01-09"}  # fmt: skip


@pytest.fixture(autouse=True)
def december():
    """The clock on 21 December 2026, 10:00 in Beijing (ticking, so sessions and tokens keep working)."""
    with clock_at(datetime.date(2026, 12, 21)):
        yield


@pytest.fixture
def people(tree, person, legal_units):  # noqa: F811
    return {
        "handler": person("med", "handler", tree["a-tw"]),
        "office": person("office", "office", tree["a"]),
        "sysadmin": person("sys", "sys_admin", tree["district"]),
    }


def api_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def expected(rule: str, start: D) -> D:
    return due_for_rule(rule, start).due


def check_provisional(record, due_field="due_date"):
    assert getattr(record, due_field) > D(2026, 12, 31)
    assert record.provisional and record.provisional_reason == "2027年节假日安排尚未录入"


def test_registered_through_the_pages(client, tree, people):
    client.force_login(people["handler"])
    response = client.post(
        "/disputes/new/",
        {"org": tree["a-tw"].pk, "received_on": RECEIVED.isoformat(), "channel": "visit",
         "dispute_type": DisputeType.objects.get(name="邻里").pk, "summary": "年底装修噪声", "persons_involved": "2",
         "amount_involved": "0", "p-TOTAL_FORMS": "1", "p-INITIAL_FORMS": "0", "p-0-role": "applicant",
         "p-0-kind": "person", "p-0-name": "孙七"},
    )  # fmt: skip
    dispute = Dispute.objects.get()
    assert response.status_code == 302, response.content.decode()[:2000]
    check_provisional(dispute)
    page = client.get(f"/disputes/{dispute.pk}/").content.decode()
    day = dispute.due_date
    assert (
        f"已登记：{dispute.number}，办理期限{day.year}年{day.month}月{day.day}日（暂定）。" in page
    )  # the message too
    assert '<span class="flag provisional">暂定</span>' in page and "2027年节假日安排尚未录入" in page
    assert 'title="2027年节假日安排尚未录入">暂定</span>' in client.get("/disputes/").content.decode()

    client.force_login(people["office"])
    response = client.post(
        "/litigation/new/",
        {"org": tree["a"].pk, "kind": "administrative", "court": "测试区人民法院", "own_role": "defendant",
         "disputed_act": "限期拆除决定", "copy_received_on": CASE_RECEIVED.isoformat(), "p-TOTAL_FORMS": "1",
         "p-INITIAL_FORMS": "0", "p-MIN_NUM_FORMS": "0", "p-MAX_NUM_FORMS": "20", "p-0-role": "plaintiff",
         "p-0-name": "王五", "p-0-id_number": "", "p-0-phone": ""},
    )  # fmt: skip
    case = Case.objects.get()
    assert response.status_code == 302, response.content.decode()[:2000]
    assert case.reply_due == D(2027, 1, 4)
    check_provisional(case)
    page = client.get(f"/litigation/{case.pk}/").content.decode()
    assert f"已登记：{case.number}，答辩（答复）期限2027年1月4日（暂定）。" in page

    response = client.post(
        "/legal/new/",
        {"org": tree["a-sq"].pk, "kind": "normative", "title": "社区公约", "submitted_on": RECEIVED.isoformat(),
         "materials": "送审稿"},
    )  # fmt: skip
    item = ReviewItem.objects.get()
    assert response.status_code == 302, response.content.decode()[:2000]
    # 15 工作日: twelve in December after the 15th, then 4, 5 and 6 January (元旦 and the weekend skipped).
    assert item.due_date == D(2027, 1, 6)
    check_provisional(item)
    assert "暂定" in client.get(f"/legal/{item.pk}/").content.decode()


def test_registered_through_the_api(tree, people):
    handler, office = api_for(people["handler"]), api_for(people["office"])
    body = handler.post(
        "/api/disputes/",
        {"org": "a-tw", "received_on": RECEIVED.isoformat(), "channel": "visit", "dispute_type": "邻里",
         "summary": "年底漏水", "parties": [{"name": "赵六", "role": "applicant"}]},
        format="json",
    ).json()  # fmt: skip
    assert body["due_date"] == expected("mediation.conclude", RECEIVED).isoformat(), body
    assert body["provisional"] is True and body["provisional_reason"] == "2027年节假日安排尚未录入"

    body = office.post(
        "/api/litigation-cases/",
        {"org": "a", "kind": "administrative", "court": "测试区人民法院", "disputed_act": "限期拆除决定",
         "copy_received_on": CASE_RECEIVED.isoformat(), "parties": [{"name": "王五"}]},
        format="json",
    ).json()  # fmt: skip
    assert body["reply_due"] == "2027-01-04" and body["provisional"] is True, body

    body = office.post(
        "/api/legal-reviews/",
        {"org": "a-sq", "kind": "normative", "title": "社区公约", "submitted_on": RECEIVED.isoformat()},
        format="json",
    ).json()  # fmt: skip
    assert body["due_date"] == "2027-01-06" and body["provisional"] is True, body
    # Exact dates are not flagged: a case received in November is due in 2026.
    body = office.post(
        "/api/litigation-cases/",
        {"org": "a", "kind": "civil", "court": "测试区人民法院", "disputed_act": "合同纠纷",
         "copy_received_on": "2026-11-02", "parties": [{"name": "钱七"}]},
        format="json",
    ).json()  # fmt: skip
    assert (
        body["reply_due"] == "2026-11-17"
        and body["provisional"] is False
        and body["provisional_reason"] == ""
    )


def upload(client, url: str, sheet, rows: list[dict]):
    content = io.BytesIO(export(sheet, rows))
    content.name = "import.xlsx"
    return client.post(url, {"file": content})


def test_registered_through_an_excel_import(client, tree, people):
    client.force_login(people["handler"])
    rows = [{"received_on": RECEIVED, "channel": "visit", "dispute_type": "邻里", "org": "a-tw",
             "applicant": "张三", "summary": "年底漏水"}]  # fmt: skip
    response = upload(client, "/disputes/excel/import/", dispute_sheet(), rows)
    assert response.status_code == 302, response.content.decode()[:3000]
    check_provisional(Dispute.objects.get())

    client.force_login(people["office"])
    rows = [{"kind": "administrative", "org": "a", "court": "测试区人民法院", "disputed_act": "限期拆除决定",
             "party": "王五", "copy_received_on": CASE_RECEIVED}]  # fmt: skip
    response = upload(client, "/litigation/excel/import/", CASE_SHEET, rows)
    assert response.status_code == 302, response.content.decode()[:3000]
    check_provisional(Case.objects.get())

    rows = [{"kind": "normative", "title": "社区公约", "submitted_by": "a-sq", "submitted_on": RECEIVED}]
    response = upload(client, "/legal/excel/import/", review_sheet(), rows)
    assert response.status_code == 302, response.content.decode()[:3000]
    item = ReviewItem.objects.get()
    assert item.due_date == D(2027, 1, 6)
    check_provisional(item)


def test_entering_the_notice_moves_them_to_the_exact_dates_in_the_audit_trail(client, tree, people):
    api = api_for(people["handler"])
    dispute_id = api.post(
        "/api/disputes/",
        {"org": "a-tw", "received_on": RECEIVED.isoformat(), "channel": "visit", "dispute_type": "邻里",
         "summary": "年底漏水", "parties": [{"name": "赵六", "role": "applicant"}]},
        format="json",
    ).json()["id"]  # fmt: skip
    office = api_for(people["office"])
    case_id = office.post(
        "/api/litigation-cases/",
        {"org": "a", "kind": "administrative", "court": "测试区人民法院", "disputed_act": "限期拆除决定",
         "copy_received_on": CASE_RECEIVED.isoformat(), "parties": [{"name": "王五"}]},
        format="json",
    ).json()["id"]  # fmt: skip
    item_id = office.post(
        "/api/legal-reviews/",
        {"org": "a-sq", "kind": "normative", "title": "社区公约", "submitted_on": RECEIVED.isoformat()},
        format="json",
    ).json()["id"]  # fmt: skip
    closed = Case.objects.get(pk=case_id)
    versions = {
        "dispute": Dispute.objects.get(pk=dispute_id).version,
        "case": closed.version,
        "item": ReviewItem.objects.get(pk=item_id).version,
    }

    login_with_second_factor(client, people["sysadmin"])
    response = client.post("/admin/deadlines/holidaynotice/add/", NOTICE, follow=True)
    page = response.content.decode()
    assert response.status_code == 200 and "已按2027年节假日安排重新计算期限" in page

    case, item = Case.objects.get(pk=case_id), ReviewItem.objects.get(pk=item_id)
    dispute = Dispute.objects.get(pk=dispute_id)
    # 4 January became a rest day: the answer moves to Tuesday 5 January; the review gains a day: 7 January.
    assert (case.reply_due, case.due_date) == (D(2027, 1, 5), D(2027, 1, 5))
    assert item.due_date == item.current_round.due_date == D(2027, 1, 7)
    assert dispute.due_date == expected("mediation.conclude", RECEIVED)  # exact now, whether it moved or not
    for record in (case, item, dispute):
        assert not record.provisional and record.provisional_reason == ""
    assert case.version == versions["case"] + 1 and item.version == versions["item"] + 1
    assert f"{case.number}（答辩（答复）期限2027年1月4日→2027年1月5日" in page

    entries = AuditEntry.objects.filter(
        action=Action.UPDATE, actor=people["sysadmin"], target_id=str(case.pk)
    )
    entry = entries.get(target_type="litigation.case")
    assert entry.changes["reply_due"] == ["2027-01-04", "2027-01-05"]
    assert entry.changes["原因"][1] == "录入或更正2027年节假日安排后重新计算期限"
    assert AuditEntry.objects.filter(action=Action.UPDATE, target_type="legal.reviewitem").exists()


def test_closed_records_keep_their_dates(client, tree, people):
    office = api_for(people["office"])
    case = office.post(
        "/api/litigation-cases/",
        {"org": "a", "kind": "administrative", "court": "测试区人民法院", "disputed_act": "限期拆除决定",
         "copy_received_on": CASE_RECEIVED.isoformat(), "parties": [{"name": "王五"}]},
        format="json",
    ).json()  # fmt: skip
    response = office.post(
        f"/api/litigation-cases/{case['id']}/conclude/",
        {"version": case["version"], "outcome": "withdrawn", "concluded_on": "2026-12-21"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    login_with_second_factor(client, people["sysadmin"])
    page = client.post("/admin/deadlines/holidaynotice/add/", NOTICE, follow=True).content.decode()
    assert "没有记录的期限发生变化" in page
    assert Case.objects.get().reply_due == D(2027, 1, 4)


def due_cells(client, url: str, header: str) -> list:
    sheet = load_workbook(io.BytesIO(client.get(url).content)).active
    headers = [cell.value for cell in next(sheet.iter_rows(min_row=1, max_row=1))]
    column = next(i for i, h in enumerate(headers) if h and h.rstrip("*") == header)
    return [row[column].value for row in sheet.iter_rows(min_row=2) if row[0].value is not None]


def test_exports_write_the_due_date_and_say_when_it_is_provisional(client, tree, people):
    handler, office = api_for(people["handler"]), api_for(people["office"])
    for received in (RECEIVED, D(2026, 11, 2)):
        handler.post(
            "/api/disputes/",
            {"org": "a-tw", "received_on": received.isoformat(), "channel": "visit", "dispute_type": "邻里",
             "summary": "漏水", "parties": [{"name": "赵六", "role": "applicant"}]},
            format="json",
        )  # fmt: skip
    office.post(
        "/api/litigation-cases/",
        {"org": "a", "kind": "administrative", "court": "测试区人民法院", "disputed_act": "限期拆除决定",
         "copy_received_on": CASE_RECEIVED.isoformat(), "parties": [{"name": "王五"}]},
        format="json",
    )  # fmt: skip
    office.post(
        "/api/legal-reviews/",
        {"org": "a-sq", "kind": "normative", "title": "社区公约", "submitted_on": RECEIVED.isoformat()},
        format="json",
    )
    client.force_login(people["handler"])
    cells = sorted(due_cells(client, "/disputes/excel/export/", "办理期限"))
    exact = expected("mediation.conclude", D(2026, 11, 2)).isoformat()
    assert cells == sorted([exact, f"{expected('mediation.conclude', RECEIVED).isoformat()}（暂定）"])
    client.force_login(people["office"])
    assert due_cells(client, "/litigation/excel/export/", "答辩（答复）期限") == ["2027-01-04（暂定）"]
    assert due_cells(client, "/legal/excel/export/", "审查期限") == ["2027-01-06（暂定）"]


def test_a_recompute_leaves_every_ledger_row_as_the_audit_trail_says(client, tree, people):
    office = api_for(people["office"])
    office.post(
        "/api/litigation-cases/",
        {"org": "a", "kind": "administrative", "court": "测试区人民法院", "disputed_act": "限期拆除决定",
         "copy_received_on": CASE_RECEIVED.isoformat(), "parties": [{"name": "王五"}]},
        format="json",
    )  # fmt: skip
    login_with_second_factor(client, people["sysadmin"])
    client.post("/admin/deadlines/holidaynotice/add/", NOTICE)
    assert Case.objects.get().reply_due == D(2027, 1, 5)
    report = check_ledgers()
    assert not report.problems, report.problems
