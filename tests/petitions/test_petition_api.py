import pytest
from rest_framework.test import APIClient

from fazhi.petitions.models import Petition
from tests.conftest import TODAY
from tests.petitions.petition_fixtures import ID_A, PHONE_A, new_petition

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
DAY = TODAY.isoformat()


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_register_masks_and_answers_the_stages_with_their_articles(clerk, xf):
    api = client_for(clerk)
    body = {"org": "a-xf", "received_on": DAY, "matter": "反映噪声", "persons": 2,
            "parties": [{"name": "王五", "id_number": ID_A, "phone": PHONE_A}]}  # fmt: skip
    response = api.post("/api/petitions/", body, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["parties"][0]["id_number"] == "**************002X" and data["status"] == "received"
    assert data["due_date"] == data["acceptance_due"] == "2026-07-30"
    stage = data["stages"][0]
    assert stage["rule"] == "petition.acceptance" and "第二十三条第二款" in stage["source"]


def test_lifecycle_through_the_api(clerk, xf):
    api = client_for(clerk)
    petition = new_petition(clerk, xf["a-xf"])
    url = f"/api/petitions/{petition.pk}"
    r = api.post(
        f"{url}/acceptance/",
        {"version": petition.version, "decision": "accept", "decided_on": DAY},
        format="json",
    )
    assert r.status_code == 200, r.json()
    assert r.json()["handling_due"] == "2026-09-14"  # 7月15日 + 60 = 9月13日 (Sunday) → Monday
    r = api.post(f"{url}/extend/", {"version": r.json()["version"], "days": 40, "reason": "复杂",
                                    "approved_by": "吴主任", "told_on": DAY}, format="json")  # fmt: skip
    assert r.status_code == 400 and "1至30日" in r.json()["error"]["message"]
    version = Petition.objects.get(pk=petition.pk).version
    r = api.post(f"{url}/opinion/", {"version": version, "opinion_on": DAY, "result": "support", "text": "支持"},
                 format="json")  # fmt: skip
    assert r.status_code == 200 and r.json()["status"] == "answered"
    r = api.post(
        f"{url}/review/",
        {"version": r.json()["version"], "reviewed_on": DAY, "result": "uphold"},
        format="json",
    )
    assert r.status_code == 409  # no 复查 requested yet


def test_other_street_neither_lists_nor_reads(clerk, xf, person):
    petition = new_petition(clerk, xf["a-xf"])
    other = client_for(person("xinfang_b", "petition", xf["b"]))
    assert other.get("/api/petitions/").json()["results"] == []
    assert other.get(f"/api/petitions/{petition.pk}/").status_code == 404
    assert other.post(f"/api/petitions/{petition.pk}/reveal/").status_code == 404


def test_reveal_is_audited_and_unmasked(clerk, xf):
    from fazhi.audit.models import Action, AuditEntry

    petition = new_petition(clerk, xf["a-xf"])
    response = client_for(clerk).post(f"/api/petitions/{petition.pk}/reveal/")
    assert response.status_code == 200 and response.json()[0]["id_number"] == ID_A
    assert AuditEntry.objects.filter(action=Action.VIEW_PERSONAL, target_id=petition.pk).exists()


def test_demand_and_council_api(clerk, xf):
    api = client_for(clerk)
    r = api.post("/api/citizen-demands/", {"org": "a", "channel": "hotline", "external_number": "GD1",
                                           "received_on": DAY, "content": "路灯"}, format="json")  # fmt: skip
    assert r.status_code == 201, r.json()
    again = api.post("/api/citizen-demands/", {"org": "a", "channel": "hotline", "external_number": "GD1",
                                               "received_on": DAY, "content": "路灯"}, format="json")  # fmt: skip
    assert again.status_code == 400 and "已经登记过" in again.json()["error"]["message"]
    r = api.post(f"/api/citizen-demands/{r.json()['id']}/handle/",
                 {"version": 1, "handled_on": DAY, "reply": "修好", "resolved": True}, format="json")  # fmt: skip
    assert r.status_code == 200 and r.json()["resolved"] is True
    r = api.post("/api/resident-councils/", {"org": "a-sq", "held_on": DAY, "topics_raised": 2,
                                             "topics_resolved": 3, "topics": "停车"}, format="json")  # fmt: skip
    assert r.status_code == 400 and "topics_resolved" in r.json()["error"]["fields"]
