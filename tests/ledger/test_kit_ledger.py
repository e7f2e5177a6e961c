"""The ledger kit's proof: tests/kit_ledger, a ledger declared only through the kit and installed only for
the test suite (tests/settings.py), gets its pages, API, Excel pages, audit entries, scoping, navigation
and home-board entries without one edit outside its folder."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from fazhi.audit.models import Action, AuditEntry
from fazhi.deadlines.engine import due_for_rule, due_soon_until
from fazhi.ledger import registry
from fazhi.ledger.excel import export
from fazhi.web.navigation import work_lines
from tests.conftest import TODAY, client_for
from tests.kit_ledger import services
from tests.kit_ledger.columns import notice_sheet
from tests.kit_ledger.ledger import LEDGER
from tests.kit_ledger.models import CANCELLED, DONE, OPEN, Notice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]

OVERDUE_START = TODAY - datetime.timedelta(days=30)


def due_soon_start() -> datetime.date:
    """The latest day handed over whose limit ends today or within the board's "due soon" days."""
    day = TODAY
    while not TODAY <= due_for_rule(Notice.DEADLINE_RULE, day).due <= due_soon_until(TODAY):
        day -= datetime.timedelta(days=1)
    return day


@pytest.fixture
def people(tree, person):
    return {
        "office": person("office_a", "office", tree["a"]),
        "leader": person("leader_a", "leader", tree["a"]),  # reads 甲街道, writes nothing
        "other": person("office_b", "office", tree["b"]),
    }


def notice(people, tree, *, org="a", issued_on=TODAY, title="违规占道经营整改"):
    return services.register(people["office"], org=tree[org], title=title, issued_on=issued_on)


def entries(record):
    return AuditEntry.objects.filter(target_type="kit.notice", target_id=str(record.pk)).order_by("seq")


def logged_in(client, user):
    client.force_login(user)
    return client


# --- the one registration ------------------------------------------------------------------------------


def test_the_test_ledger_is_registered_and_in_the_navigation(client, people):
    assert registry.ledger_of(Notice) is LEDGER and LEDGER in registry.ledgers()
    assert ("整改事项", "/kit/") in [(line.label, line.prefix) for line in work_lines()]
    page = logged_in(client, people["office"]).get("/").content.decode()
    assert 'href="/kit/"' in page and "整改事项" in page


# --- pages -----------------------------------------------------------------------------------------


def test_list_new_detail_and_action_pages(client, people, tree):
    client = logged_in(client, people["office"])
    new = client.get("/kit/new/")
    assert new.status_code == 200 and "登记整改事项" in new.content.decode()
    answer = client.post("/kit/new/", {"org": tree["a-sq"].pk, "title": "楼道堆物整改", "issued_on": TODAY})
    record = Notice.objects.get()
    assert answer.status_code == 302 and answer.url == f"/kit/{record.pk}/"
    assert record.status == OPEN and record.number.startswith(f"{tree['a-sq'].short_name}试〔2026〕")
    assert record.due_date and record.created_by == people["office"]

    listing = client.get("/kit/").content.decode()
    assert record.number in listing and "楼道堆物整改" in listing
    detail = client.get(f"/kit/{record.pk}/").content.decode()
    for button in ("办结", "撤销", "修改基本信息"):
        assert f"/kit/{record.pk}/" in detail and button in detail
    assert client.get(f"/kit/{record.pk}/finish/").status_code == 200

    done = client.post(
        f"/kit/{record.pk}/finish/", {"version": record.version, "done_on": TODAY, "result": "已清理"}
    )
    assert done.status_code == 302
    record.refresh_from_db()
    assert record.status == DONE and record.result == "已清理"
    assert f"/kit/{record.pk}/cancel/" not in client.get(f"/kit/{record.pk}/").content.decode()
    refused = client.get(f"/kit/{record.pk}/cancel/")  # no longer available: said why, 409
    assert refused.status_code == 409 and "已办结" in refused.content.decode()


def test_a_service_refusal_is_shown_on_the_form(client, people, tree):
    record = notice(people, tree)
    answer = logged_in(client, people["office"]).post(
        f"/kit/{record.pk}/finish/",
        {"version": record.version, "done_on": TODAY - datetime.timedelta(days=1), "result": "已清理"},
    )
    assert answer.status_code == 200 and "办结日期不能早于交办日期" in answer.content.decode()
    record.refresh_from_db()
    assert record.status == OPEN


# --- audit ---------------------------------------------------------------------------------------


def test_create_update_and_transition_are_audited(people, tree):
    record = notice(people, tree)
    record = services.update_details(people["office"], record, record.version, title="违规占道经营限期整改")
    services.cancel(people["office"], record, record.version, reason="已由城管立案")
    trail = list(entries(record))
    assert [entry.action for entry in trail] == [Action.CREATE, Action.UPDATE, Action.TRANSITION]
    assert all(entry.actor == people["office"] for entry in trail)
    assert trail[1].changes["title"] == ["违规占道经营整改", "违规占道经营限期整改"]
    assert trail[2].changes["status"] == [OPEN, CANCELLED]


# --- API -----------------------------------------------------------------------------------------


def test_api_list_create_actions_and_edit(people, tree):
    api = client_for(people["office"])
    created = api.post(
        "/api/kit-notices/", {"org": "a", "title": "广告牌安全隐患整改", "issued_on": TODAY}, format="json"
    )
    assert created.status_code == 201, created.content
    body = created.json()
    record = Notice.objects.get(pk=body["id"])
    assert body["number"] == record.number and body["due_date"] == record.due_date.isoformat()
    assert entries(record).get().action == Action.CREATE

    listed = api.get("/api/kit-notices/", {"status": "open"}).json()["results"]
    assert [row["number"] for row in listed] == [record.number]

    edited = api.patch(f"/api/kit-notices/{record.pk}/", {"version": 1, "note": "现场核实"}, format="json")
    assert edited.status_code == 200 and edited.json()["note"] == "现场核实"
    done = api.post(
        f"/api/kit-notices/{record.pk}/finish/",
        {"version": 2, "done_on": TODAY, "result": "已拆除"},
        format="json",
    )
    assert done.status_code == 200 and done.json()["status"] == DONE
    again = api.post(f"/api/kit-notices/{record.pk}/cancel/", {"version": 3, "reason": "重复"}, format="json")
    assert again.status_code == 409  # not available any more, and said so
    assert [e.action for e in entries(record)] == [Action.CREATE, Action.UPDATE, Action.TRANSITION]


def test_openapi_documents_the_routes(people):
    schema = client_for(people["office"]).get("/api/schema/", HTTP_ACCEPT="application/json")
    assert schema.status_code == 200
    paths = schema.json()["paths"] if schema["Content-Type"].startswith("application/json") else None
    if paths is None:  # served as YAML
        import yaml

        paths = yaml.safe_load(schema.content)["paths"]
    assert {"get", "post"} <= set(paths["/api/kit-notices/"])
    assert {"get", "patch", "put"} <= set(paths["/api/kit-notices/{id}/"])
    for action in ("finish", "cancel"):
        assert "post" in paths[f"/api/kit-notices/{{id}}/{action}/"]


# --- Excel ---------------------------------------------------------------------------------------


def _upload(rows, name="kit.xlsx"):
    upload = io.BytesIO(export(notice_sheet(), rows))
    upload.name = name
    return upload


def test_excel_template_import_and_export(client, people, tree):
    client = logged_in(client, people["office"])
    template = client.get("/kit/excel/template/")
    assert template.status_code == 200
    headers = [cell.value for cell in load_workbook(io.BytesIO(template.content)).worksheets[0][1]]
    assert "承办单位" in str(headers) and "事项名称" in str(headers)

    rows = [
        {"org": "甲街道", "title": "店招整改", "issued_on": TODAY},
        {"org": "a-sq", "title": "楼道堆物整改", "issued_on": TODAY},
    ]
    answer = client.post("/kit/excel/import/", {"file": _upload(rows)})
    assert answer.status_code == 302, answer.content.decode()[:2000]
    assert sorted(Notice.objects.values_list("title", flat=True)) == ["店招整改", "楼道堆物整改"]
    assert AuditEntry.objects.filter(action=Action.IMPORT, target_type="kit.notice").count() == 1

    exported = client.get("/kit/excel/export/")
    assert exported.status_code == 200
    values = [c.value for row in load_workbook(io.BytesIO(exported.content)).worksheets[0] for c in row]
    assert all(number in values for number in Notice.objects.values_list("number", flat=True))
    assert "甲街道一社区" in values and "a-sq" not in values  # units by name
    assert AuditEntry.objects.filter(action=Action.EXPORT, target_type="kit.notice").count() == 1


# --- scoping -------------------------------------------------------------------------------------


def test_a_person_of_another_street_neither_sees_nor_writes_it(client, people, tree):
    record = notice(people, tree)
    web = logged_in(client, people["other"])
    assert record.number not in web.get("/kit/").content.decode()
    assert web.get(f"/kit/{record.pk}/").status_code == 404
    assert web.get(f"/kit/{record.pk}/finish/").status_code == 404
    post = web.post(f"/kit/{record.pk}/finish/", {"version": 1, "done_on": TODAY, "result": "越权"})
    assert post.status_code == 404
    assert record.number not in web.get("/kit/excel/export/").content.decode(errors="replace")

    api = client_for(people["other"])
    assert api.get("/api/kit-notices/").json()["results"] == []
    assert api.get(f"/api/kit-notices/{record.pk}/").status_code == 404
    answer = api.post(
        f"/api/kit-notices/{record.pk}/cancel/", {"version": 1, "reason": "越权"}, format="json"
    )
    assert answer.status_code in (403, 404)
    created = api.post("/api/kit-notices/", {"org": "a", "title": "越权", "issued_on": TODAY}, format="json")
    assert created.status_code == 403
    record.refresh_from_db()
    assert record.version == 1 and Notice.objects.count() == 1


def test_a_reader_sees_it_but_gets_404_on_actions(client, people, tree):
    record = notice(people, tree)
    web = logged_in(client, people["leader"])
    detail = web.get(f"/kit/{record.pk}/")
    assert detail.status_code == 200 and f"/kit/{record.pk}/finish/" not in detail.content.decode()
    assert web.get(f"/kit/{record.pk}/finish/").status_code == 404
    assert web.post(f"/kit/{record.pk}/cancel/", {"version": 1, "reason": "读者"}).status_code == 404
    answer = client_for(people["leader"]).post(
        f"/api/kit-notices/{record.pk}/cancel/", {"version": 1, "reason": "读者"}, format="json"
    )
    assert answer.status_code == 403
    record.refresh_from_db()
    assert record.status == OPEN


# --- the home board ------------------------------------------------------------------------------


def test_the_home_board_shows_it_when_due_soon_or_overdue(client, people, tree):
    soon = notice(people, tree, issued_on=due_soon_start(), title="即将到期")
    late = notice(people, tree, org="a-sq", issued_on=OVERDUE_START, title="已经超期")
    calm = notice(people, tree, title="刚交办")
    closed = notice(people, tree, issued_on=OVERDUE_START, title="已办结")
    services.finish(people["office"], closed, closed.version, done_on=TODAY, result="已整改")
    assert (soon.deadline_status(), late.deadline_status(), calm.deadline_status()) == (
        "due_soon",
        "overdue",
        "ok",
    )
    board = logged_in(client, people["office"]).get("/")
    assert [r.number for r in board.context["due_soon"]] == [soon.number]
    assert [r.number for r in board.context["overdue"]] == [late.number]
    page = board.content.decode()
    assert f'href="/kit/{soon.pk}/"' in page and f'href="/kit/{late.pk}/"' in page
    assert calm.number not in page and closed.number not in page
    other = logged_in(client, people["other"]).get("/")
    assert not other.context["due_soon"] and not other.context["overdue"]
