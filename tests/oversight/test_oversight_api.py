import pytest
from rest_framework.test import APIClient

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def people(tree, person):
    return {
        "office": person("office_a", "office", tree["a"]),
        "other": person("office_b", "office", tree["b"]),
    }


def test_suggestions_and_reminders_api(people, tree):
    client = client_for(people["office"])
    r = client.post(
        "/api/suggestions/",
        {
            "org": "a",
            "kind": "procuratorate",
            "issuer": "区检察院",
            "received_on": "2024-08-02",
            "content": "x",
        },
        format="json",
    )
    assert r.status_code == 201 and r.json()["reply_due"] == "2024-10-08"
    pk = r.json()["id"]
    r = client.post(
        f"/api/suggestions/{pk}/reply/", {"version": 1, "replied_on": "2024-09-01", "reply_text": "已整改"}
    )
    assert r.status_code == 200 and r.json()["replied_on_time"] is True
    r = client.post(
        "/api/reminders/",
        {
            "org": "a",
            "to_unit": "a-tw",
            "issued_on": "2024-03-01",
            "matter": "程序不规范",
            "follow_up_due": "2024-03-31",
        },
        format="json",
    )
    assert r.status_code == 201 and r.json()["deadline_status"] == "overdue"
    judicial = client.post(
        "/api/suggestions/",
        {"org": "a", "kind": "judicial", "issuer": "区法院", "received_on": "2024-04-08", "content": "x"},
        format="json",
    ).json()
    assert judicial["reply_due"] == "2024-06-11" and judicial["provisional"] is False  # the rule's two months
    r = client.patch(
        f"/api/suggestions/{judicial['id']}/", {"version": 1, "reply_due": "2024-05-08"}, format="json"
    )
    assert r.status_code == 200 and r.json()["reply_due"] == "2024-05-08"
    r = client.patch(
        f"/api/suggestions/{judicial['id']}/", {"version": 2, "reply_due": "2024-04-01"}, format="json"
    )
    assert r.status_code == 400 and "不能早于收到日期" in r.json()["error"]["message"]
    other = client_for(people["other"])
    assert (
        other.patch(f"/api/suggestions/{pk}/", {"version": 2, "issuer": "x"}, format="json").status_code
        == 404
    )
    assert other.get("/api/suggestions/").json()["count"] == 0
    assert other.get(f"/api/suggestions/{pk}/").status_code == 404
    assert other.get("/api/reminders/").json()["count"] == 0


def test_an_npc_suggestion_through_the_api(people, tree):
    """The kind's fields, a co-handling unit by its code, a measure and its progress, the satisfaction."""
    client = client_for(people["office"])
    base = {"org": "a", "kind": "npc", "issuer": "区人大", "received_on": "2024-03-01", "content": "建议"}
    r = client.post("/api/suggestions/", base, format="json")
    assert r.status_code == 400 and set(r.json()["error"]["fields"]) >= {"level", "role", "proposer"}
    r = client.post(
        "/api/suggestions/",
        base | {"level": "district", "role": "lead", "proposer": "王某某", "proposer_phone": "13800138000"},
        format="json",
    )
    assert r.status_code == 201 and r.json()["reply_due"] == "2024-06-03"
    assert "proposer_phone" not in r.json()  # personal: never in the API
    pk = r.json()["id"]
    r = client.post(
        f"/api/suggestions/{pk}/assign/",
        {"version": 1, "unit": "a-sq", "lead": False, "part": "摸排", "assigned_on": "2024-03-02"},
        format="json",
    )
    assert r.status_code == 200 and r.json()["handlers"][0]["unit"] == "a-sq"
    r = client.post(
        f"/api/suggestions/{pk}/measure/",
        {"version": 2, "problem": "充电难", "action": "增设充电桩", "owner": "社区", "due_on": "2024-05-01"},
        format="json",
    )
    measure = r.json()["measures"][0]["id"]
    r = client.post(
        f"/api/suggestions/{pk}/measure-update/",
        {"version": 3, "measure": measure, "status": "done", "done_on": "2024-04-20"},
        format="json",
    )
    assert r.status_code == 200 and r.json()["measures"][0]["status"] == "done"
    r = client.post(
        f"/api/suggestions/{pk}/reply/", {"version": 4, "replied_on": "2024-04-25", "reply_text": "答复"}
    )
    r = client.post(
        f"/api/suggestions/{pk}/satisfaction/",
        {"version": 5, "satisfaction": "basic", "satisfaction_on": "2024-04-30"},
        format="json",
    )
    assert r.status_code == 200 and r.json()["satisfaction"] == "basic"
    r = client.post(f"/api/suggestions/{pk}/close/", {"version": 6, "closed_on": "2024-04-30"}, format="json")
    assert r.status_code == 200 and r.json()["status"] == "closed"
