import datetime

import pytest
from rest_framework.test import APIClient

from fazhi.audit.models import Action, AuditEntry
from fazhi.enforcement.models import EnforcementCase
from tests.conftest import TODAY
from tests.enforcement.enforcement_fixtures import ID_A, PHONE_A, add_team, file_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
DAY = datetime.timedelta(days=1)


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def payload(team, officers, **over):
    return {
        "org": team.code,
        "filed_on": TODAY.isoformat(),
        "procedure": "simple",
        "summary": "占道经营",
        "officers": [o.pk for o in officers],
        "parties": [{"name": "陈某", "id_number": ID_A, "phone": PHONE_A}],
    } | over


def test_create_then_act_through_the_api(officer_user, team, officers):
    api = client_for(officer_user)
    created = api.post("/api/enforcement-cases/", payload(team, officers), format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["number"].startswith("a执执") and body["officers"] == ["沈一", "韩二"]
    assert body["parties"][0]["id_number"] != ID_A and body["parties"][0]["id_number"].endswith("002X")
    pk = body["id"]
    over = api.post(
        f"/api/enforcement-cases/{pk}/decide/",
        {
            "version": body["version"],
            "decision_on": TODAY.isoformat(),
            "penalty_kind": "fine",
            "fine_amount": "250",
        },
        format="json",
    )
    assert over.status_code == 400 and "第五十一条" in over.json()["error"]["message"]
    decided = api.post(
        f"/api/enforcement-cases/{pk}/decide/",
        {
            "version": body["version"],
            "decision_on": TODAY.isoformat(),
            "penalty_kind": "fine",
            "fine_amount": "200",
        },
        format="json",
    )
    assert decided.status_code == 200 and decided.json()["status"] == "decided"
    assert decided.json()["publicity_due"] and decided.json()["deadline_status"] == "ok"
    wrong_state = api.post(
        f"/api/enforcement-cases/{pk}/close/", {"version": decided.json()["version"], "closed_on": TODAY.isoformat()},
        format="json",
    )  # fmt: skip
    assert wrong_state.status_code == 409


def test_api_refuses_one_officer_and_a_reader(officer_user, team, officers, person):
    api = client_for(officer_user)
    one = api.post("/api/enforcement-cases/", payload(team, officers[:1]), format="json")
    assert one.status_code == 400 and "officers" in one.json()["error"]["fields"]
    leader = client_for(person("leader_a", "leader", team.parent))
    refused = leader.post("/api/enforcement-cases/", payload(team, officers), format="json")
    assert refused.status_code == 403 and not EnforcementCase.objects.exists()


def test_list_filters_and_scope(officer_user, team, officers, tree, person):
    simple = file_case(officer_user, team, officers, procedure="simple")
    file_case(officer_user, team, officers, filed_on=TODAY - 100 * DAY)
    other = add_team(tree, "b")
    outsider = client_for(person("zf_b", "enforcement", other))
    assert outsider.get("/api/enforcement-cases/").json()["count"] == 0
    api = client_for(officer_user)
    assert api.get("/api/enforcement-cases/").json()["count"] == 2
    listed = api.get("/api/enforcement-cases/", {"procedure": "simple"}).json()["results"]
    assert [c["number"] for c in listed] == [simple.number]
    overdue = api.get("/api/enforcement-cases/", {"overdue": "1"}).json()["results"]
    assert len(overdue) == 1 and overdue[0]["deadline_status"] == "overdue"


def test_reveal_is_audited(officer_user, team, officers):
    case = file_case(officer_user, team, officers)
    revealed = client_for(officer_user).post(f"/api/enforcement-cases/{case.pk}/reveal/")
    assert revealed.status_code == 200 and revealed.json()[0]["id_number"] == ID_A
    assert AuditEntry.objects.filter(action=Action.VIEW_PERSONAL, target_id=str(case.pk)).exists()


def test_certificate_roster_through_the_api(officer_user, team, officers, tree, person):
    api = client_for(officer_user)
    created = api.post(
        "/api/enforcement-certificates/",
        {"org": team.code, "name": "新人", "joined_on": TODAY.isoformat(), "number": "A0100", "issuer": "区政府",
         "issued_on": TODAY.isoformat(), "expires_on": (TODAY + 20 * DAY).isoformat()},
        format="json",
    )  # fmt: skip
    assert created.status_code == 201, created.content
    card = created.json()
    assert card["officer"] == "新人" and card["deadline_status"] == "due_soon"
    expiring = api.get("/api/enforcement-certificates/", {"expiring": "1"}).json()["results"]
    assert [c["number"] for c in expiring] == ["A0100"]
    lost = api.post(
        f"/api/enforcement-certificates/{card['id']}/lost/",
        {"version": card["version"], "on": TODAY.isoformat()},
        format="json",
    )
    assert lost.status_code == 200 and lost.json()["status"] == "lost"
    again = api.post(
        f"/api/enforcement-certificates/{card['id']}/cancel/",
        {"version": lost.json()["version"], "on": TODAY.isoformat()},
        format="json",
    )
    assert again.status_code == 409
    outsider = client_for(person("zf_b", "enforcement", add_team(tree, "b")))
    assert outsider.get(f"/api/enforcement-certificates/{card['id']}/").status_code == 404
