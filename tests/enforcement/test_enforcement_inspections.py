"""Inspections through the API (the kit's LedgerViewSet) and the link between an inspection and the cases
opened from the hazards it found: kept both ways, shown on both pages."""

import datetime

import pytest
from rest_framework.test import APIClient

from fazhi.enforcement import services
from fazhi.enforcement.models import InspectionBatch
from fazhi.errors import FazhiError
from tests.conftest import PASSWORD, TODAY
from tests.enforcement.enforcement_fixtures import ID_A, add_team, file_case, special_action

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
DAY = datetime.timedelta(days=1)


def inspect(actor, team, held_on=TODAY - 2 * DAY, **over):
    fields = dict(
        held_on=held_on, action="special", special_action=special_action(actor, team), field="dust",
        object_kind="site", objects_checked=12, hazards_found=3, hazards_rectified=1,
    ) | over  # fmt: skip
    return services.record_inspection(actor, org=team, **fields)


def api_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_case_opened_from_an_inspection_is_linked_both_ways(officer_user, team, officers):
    batch = inspect(officer_user, team)
    case = file_case(officer_user, team, officers, inspection=batch)
    assert case.inspection == batch
    assert list(InspectionBatch.objects.get(pk=batch.pk).cases.all()) == [case]


def test_the_link_is_refused_across_teams_and_before_the_inspection(
    officer_user, team, officers, tree, person
):
    other_team = add_team(tree, "b")
    other_officer = person("zf_b", "enforcement", other_team)
    theirs = inspect(other_officer, other_team)
    with pytest.raises(FazhiError) as refused:
        file_case(officer_user, team, officers, inspection=theirs)
    assert refused.value.fields == {"inspection": "请选择您可查看的执法检查"}

    ours = inspect(officer_user, team, held_on=TODAY)
    with pytest.raises(FazhiError) as refused:
        file_case(officer_user, team, officers, inspection=ours, filed_on=TODAY - DAY)
    assert "不能早于检查日期" in refused.value.message


def test_pages_show_the_link_and_the_filing_page_starts_from_the_inspection(
    client, officer_user, team, officers
):
    client.login(username=officer_user.username, password=PASSWORD)
    batch = inspect(officer_user, team)
    page = client.get(f"/enforcement/inspections/{batch.pk}/").content.decode()
    assert "尚无关联案件" in page and f"/enforcement/new/?inspection={batch.pk}" in page

    form = client.get(f"/enforcement/new/?inspection={batch.pk}").context["form"]
    assert (
        form.initial["inspection"] == batch.pk and form.initial["special_action"] == batch.special_action_id
    )
    assert form.initial["field"] == "dust"
    assert client.get("/enforcement/new/?inspection=abc").status_code == 200  # ignored, not a 500

    posted = client.post(
        "/enforcement/new/",
        {
            "org": team.pk, "filed_on": TODAY.isoformat(), "procedure": "ordinary", "source": "patrol",
            "field": "dust", "object_kind": "site", "summary": "工地未覆盖裸土", "inspection": batch.pk,
            "officers": [o.pk for o in officers], "p-TOTAL_FORMS": "1", "p-INITIAL_FORMS": "0",
            "p-0-role": "party", "p-0-kind": "person", "p-0-name": "陈某", "p-0-id_number": ID_A,
        },
    )  # fmt: skip
    assert posted.status_code == 302, posted.content.decode()
    case = batch.cases.get()
    detail = client.get(f"/enforcement/{case.pk}/").content.decode()
    assert "来源执法检查" in detail and f"/enforcement/inspections/{batch.pk}/" in detail
    page = client.get(f"/enforcement/inspections/{batch.pk}/").content.decode()
    assert case.number in page and f"/enforcement/{case.pk}/" in page


def test_inspection_edit_page(client, officer_user, team):
    client.login(username=officer_user.username, password=PASSWORD)
    batch = inspect(officer_user, team)
    assert "修改基本信息" in client.get(f"/enforcement/inspections/{batch.pk}/").content.decode()
    url = f"/enforcement/inspections/{batch.pk}/edit/"
    data = {
        "version": batch.version, "held_on": batch.held_on.isoformat(), "action": "joint", "field": "dust",
        "object_kind": "site", "objects_checked": 12, "hazards_found": 3, "hazards_rectified": 3,
        "cases_filed_outside": 1, "joint_units": "区住建局",
    }  # fmt: skip
    assert client.post(url, data).status_code == 302
    batch.refresh_from_db()
    assert (batch.action, batch.hazards_rectified, batch.joint_units) == ("joint", 3, "区住建局")
    refused = client.post(url, data | {"version": batch.version, "hazards_rectified": 4})
    assert "不能多于发现隐患" in refused.content.decode()


def test_inspections_through_the_api(officer_user, team, officers, tree, person):
    api = api_for(officer_user)
    created = api.post(
        "/api/enforcement-inspections/",
        {"org": team.code, "held_on": (TODAY - DAY).isoformat(), "action": "joint", "field": "fire",
         "object_kind": "enterprise", "objects_checked": 40, "hazards_found": 6, "joint_units": "消防救援站"},
        format="json",
    )  # fmt: skip
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["objects_checked"] == 40 and body["org"] == team.code and body["cases"] == []

    bad = api.patch(f"/api/enforcement-inspections/{body['id']}/", {"version": 1, "hazards_rectified": 7})
    assert bad.status_code == 400 and bad.json()["error"]["fields"] == {
        "hazards_rectified": "不能多于发现隐患"
    }
    edited = api.patch(f"/api/enforcement-inspections/{body['id']}/", {"version": 1, "hazards_rectified": 6})
    assert edited.status_code == 200 and edited.json()["hazards_rectified"] == 6
    moved = api.patch(f"/api/enforcement-inspections/{body['id']}/", {"version": 2, "org": "b-zf"})
    assert moved.json()["org"] == team.code  # the unit is not an edit's to change

    case = api.post(
        "/api/enforcement-cases/",
        {"org": team.code, "filed_on": TODAY.isoformat(), "summary": "消防通道堵塞", "inspection": body["id"],
         "officers": [o.pk for o in officers], "parties": [{"name": "某公司", "kind": "organisation"}]},
        format="json",
    )  # fmt: skip
    assert case.status_code == 201, case.content
    assert case.json()["inspection"] == body["id"]
    one = api.get(f"/api/enforcement-inspections/{body['id']}/").json()
    assert one["cases"] == [case.json()["number"]]
    listed = api.get("/api/enforcement-inspections/", {"action": "joint"}).json()
    assert [row["id"] for row in listed["results"]] == [body["id"]]

    # another street's officer sees none of it
    other = person("zf_b", "enforcement", add_team(tree, "b"))
    assert api_for(other).get(f"/api/enforcement-inspections/{body['id']}/").status_code == 404
    assert api_for(other).get("/api/enforcement-inspections/").json()["results"] == []
