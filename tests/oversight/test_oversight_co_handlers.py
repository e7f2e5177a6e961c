"""The units an item is assigned to (牵头 and 协办) read it through the one scoping rule (READ_ALSO_BY), and
never write it; a person of a unit the item was not assigned to finds nothing (404)."""

import datetime

import pytest
from django.test import Client

from fazhi.oversight import services
from fazhi.oversight.models import Suggestion
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date


@pytest.fixture
def world(tree, person):
    office = person("office_a", "office", tree["a"])
    item = services.receive_suggestion(
        office, org=tree["a"], kind="npc", issuer="区人大常委会选工委", received_on=D(2024, 3, 1),
        content="关于加强老旧小区电动自行车充电设施建设的建议", level="district", role="lead", proposer="王某某",
    )  # fmt: skip
    item = services.assign_unit(
        office,
        item,
        item.version,
        unit=tree["a-sq"],
        lead=False,
        part="摸排充电需求",
        assigned_on=D(2024, 3, 2),
    )
    item = services.assign_unit(
        office,
        item,
        item.version,
        unit=tree["a-sq-tw"],
        lead=False,
        part="化解矛盾",
        assigned_on=D(2024, 3, 2),
    )
    return {
        "item": item,
        "office": office,
        # a 社区's handler: below the 街道, so the 街道's item is not theirs — only co-handled
        "co": person("co_handler", "handler", tree["a-sq"]),
        "unrelated": person("tw_handler", "handler", tree["a-tw"]),  # same 街道, not assigned
        "other_street": person("b_handler", "handler", tree["b-sq"]),
    }


def _web(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_co_handler_reads_the_item_once_and_never_writes_it(world):
    item, co = world["item"], world["co"]
    # assigned to the 社区 and to its 调委会 below it: both in the person's scope, the item listed once
    assert list(Suggestion.objects.visible_to(co)) == [item]
    assert Suggestion.objects.visible_to(co).count() == 1
    assert not Suggestion.objects.visible_to(co, write=True).exists()

    web = _web(co)
    page = web.get(f"/oversight/{item.pk}/")
    assert page.status_code == 200 and item.number in page.content.decode()
    assert item.number in web.get("/oversight/").content.decode()
    assert (
        web.get(f"/oversight/{item.pk}/contact/").status_code == 404
    )  # an action page: readers find nothing
    refused = web.post(f"/oversight/{item.pk}/contact/", {"version": item.version, "on": "2024-03-05"})
    assert refused.status_code == 404

    api = client_for(co)
    assert api.get(f"/api/suggestions/{item.pk}/").status_code == 200
    assert [row["number"] for row in api.get("/api/suggestions/").json()["results"]] == [item.number]
    r = api.post(
        f"/api/suggestions/{item.pk}/contact/",
        {"version": item.version, "on": "2024-03-05", "mode": "phone", "note": "越权登记"},
        format="json",
    )
    assert r.status_code in (403, 404)
    item.refresh_from_db()
    assert item.contacts.count() == 0 and item.version == 3


@pytest.mark.parametrize("who", ["unrelated", "other_street"])
def test_a_unit_the_item_was_not_assigned_to_finds_nothing(world, who):
    item, user = world["item"], world[who]
    assert not Suggestion.objects.visible_to(user).exists()
    assert _web(user).get(f"/oversight/{item.pk}/").status_code == 404
    api = client_for(user)
    assert api.get(f"/api/suggestions/{item.pk}/").status_code == 404
    assert api.get("/api/suggestions/").json()["results"] == []


def test_the_owner_still_reads_and_writes(world):
    office, item = world["office"], world["item"]
    assert list(Suggestion.objects.visible_to(office, write=True)) == [item]
    assert _web(office).get(f"/oversight/{item.pk}/contact/").status_code == 200
