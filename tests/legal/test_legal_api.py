import datetime
import io

import pytest
from docx import Document

from fazhi.audit.models import Action, AuditEntry
from fazhi.legal import services
from fazhi.legal.models import ReviewItem
from tests.conftest import TODAY as DAY
from tests.conftest import client_for
from tests.legal import legal_fixtures as fx
from tests.legal.legal_fixtures import new_contract, new_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
legal_units, lawyer, office = fx.legal_units, fx.lawyer, fx.office
TODAY = DAY.isoformat()


@pytest.fixture
def other(tree, person):
    return person("office_b", "office", tree["b"])


def payload(**over):
    return {
        "org": "a-sq",
        "kind": "contract",
        "title": "社区微更新工程施工合同",
        "submitted_on": TODAY,
        "counterparty": "某建设工程有限公司",
        "amount": "1200000.00",
    } | over


def test_full_lifecycle_through_the_api(tree, office, lawyer, legal_units):
    api = client_for(office)
    response = api.post("/api/legal-reviews/", payload(), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "submitted" and body["requires_filing"] is True and body["due_date"] is None
    url = f"/api/legal-reviews/{body['id']}"
    body = api.post(f"{url}/assign/", {"version": 1, "reviewer_org": "a-gw", "reviewer": "lawyer_a"}).json()
    assert body["status"] == "reviewing" and body["org"] == "a-gw"
    mine = client_for(lawyer)
    body = mine.post(
        f"{url}/return/", {"version": body["version"], "opinion_text": "请修改违约条款", "opinion_on": TODAY}
    ).json()
    assert body["status"] == "returned" and body["rounds"][0]["opinion"] == "lawful_if_revised"
    body = mine.post(
        f"{url}/resubmit/", {"version": body["version"], "submitted_on": TODAY, "materials": "已修改"}
    ).json()
    assert body["status"] == "reviewing" and len(body["rounds"]) == 2
    body = mine.post(
        f"{url}/conclude/",
        {"version": body["version"], "opinion": "lawful", "opinion_text": "经审查合法", "opinion_on": TODAY},
    ).json()
    assert body["status"] == "concluded" and body["opinion"] == "lawful"
    body = mine.post(f"{url}/filing/", {"version": body["version"], "filed_on": TODAY}).json()
    assert body["filed_on"] == TODAY
    letter = mine.get(f"{url}/letter/?round=2")
    assert mine.get(f"{url}/letter/?round=99999999999999999999").status_code == 404
    assert letter.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(letter.content)).paragraphs)
    assert "经审查合法" in text and "审查结论：合法" in text
    assert AuditEntry.objects.filter(action=Action.EXPORT, target_id=str(body["id"])).exists()


def test_refused_transition_and_stale_version(tree, office, legal_units):
    item = new_contract(office, tree["a-sq"])
    api = client_for(office)
    url = f"/api/legal-reviews/{item.pk}"
    response = api.post(
        f"{url}/conclude/", {"version": 1, "opinion": "lawful", "opinion_text": "x", "opinion_on": TODAY}
    )
    assert response.status_code == 409 and response.json()["error"]["code"] == "transition_not_allowed"
    assert api.patch(f"{url}/", {"version": 1, "title": "新名称"}, format="json").status_code == 200
    stale = api.patch(f"{url}/", {"version": 1, "title": "又一个名称"}, format="json")
    assert stale.status_code == 409 and "旧版本" in stale.json()["error"]["message"]
    assert api.get(f"{url}/letter/").status_code == 404


def test_other_street_cannot_list_read_change_or_submit(tree, office, other, legal_units):
    item = new_contract(office, tree["a-sq"])
    api = client_for(other)
    assert api.get("/api/legal-reviews/").json()["count"] == 0
    assert api.get(f"/api/legal-reviews/{item.pk}/").status_code == 404
    assert api.patch(f"/api/legal-reviews/{item.pk}/", {"version": 1, "title": "x"}).status_code == 404
    assert (
        api.post(f"/api/legal-reviews/{item.pk}/withdraw/", {"version": 1, "reason": "x"}).status_code == 404
    )
    assert api.get(f"/api/legal-reviews/{item.pk}/letter/").status_code == 404
    response = api.post("/api/legal-reviews/", payload(), format="json")
    assert response.status_code == 403 and "无权" in response.json()["error"]["message"]


def test_the_submitting_unit_reads_its_item_and_the_opinion_but_cannot_change_it(
    tree, office, lawyer, legal_units, person
):
    community = person("sq_a", "handler", tree["a-sq"])
    item = new_contract(community, tree["a-sq"])
    item = services.assign(office, item, item.version, legal_units["a-gw"], lawyer)
    item = services.conclude(
        lawyer,
        item,
        item.version,
        opinion="lawful",
        opinion_text="经审查合法",
        opinion_on=DAY,
    )
    api = client_for(community)
    assert [row["number"] for row in api.get("/api/legal-reviews/").json()["results"]] == [item.number]
    assert api.get(f"/api/legal-reviews/{item.pk}/").json()["opinion"] == "lawful"
    assert api.get(f"/api/legal-reviews/{item.pk}/letter/").status_code == 200
    refused = api.patch(f"/api/legal-reviews/{item.pk}/", {"version": item.version, "title": "x"})
    assert refused.status_code == 403 and "无权" in refused.json()["error"]["message"]
    assert ReviewItem.objects.get().title != "x"
    neighbour = person("sq_b", "handler", tree["b-sq"])
    assert client_for(neighbour).get(f"/api/legal-reviews/{item.pk}/").status_code == 404


def test_list_filters(tree, office, legal_units):
    contract = new_contract(office, tree["a-sq"], title="保洁服务合同")
    old = DAY - datetime.timedelta(days=60)
    normative = new_item(office, tree["a-tw"], "normative", submitted_on=old)
    big = new_contract(office, tree["a-sq"], amount=2_000_000)
    api = client_for(office)

    def numbers(**params):
        return {row["number"] for row in api.get("/api/legal-reviews/", params).json()["results"]}

    assert numbers(kind="normative") == {normative.number}
    assert numbers(overdue=1) == {normative.number}
    assert numbers(submitted_by="a-sq") == {contract.number, big.number}
    assert numbers(q="保洁") == {contract.number}
    assert numbers(submitted_from=TODAY) == {contract.number, big.number}
    assert numbers(submitted_by="nowhere") == set()
    assert numbers(kind="bogus") == {contract.number, normative.number, big.number}
    assert numbers(status="submitted", kind="contract") == {contract.number, big.number}
    assert numbers(to_file=1) == {big.number}
