import datetime
import io

import pytest
from openpyxl import load_workbook

from fazhi.audit.models import Action, AuditEntry
from tests.conftest import TODAY as DAY
from tests.conftest import client_for
from tests.disputes.dispute_fixtures import ID_A, PHONE_A, new_dispute

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]

TODAY = DAY.isoformat()


@pytest.fixture
def people(tree, person):
    return {
        "office": person("office_a", "office", tree["a"]),
        "mediator": person("med_a", "handler", tree["a-tw"]),
        "community": person("med_sq", "handler", tree["a-sq-tw"]),
        "other": person("med_b", "handler", tree["b-tw"]),
    }


def create_payload(**over):
    return {
        "org": "a-tw",
        "channel": "hotline",
        "received_on": TODAY,
        "dispute_type": "劳资",
        "summary": "拖欠工资",
        "persons_involved": 35,
        "amount_involved": "120000.00",
        "parties": [
            {"name": "王五", "id_number": ID_A, "phone": PHONE_A},
            {"name": "某某公司", "role": "respondent", "kind": "organisation"},
        ],
    } | over


def test_create_masks_personal_data_and_flags_group(people):
    response = client_for(people["mediator"]).post("/api/disputes/", create_payload(), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["is_group"] is True and body["status"] == "received"
    applicant = body["parties"][0]
    assert applicant["id_number"] == "**************002X" and applicant["phone"] == "*******5678"


def test_create_refused_in_other_street(people):
    response = client_for(people["other"]).post("/api/disputes/", create_payload(), format="json")
    assert response.status_code == 403
    assert "无权" in response.json()["error"]["message"]


def test_filters(people, tree):
    mediator = people["mediator"]
    new_dispute(mediator, tree["a-tw"], summary="噪声扰民", name="赵六")
    new_dispute(mediator, tree["a-tw"], summary="物业费", persons=40, channel="grid")
    old = new_dispute(mediator, tree["a-tw"], received_on=DAY - datetime.timedelta(days=60))
    client = client_for(mediator)

    def numbers(**params):
        return {r["number"] for r in client.get("/api/disputes/", params).json()["results"]}

    assert len(numbers()) == 3
    assert len(numbers(q="赵六")) == 1 and len(numbers(q="物业费")) == 1
    assert len(numbers(group="1")) == 1 and len(numbers(channel="grid")) == 1
    assert numbers(overdue="1") == {old.number}
    assert len(numbers(id_number=ID_A.lower())) == 3
    assert numbers(phone="13900000000") == set()
    assert numbers(received_to=(DAY - datetime.timedelta(days=1)).isoformat()) == {old.number}


def test_writes_need_version_and_stale_is_409(people, tree):
    d = new_dispute(people["mediator"], tree["a-tw"])
    client = client_for(people["mediator"])
    assert client.patch(f"/api/disputes/{d.pk}/", {"summary": "x"}, format="json").status_code == 400
    ok = client.patch(f"/api/disputes/{d.pk}/", {"summary": "新简况", "version": 1}, format="json")
    assert ok.status_code == 200 and ok.json()["version"] == 2
    stale = client.patch(f"/api/disputes/{d.pk}/", {"summary": "旧", "version": 1}, format="json")
    assert stale.status_code == 409
    assert stale.json()["error"]["code"] == "stale_edit" and "保存失败" in stale.json()["error"]["message"]


def test_lifecycle_actions(people, tree):
    d = new_dispute(people["office"], tree["a-tw"])
    office = client_for(people["office"])
    r = office.post(f"/api/disputes/{d.pk}/dispatch/", {"version": 1, "to_org": "a-sq-tw"}, format="json")
    assert r.status_code == 200, r.json()
    assert r.json()["org"] == "a-sq-tw" and len(r.json()["dispatches"]) == 1
    community = client_for(people["community"])
    assert community.get(f"/api/disputes/{d.pk}/").status_code == 200
    assert client_for(people["mediator"]).get(f"/api/disputes/{d.pk}/").status_code == 404
    session = {"version": 2, "held_on": TODAY, "place": "调解室", "mediators": "王", "notes": "协商"}
    r = community.post(f"/api/disputes/{d.pk}/sessions/", session, format="json")
    assert r.json()["status"] == "mediating"
    bad = community.post(
        f"/api/disputes/{d.pk}/conclude/",
        {"version": 3, "outcome": "failure", "concluded_on": TODAY},
        format="json",
    )
    assert bad.status_code == 400 and "引导去向" in bad.json()["error"]["message"]
    r = community.post(
        f"/api/disputes/{d.pk}/conclude/",
        {
            "version": 3,
            "outcome": "success",
            "concluded_on": TODAY,
            "agreement_text": "赔偿",
            "amount_recovered": "500",
        },
        format="json",
    )
    assert r.status_code == 200 and r.json()["status"] == "success"
    again = community.post(
        f"/api/disputes/{d.pk}/withdraw/", {"version": 4, "concluded_on": TODAY, "reason": "x"}
    )
    assert again.status_code == 409 and again.json()["error"]["code"] == "transition_not_allowed"


def test_reveal_is_permitted_by_role_and_audited(people, tree):
    d = new_dispute(people["mediator"], tree["a-tw"])
    r = client_for(people["mediator"]).post(f"/api/disputes/{d.pk}/reveal/")
    assert r.status_code == 200 and r.json()[0]["id_number"] == ID_A
    assert AuditEntry.objects.filter(action=Action.VIEW_PERSONAL, target_id=str(d.pk)).count() == 1
    assert client_for(people["office"]).post(f"/api/disputes/{d.pk}/reveal/").status_code == 403
    assert client_for(people["other"]).post(f"/api/disputes/{d.pk}/reveal/").status_code == 404


def test_other_street_cannot_list_read_or_change(people, tree):
    d = new_dispute(people["mediator"], tree["a-tw"])
    other = client_for(people["other"])
    assert other.get("/api/disputes/").json()["count"] == 0
    assert other.get(f"/api/disputes/{d.pk}/").status_code == 404
    assert (
        other.patch(f"/api/disputes/{d.pk}/", {"summary": "x", "version": 1}, format="json").status_code
        == 404
    )
    assert (
        other.post(
            f"/api/disputes/{d.pk}/withdraw/", {"version": 1, "concluded_on": TODAY, "reason": "x"}
        ).status_code
        == 404
    )


def test_sibling_unit_mediator_cannot_see_or_export(people, tree, client):
    d = new_dispute(people["mediator"], tree["a-tw"])
    community = client_for(people["community"])
    assert community.get("/api/disputes/").json()["count"] == 0
    assert community.get(f"/api/disputes/{d.pk}/").status_code == 404
    for who in ("community", "other"):
        client.force_login(people[who])
        sheet = load_workbook(io.BytesIO(client.get("/disputes/excel/export/").content)).active
        assert sheet.max_row == 1  # the header only
        assert d.number not in client.get("/disputes/").content.decode()
