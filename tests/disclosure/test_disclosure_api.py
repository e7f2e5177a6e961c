"""The disclosure API: create, list filters, the actions from the page table, masking and scope."""

import pytest
from rest_framework.test import APIClient

from fazhi.disclosure.models import DisclosureRequest
from tests.conftest import TODAY as DAY
from tests.disclosure.disclosure_fixtures import ID_A, PHONE_A, new_request

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
TODAY = DAY.isoformat()


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def people(tree, person):
    return {
        "clerk": person("gk_a", "petition", tree["a"]),
        "office": person("office_a", "office", tree["a"]),
        "other": person("gk_b", "petition", tree["b"]),
    }


def payload(**over):
    return {
        "org": "a",
        "channel": "post",
        "submitted_on": "2026-07-01",
        "received_on": "2026-07-03",
        "applicant_kind": "legal_service",
        "content": "申请公开某项目立项批复",
        "parties": [{"name": "某律师事务所", "id_number": ID_A, "phone": PHONE_A}],
    } | over


def test_create_masks_and_answers_the_due_date(people):
    response = client_for(people["clerk"]).post("/api/disclosure/", payload(), format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["due_date"] == "2026-07-31"  # 20 working days from Friday 3 July
    assert data["parties"][0]["id_number"] == "**************002X"
    assert "届满日：2026年7月31日（星期五）。" in data["deadline_explanation"]


def test_create_refused_in_other_street_and_bad_receipt(people):
    assert client_for(people["other"]).post("/api/disclosure/", payload(), format="json").status_code == 403
    response = client_for(people["clerk"]).post(
        "/api/disclosure/", payload(received_on="2026-06-30"), format="json"
    )
    assert response.status_code == 400 and "received_on" in response.json()["error"]["fields"]
    assert not DisclosureRequest.objects.exists()


def test_lifecycle_through_the_api(people, tree):
    api = client_for(people["clerk"])
    pk = api.post("/api/disclosure/", payload(), format="json").json()["id"]

    def act(name, body):
        version = api.get(f"/api/disclosure/{pk}/").json()["version"]
        return api.post(f"/api/disclosure/{pk}/{name}/", {"version": version, **body}, format="json")

    response = act("correction", {"requested_on": "2026-07-06", "points": "写明名称"})
    assert response.status_code == 200 and response.json()["due_date"] is None
    assert act("consult", {"kind": "third_party", "addressee": "x", "sent_on": TODAY}).status_code == 409
    response = act("corrected", {"received_on": "2026-07-08"})
    assert response.json()["due_date"] == "2026-08-05"
    response = act("extend", {"days": 10, "approved_by": "主任", "approved_on": TODAY, "notified_on": TODAY})
    assert response.json()["due_date"] == "2026-08-19"
    response = act("reply", {"replied_on": TODAY, "outcome": "withheld_process"})
    assert response.json()["status"] == "replied"
    assert response.json()["outcome_label"] == "不予公开：属于四类过程性信息"


def test_filters_and_scope(people, tree):
    new_request(people["clerk"], tree["a"], kind="research")
    new_request(people["other"], tree["b"])
    api = client_for(people["clerk"])
    assert len(api.get("/api/disclosure/").json()["results"]) == 1
    assert len(api.get("/api/disclosure/", {"applicant_kind": "person"}).json()["results"]) == 0
    assert len(api.get("/api/disclosure/", {"contact": PHONE_A}).json()["results"]) == 1
    # the 党政办 role sees no personal data: a lookup by phone is refused, not answered
    assert client_for(people["office"]).get("/api/disclosure/", {"contact": PHONE_A}).status_code == 403


def test_reveal_only_for_roles_that_see_personal_data(people, tree):
    r = new_request(people["clerk"], tree["a"])
    assert client_for(people["clerk"]).post(f"/api/disclosure/{r.pk}/reveal/").json()[0]["id_number"] == ID_A
    assert client_for(people["office"]).post(f"/api/disclosure/{r.pk}/reveal/").status_code == 403
    assert client_for(people["other"]).post(f"/api/disclosure/{r.pk}/reveal/").status_code == 404


def test_link_case_never_tells_whether_another_streets_case_exists(people, tree):
    from fazhi.disclosure import services
    from fazhi.litigation import services as litigation

    r = new_request(people["clerk"], tree["a"])
    r = services.reply(people["clerk"], r, r.version, replied_on=DAY, outcome="public")
    b_case = litigation.register_case(
        people["other"], org=tree["b"], kind="administrative", court="法院", disputed_act="答复",
        copy_received_on=DAY, parties=[litigation.PartyData(name="某")],
    )  # fmt: skip
    api = client_for(people["clerk"])
    answers = [
        api.post(f"/api/disclosure/{r.pk}/link_case/", {"version": r.version, "case": number}, format="json")
        for number in (b_case.number, "不存在的编号")
    ]
    assert [a.status_code for a in answers] == [400, 400]
    messages = [a.json()["error"]["message"] for a in answers]
    assert all("没有找到该案件，或您无权查看" in m for m in messages), messages
