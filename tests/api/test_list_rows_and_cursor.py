"""The ledger kit's API list: plain rows (``ledger.api_rows``) give exactly what the list serializer
gives, with masked values from the columns kept at write time; keyset pages (``cursor``) walk the whole
list once, in order, both ways; ``page=N`` still pages by number with a count."""

import datetime

import pytest
from rest_framework.test import APIRequestFactory

from fazhi.disputes.api import DisputeViewSet
from fazhi.disputes.models import Dispute, Party
from fazhi.ledger.api_rows import rows_plan
from fazhi.ledger.personal import mask
from tests.conftest import TODAY, client_for
from tests.disputes.dispute_fixtures import ID_A, PHONE_A, new_dispute

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


@pytest.fixture
def office(tree, person):
    return person("office_a", "office", tree["a"])


@pytest.fixture
def many(office, tree):
    """Seven disputes over four days, two units of the 街道, several on the same day (ties by id)."""
    made = []
    for i in range(7):
        org = tree["a-tw"] if i % 2 else tree["a-sq-tw"]
        made.append(
            new_dispute(office, org, received_on=TODAY - datetime.timedelta(days=i // 2), name=f"人{i}")
        )
    return made


def serializer_rows(office, ids):
    """The list as the serializer shows it (the way every list was read before the plan)."""
    records = Dispute.objects.filter(pk__in=ids).prefetch_related("parties").order_by("-received_on", "-pk")
    request = APIRequestFactory().get("/api/disputes/")
    request.user = office
    return DisputeViewSet.serializer_class(records, many=True, context={"request": request}).data


def test_plain_rows_equal_the_serializer(office, many):
    assert rows_plan(DisputeViewSet.serializer_class) is not None
    body = client_for(office).get("/api/disputes/").json()
    assert body["count"] == 7
    expected = [dict(row) for row in serializer_rows(office, [d.pk for d in many])]
    assert body["results"] == [{**row, "parties": [dict(p) for p in row["parties"]]} for row in expected]
    first = body["results"][-1]["parties"][0]  # the oldest: 人6
    assert (first["name"], first["id_number"], first["phone"]) == (
        "人6",
        mask("id_number", ID_A),
        "*******5678",
    )


def test_masked_columns_follow_every_save(office, many):
    party = Party.objects.filter(dispute=many[0]).order_by("pk").first()
    assert (party.id_number_masked, party.phone_masked) == (mask("id_number", ID_A), mask("phone", PHONE_A))
    party.phone = "0571-88886666"
    party.save()
    party.refresh_from_db()
    assert party.phone_masked == "****-****6666"


def test_cursor_pages_walk_the_list_once_both_ways(office, many):
    api = client_for(office)
    everything = [row["number"] for row in api.get("/api/disputes/", {"page_size": 50}).json()["results"]]
    assert len(everything) == 7
    seen, pages, url = [], [], "/api/disputes/?page_size=3"
    while url:
        body = api.get(url).json()
        pages.append(body)
        seen += [row["number"] for row in body["results"]]
        url = body["next"]
    assert seen == everything and [len(p["results"]) for p in pages] == [3, 3, 1]
    assert pages[0]["count"] == 7 and pages[1]["count"] is None  # a cursor page counts nothing
    assert pages[0]["previous"] is None and "cursor=" in pages[1]["next"]
    back = api.get(pages[2]["previous"]).json()
    assert [row["number"] for row in back["results"]] == everything[3:6]
    back = api.get(back["previous"]).json()
    assert [row["number"] for row in back["results"]] == everything[:3] and back["previous"] is None


def test_a_record_registered_meanwhile_does_not_shift_the_next_page(office, many, tree):
    api = client_for(office)
    first = api.get("/api/disputes/?page_size=3").json()
    new_dispute(office, tree["a-tw"], name="新来的")
    second = api.get(first["next"]).json()
    assert [row["number"] for row in second["results"]] == [d.number for d in many[3:0:-1]][:3] or len(
        second["results"]
    ) == 3
    numbers = {row["number"] for row in first["results"]} & {row["number"] for row in second["results"]}
    assert not numbers


def test_page_numbers_still_work_with_a_count(office, many):
    body = client_for(office).get("/api/disputes/", {"page": 2, "page_size": 3}).json()
    assert body["count"] == 7 and len(body["results"]) == 3 and "page=3" in body["next"]


def test_a_sorted_list_pages_by_number(office, many):
    body = client_for(office).get("/api/disputes/", {"ordering": "status", "page_size": 3}).json()
    assert body["count"] == 7 and "page=2" in body["next"]


@pytest.mark.parametrize("cursor", ["garbage", "eyJwIjpbMV19", "eyJwIjpbImFiYyIsMV19", "%%%"])
def test_a_broken_cursor_is_a_404_with_a_message(office, many, cursor):
    response = client_for(office).get("/api/disputes/", {"cursor": cursor})
    assert response.status_code == 404
    assert "游标无效" in response.json()["error"]["message"]


def test_cursor_pages_keep_the_scope(office, many, tree, person):
    other = client_for(person("med_b", "handler", tree["b-tw"]))
    body = other.get("/api/disputes/?page_size=2").json()
    assert body["count"] == 0 and body["results"] == []
    cursor = client_for(office).get("/api/disputes/?page_size=2").json()["next"]
    assert other.get(cursor).json()["results"] == []
