"""The one search box across every ledger: scoped like each ledger's list, a phone or ID number only for
those who see personal data, one audit entry per search."""

import pytest

from fazhi.audit.models import Action, AuditEntry
from fazhi.ledger.filtering import LOOKUP_LIMIT, LOOKUP_TARGET
from fazhi.ledger.personal import is_full_contact
from fazhi.ledger.search import search
from tests.conftest import client_for
from tests.disputes.dispute_fixtures import PHONE_A, new_dispute
from tests.petitions.petition_fixtures import new_petition

pytest_plugins = ["tests.petitions.conftest"]


@pytest.fixture
def records(xf, person, clerk):
    mediator = person("m", "handler", xf["a-tw"])
    dispute = new_dispute(mediator, xf["a-tw"], name="王小明")
    petition = new_petition(clerk, xf["a-xf"], name="王小明")
    other = new_dispute(person("mb", "handler", xf["b-tw"]), xf["b-tw"], name="王小明")
    return dispute, petition, other


def lookups():
    return AuditEntry.objects.filter(action=Action.VIEW_PERSONAL, target_type=LOOKUP_TARGET)


@pytest.mark.parametrize(
    ("text", "personal"),
    [
        ("13812345678", True),
        ("138 1234 5678", True),
        ("+86 138-1234-5678", True),
        ("１３８１２３４５６７８", True),
        ("0571-88888888", True),
        ("11010519491231002x", True),
        ("1381234", False),
        ("王小明", False),
        ("甲调〔2026〕0001号", False),
    ],
)
def test_a_full_phone_or_id_number_is_a_personal_lookup(text, personal):
    assert is_full_contact(text) is personal


def test_a_phone_finds_the_persons_dispute_and_petition_in_the_own_street_only(records, clerk, person, xf):
    dispute, petition, other = records
    found, _ = search(clerk, f"{PHONE_A[:3]} {PHONE_A[3:7]} {PHONE_A[7:]}")
    shown = {record for group in found for record, _ in group.rows}
    assert dispute in shown and petition in shown and other not in shown
    assert lookups().count() == 1  # one entry for the whole search, whatever the number of ledgers
    entry = lookups().get()
    assert entry.actor == clerk and PHONE_A not in str(entry.changes) and "全部台账" in entry.target_repr

    outsider = person("xinfang_b", "petition", xf["b"])
    found, _ = search(outsider, PHONE_A)
    shown = {record for group in found for record, _ in group.rows}
    assert shown == {other}


def test_a_name_or_number_search_needs_no_personal_role_and_is_not_a_lookup(records, xf, person, client):
    dispute, petition, _ = records
    leader = person("leader", "leader", xf["a"])
    found, _ = search(leader, "王小明")
    assert {record for group in found for record, _ in group.rows} == {dispute, petition}
    assert {group.ledger for group in found} == {"纠纷调解", "信访与民意"}
    found, _ = search(leader, dispute.number)
    assert [record for group in found for record, _ in group.rows] == [dispute]
    assert not lookups().exists()


def test_the_page_says_why_a_person_without_personal_data_cannot_search_by_phone(records, xf, person, client):
    client.force_login(person("viewer", "leader", xf["a"]))
    response = client.get("/search/", {"q": PHONE_A})
    html = response.content.decode()
    assert response.status_code == 200
    assert "不能按身份证号码或电话查找" in html and records[0].number not in html
    assert not lookups().exists()


def test_the_page_lists_results_with_links_and_throttles_lookups(records, clerk, client):
    dispute, petition, _ = records
    client.force_login(clerk)
    html = client.get("/search/", {"q": "王小明"}).content.decode()
    assert f"/disputes/{dispute.pk}/" in html and f"/petitions/{petition.pk}/" in html
    for _ in range(LOOKUP_LIMIT):
        client.get("/search/", {"q": PHONE_A})
    html = client.get("/search/", {"q": PHONE_A}).content.decode()
    assert "查找过于频繁" in html and dispute.number not in html.split("search-error")[1]


@pytest.mark.parametrize("q", ["", " ", "%", "x" * 500, "'; drop table x; --", "\x00"])
def test_any_input_answers_a_page(client, clerk, q, xf):
    client.force_login(clerk)
    assert client.get("/search/", {"q": q}).status_code in (200, 400)  # a NUL byte: the input guard's 400


def test_signed_out_people_are_sent_to_sign_in(client):
    response = client.get("/search/", {"q": "张三"})
    assert response.status_code == 302 and "/login" in response["Location"]


def test_the_api_answers_the_same_search(records, clerk, person, xf):
    dispute, petition, _ = records
    api = client_for(clerk)
    body = api.get("/api/search/", {"q": PHONE_A}).json()
    ids = {(group["ledger"], record["id"]) for group in body["results"] for record in group["records"]}
    assert ids == {("纠纷调解", dispute.pk), ("信访与民意", petition.pk)}
    assert body["searched_by"].startswith("身份证号码或电话")
    assert lookups().count() == 1
    answer = api.get("/api/search/", {"q": ""})
    assert answer.status_code == 400 and "q" in answer.json()["error"]["message"]
    refused = client_for(person("viewer", "leader", xf["a"])).get("/api/search/", {"q": PHONE_A})
    assert refused.status_code == 403 and "不能按身份证号码或电话查找" in refused.json()["error"]["message"]
