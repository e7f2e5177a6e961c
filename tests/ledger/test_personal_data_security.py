"""Issue 12: the exact-match ID-number and phone filters are no oracle, exports are audited by record
and field and refuse a malformed filter, no personal-data filter value is logged, and answers with
personal data are never cached."""

import io
import json
import logging

import pytest
from openpyxl import load_workbook
from rest_framework.test import APIClient

from fazhi.audit.models import Action, AuditEntry
from fazhi.ledger.filtering import LOOKUP_LIMIT, LOOKUP_TARGET
from fazhi.orgs.models import RoleAssignment
from fazhi.orgs.scoping import sees_personal_data
from fazhi.web.redact import RedactPersonalParams
from tests.disputes.dispute_fixtures import ID_A, PHONE_A, new_dispute

pytestmark = pytest.mark.django_db


@pytest.fixture
def handler(tree, person):
    return person("med_a", "handler", tree["a-tw"])


@pytest.fixture
def dispute(handler, tree):
    return new_dispute(handler, tree["a-tw"])


def api_for(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


def audit_text() -> str:
    entries = AuditEntry.objects.all()
    return json.dumps([[e.target_repr, e.changes] for e in entries], ensure_ascii=False)


# --- the oracle ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["leader", "district_reviewer", "office"])
@pytest.mark.parametrize("param", ["contact", "id_number", "phone"])
def test_roles_that_may_not_see_personal_data_cannot_search_by_it(client, tree, person, dispute, role, param):
    org = tree["district"] if role == "district_reviewer" else tree["a"]
    reader = person(f"r_{role}", role, org)
    value = PHONE_A if param == "phone" else ID_A
    answer = api_for(reader).get("/api/disputes/", {param: value})
    assert answer.status_code == 403 and "不能按身份证号码或电话查找" in answer.json()["error"]["message"]
    client.force_login(reader)
    page = client.get("/disputes/", {param: value})
    assert page.status_code == 403 and dispute.number not in page.content.decode()
    export = client.get("/disputes/excel/export/", {param: value})
    assert export.status_code == 403 and not export.content.startswith(b"PK")


def test_a_lookup_finds_only_records_of_units_where_the_person_sees_personal_data(tree, person, handler):
    """调解员 in a 社区's committee, 领导 at the 街道: the lookup covers the 社区, not the rest of the 街道."""
    in_street = new_dispute(handler, tree["a-tw"])
    community_handler = person("med_sq", "handler", tree["a-sq-tw"])
    in_community = new_dispute(community_handler, tree["a-sq-tw"])
    both = person("both", "handler", tree["a-sq-tw"])
    RoleAssignment.objects.create(user=both, org=tree["a"], role="leader")

    listed = api_for(both).get("/api/disputes/").json()["results"]
    assert {row["number"] for row in listed} >= {in_street.number, in_community.number}  # reads both
    found = api_for(both).get("/api/disputes/", {"contact": ID_A}).json()["results"]
    assert [row["number"] for row in found] == [in_community.number]


def test_sees_personal_data_follows_the_unit_of_the_role_that_grants_it(tree, person):
    both = person("both", "handler", tree["a-sq-tw"])
    RoleAssignment.objects.create(user=both, org=tree["a"], role="leader")
    assert sees_personal_data(both, tree["a-sq-tw"])
    assert not sees_personal_data(both, tree["a-tw"])
    assert not sees_personal_data(both, tree["a"])
    assert not sees_personal_data(both, tree["b-sq-tw"])


def test_reveal_is_refused_outside_the_unit_of_the_personal_data_role(tree, person, dispute):
    both = person("both", "handler", tree["a-sq-tw"])
    RoleAssignment.objects.create(user=both, org=tree["a"], role="leader")
    answer = api_for(both).post(f"/api/disputes/{dispute.pk}/reveal/")
    assert answer.status_code == 403
    assert ID_A not in answer.content.decode()


def test_every_lookup_is_audited_without_the_value(handler, dispute):
    api = api_for(handler)
    assert api.get("/api/disputes/", {"contact": ID_A.lower()}).json()["count"] == 1
    assert api.get("/api/disputes/", {"phone": "138 1234 5678"}).json()["count"] == 1
    lookups = AuditEntry.objects.filter(action=Action.VIEW_PERSONAL, target_type=LOOKUP_TARGET)
    assert lookups.count() == 2 and all(entry.actor_id == handler.pk for entry in lookups)
    text = audit_text()
    for fragment in (ID_A, ID_A.lower(), PHONE_A, "1234 5678", "12345678"):
        assert fragment not in text


def test_lookups_are_throttled(handler, dispute):
    api = api_for(handler)
    for _ in range(LOOKUP_LIMIT):
        assert api.get("/api/disputes/", {"id_number": ID_A}).status_code == 200
    refused = api.get("/api/disputes/", {"id_number": ID_A})
    assert refused.status_code == 429 and "过于频繁" in refused.json()["error"]["message"]
    # Other filters still work; other people are not affected.
    assert api.get("/api/disputes/", {"status": "received"}).status_code == 200


def test_a_throttled_lookup_on_a_page_is_a_clear_refusal_not_a_500(client, handler, dispute):
    client.force_login(handler)
    for _ in range(LOOKUP_LIMIT):
        assert client.get("/disputes/", {"contact": PHONE_A}).status_code == 200
    page = client.get("/disputes/", {"contact": PHONE_A})
    assert page.status_code == 429 and "过于频繁" in page.content.decode()


# --- exports -------------------------------------------------------------------------------------


def export_entry() -> AuditEntry:
    return AuditEntry.objects.filter(action=Action.EXPORT).latest("seq")


def test_the_export_audit_names_the_records_and_fields(client, handler, tree, dispute):
    other = new_dispute(handler, tree["a-tw"], name="王五")
    client.force_login(handler)
    response = client.get("/disputes/excel/export/")
    assert response.status_code == 200
    changes = export_entry().changes
    ids = sorted([dispute.pk, other.pk])
    assert changes["记录"][1] == (f"{ids[0]}-{ids[1]}" if ids[1] == ids[0] + 1 else f"{ids[0]},{ids[1]}")
    assert "申请人身份证号" in changes["字段"][1] and "申请人电话" in changes["字段"][1]
    assert changes["未遮盖个人信息的记录"][1] == changes["记录"][1]
    assert "申请人身份证号" in changes["未遮盖的字段"][1]


def test_a_readers_export_audit_shows_nothing_went_out_unmasked(client, tree, person, dispute):
    leader = person("leader_a", "leader", tree["a"])
    client.force_login(leader)
    assert client.get("/disputes/excel/export/").status_code == 200
    changes = export_entry().changes
    assert changes["记录"][1] == str(dispute.pk)
    assert changes["未遮盖个人信息的记录"][1] == "" and changes["未遮盖的字段"][1] == []


def test_the_export_audit_never_holds_the_typed_id_number(client, handler, dispute):
    client.force_login(handler)
    response = client.get("/disputes/excel/export/", {"contact": ID_A, "status": "received"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert dispute.number in {c.value for row in sheet.iter_rows() for c in row}
    filters = export_entry().changes["筛选条件"][1]
    assert filters["contact"] == "（已隐去）" and filters["status"] == "received"
    assert ID_A not in audit_text()


def lookup_count() -> int:
    return AuditEntry.objects.filter(action=Action.VIEW_PERSONAL, target_type=LOOKUP_TARGET).count()


def test_an_export_by_phone_is_one_lookup_in_the_trail(client, handler, dispute, settings):
    """The page counts the rows and then writes them, the worker filters again: still one lookup, one step
    towards the limit."""
    client.force_login(handler)
    assert client.get("/disputes/excel/export/", {"contact": PHONE_A}).status_code == 200
    assert lookup_count() == 1
    from fazhi.jobs.models import Job
    from tests.jobs.job_helpers import run_worker

    settings.FAZHI_JOB_EXPORT_ROWS = 1  # the export goes to the worker
    response = client.get("/disputes/excel/export/", {"contact": PHONE_A})
    assert response.status_code == 302 and lookup_count() == 2
    run_worker()
    job = Job.objects.get()
    assert job.state == "done" and job.summary.startswith("已导出1件") and lookup_count() == 2


@pytest.mark.parametrize(
    "params",
    [
        {"status": "no-such-status"},
        {"received_from": "2024-13-45"},
        {"type": "abc"},
        {"org": "no-such-unit"},
        {"overdue": "maybe"},
        {"id_numbr": ID_A},  # a misspelt parameter name
    ],
)
def test_a_malformed_export_filter_is_refused_not_widened(client, handler, dispute, params):
    client.force_login(handler)
    response = client.get("/disputes/excel/export/", params)
    assert response.status_code == 400
    assert not response.content.startswith(b"PK")
    assert "筛选条件有误，未导出" in response.content.decode()
    assert not AuditEntry.objects.filter(action=Action.EXPORT).exists()


def test_the_list_page_still_ignores_a_malformed_filter(client, handler, dispute):
    client.force_login(handler)
    page = client.get("/disputes/", {"status": "no-such-status", "received_from": "2024-13-45"})
    assert page.status_code == 200


def test_other_ledgers_exports_refuse_malformed_filters_too(client, tree, person):
    legal = person("legal_a", "legal", tree["a"])
    client.force_login(legal)
    assert client.get("/legal/excel/export/", {"kind": "nope"}).status_code == 400
    assert client.get("/litigation/excel/export/", {"stage": "nope"}).status_code == 400
    assert client.get("/legal/excel/export/").status_code == 200


# --- logs and caches ------------------------------------------------------------------------------


def test_log_lines_never_carry_a_personal_data_filter_value():
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"%s" %s %s',
        (f"GET /disputes/?contact={ID_A}&status=x&phone=138", 200, 5),
        None,
    )
    assert RedactPersonalParams().filter(record)
    line = record.getMessage()
    assert ID_A not in line and "phone=138" not in line
    assert "contact=***" in line and "status=x" in line


def test_the_log_filter_is_configured_for_every_handler():
    from django.conf import settings

    for handler in settings.LOGGING["handlers"].values():
        assert "redact_personal" in handler["filters"]
    assert "django.server" in settings.LOGGING["loggers"]


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_answers_with_personal_data_are_never_cached(client, handler, dispute):
    client.force_login(handler)
    assert no_store(client.get("/disputes/"))
    assert no_store(client.get(f"/disputes/{dispute.pk}/"))
    assert no_store(client.get("/disputes/excel/export/"))
    assert no_store(client.post(f"/disputes/{dispute.pk}/reveal/"))
    api = api_for(handler)
    assert no_store(api.get("/api/disputes/"))
    assert no_store(api.get(f"/api/disputes/{dispute.pk}/"))
    assert no_store(api.post(f"/api/disputes/{dispute.pk}/reveal/"))
