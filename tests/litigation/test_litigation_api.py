import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.audit.models import Action, AuditEntry
from fazhi.litigation import services
from fazhi.litigation.models import Case
from tests.conftest import TODAY as DAY
from tests.conftest import client_for
from tests.litigation.litigation_fixtures import ID_A, PHONE_A, new_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
TODAY = DAY.isoformat()


@pytest.fixture
def people(tree, person):
    return {
        "office": person("office_a", "office", tree["a"]),
        "legal": person("legal_a", "legal", tree["a"]),
        "other": person("office_b", "office", tree["b"]),
    }


def payload(**over):
    return {
        "org": "a",
        "kind": "administrative",
        "court": "测试区人民法院",
        "external_number": "（2024）浙0106行初1号",
        "disputed_act": "限期拆除决定",
        "copy_received_on": "2024-09-27",
        "parties": [{"name": "王五", "id_number": ID_A, "phone": PHONE_A}],
    } | over


def test_create_computes_due_and_masks(people):
    response = client_for(people["office"]).post("/api/litigation-cases/", payload(), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["reply_due"] == "2024-10-12" and body["status"] == "received" and body["reply_met"] is False
    assert (
        body["parties"][0]["id_number"] == "**************002X"
        and body["parties"][0]["phone"] == "*******5678"
    )
    assert body["documents"][0]["kind"] == "complaint"
    bad = client_for(people["office"]).post("/api/litigation-cases/", payload(kind="criminal"), format="json")
    assert bad.status_code == 400


def test_reply_document_hearing_conclude_and_stale(people, tree):
    case = new_case(people["office"], tree["a"], received_on=DAY - datetime.timedelta(days=3))
    client = client_for(people["office"])
    r = client.post(
        f"/api/litigation-cases/{case.pk}/reply/", {"version": 1, "replied_on": TODAY}, format="json"
    )
    assert r.status_code == 200 and r.json()["reply_met"] is True and r.json()["due_date"] is None
    stale = client.patch(f"/api/litigation-cases/{case.pk}/", {"court": "x", "version": 1}, format="json")
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "stale_edit"
    scan = SimpleUploadedFile("judgement.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    r = client.post(
        f"/api/litigation-cases/{case.pk}/documents/",
        {"version": 2, "kind": "judgement", "received_on": TODAY, "file": scan},
        format="multipart",
    )
    assert r.status_code == 200, r.json()
    document = r.json()["documents"][-1]
    assert document["kind"] == "judgement" and document["attachment"].startswith("/attachments/")
    r = client.post(
        f"/api/litigation-cases/{case.pk}/hearings/",
        {"version": 3, "held_on": TODAY, "head_appeared": True, "appeared_by": "主任"},
        format="json",
    )
    assert r.status_code == 200 and r.json()["hearings"][0]["head_appeared"] is True
    r = client.post(
        f"/api/litigation-cases/{case.pk}/conclude/",
        {"version": 4, "outcome": "withdrawn", "concluded_on": TODAY},
        format="json",
    )
    assert r.status_code == 200 and r.json()["status"] == "concluded"
    again = client.post(
        f"/api/litigation-cases/{case.pk}/conclude/", {"version": 5, "outcome": "lost", "concluded_on": TODAY}
    )
    assert again.status_code == 409 and again.json()["error"]["code"] == "transition_not_allowed"
    r = client.post(
        f"/api/litigation-cases/{case.pk}/appeal/",
        {"stage": "appeal", "court": "中院", "copy_received_on": TODAY},
        format="json",
    )
    assert r.status_code == 201 and r.json()["previous"] == case.number


def test_reveal_by_role_and_audited(people, tree):
    case = new_case(people["office"], tree["a"])
    assert client_for(people["office"]).post(f"/api/litigation-cases/{case.pk}/reveal/").status_code == 403
    r = client_for(people["legal"]).post(f"/api/litigation-cases/{case.pk}/reveal/")
    assert r.status_code == 200 and r.json()[0]["id_number"] == ID_A
    assert AuditEntry.objects.filter(action=Action.VIEW_PERSONAL, target_id=str(case.pk)).count() == 1


def test_other_street_cannot_list_read_change_or_export(people, tree, client):
    case = new_case(people["office"], tree["a"])
    other = client_for(people["other"])
    assert other.get("/api/litigation-cases/").json()["count"] == 0
    assert other.get(f"/api/litigation-cases/{case.pk}/").status_code == 404
    assert (
        other.patch(
            f"/api/litigation-cases/{case.pk}/", {"court": "x", "version": 1}, format="json"
        ).status_code
        == 404
    )
    assert (
        other.post(f"/api/litigation-cases/{case.pk}/reply/", {"version": 1, "replied_on": TODAY}).status_code
        == 404
    )
    assert other.post("/api/litigation-cases/", payload(), format="json").status_code == 403
    meeting = {"org": "b", "held_on": TODAY, "attendees": "x", "conclusions": "y", "cases": [case.number]}
    r = other.post("/api/litigation-meetings/", meeting, format="json")
    assert r.status_code == 400 and case.number in r.json()["error"]["message"]
    assert client_for(people["office"]).get("/api/litigation-cases/").json()["count"] == 1
    client.force_login(people["other"])
    assert client.get(f"/litigation/{case.pk}/").status_code == 404
    assert client.post(f"/litigation/{case.pk}/edit/", {"version": 1, "court": "x"}).status_code == 404
    assert case.number not in client.get("/litigation/").content.decode()
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(client.get("/litigation/excel/export/").content)).active
    assert case.number not in {c.value for row in sheet.iter_rows() for c in row}
    assert Case.objects.get(pk=case.pk).court == "测试区人民法院"


def test_filters(people, tree):
    office = people["office"]
    old = new_case(office, tree["a"], received_on=datetime.date(2024, 9, 20), name="赵六")
    new_case(office, tree["a-tw"], kind="civil", name="钱七")
    client = client_for(office)

    def numbers(**params):
        return {r["number"] for r in client.get("/api/litigation-cases/", params).json()["results"]}

    assert len(numbers()) == 2
    assert numbers(q="赵六") == {old.number} and numbers(overdue="1") == {old.number}
    assert len(numbers(kind="civil")) == 1 and len(numbers(org="a-tw")) == 1
    assert numbers(received_to="2024-12-31") == {old.number}


def test_cases_are_found_by_a_partys_exact_id_number_or_phone(people, tree):
    office = people["office"]
    known = new_case(office, tree["a"], name="赵六")
    other = services.register_case(
        office,
        org=tree["a"],
        kind="civil",
        court="测试区人民法院",
        disputed_act="合同纠纷",
        copy_received_on=DAY,
        parties=[services.PartyData(name="钱七", id_number="110105194912310038", phone="13900000000")],
    )
    # The exact-match filters answer only a role that sees personal data (the 党政办 does not).
    client = client_for(people["legal"])

    def numbers(**params):
        return {r["number"] for r in client.get("/api/litigation-cases/", params).json()["results"]}

    assert numbers(id_number=ID_A.lower()) == {known.number}  # normalised like the stored value
    assert numbers(phone="13900000000") == {other.number}
    assert numbers(phone=PHONE_A[:-1]) == set()  # exact only, never a partial match


def test_the_migration_fills_the_digests_of_parties_registered_before_them(people, tree):
    from importlib import import_module

    from django.apps import apps

    from fazhi.litigation.models import CaseParty

    case = new_case(people["office"], tree["a"])
    CaseParty.objects.update(id_number_digest=None, phone_digest=None)
    import_module("fazhi.litigation.migrations.0002_party_digests").fill_digests(apps, None)
    client = client_for(people["legal"])
    found = client.get("/api/litigation-cases/", {"id_number": ID_A}).json()["results"]
    assert [row["number"] for row in found] == [case.number]
