import pytest
from rest_framework.test import APIClient

from fazhi.learning.models import PufaEvent, ServiceRecord
from tests.conftest import TODAY as DAY
from tests.learning.learning_fixtures import new_service

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
TODAY = DAY.isoformat()


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_create_edit_and_materials_through_the_api(office, units):
    api = client_for(office)
    created = api.post(
        "/api/learning/events/",
        {"org": "a-zf", "held_on": TODAY, "kind": "five_into", "title": "法律进企业", "people_reached": 80},
        format="json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["org"] == "a-zf" and body["version"] == 1 and body["materials"] == [] and "number" not in body
    url = f"/api/learning/events/{body['id']}/"
    lines = api.post(
        url + "materials/", {"version": 1, "kind": "booklet", "unit": "本", "quantity": 50}, format="json"
    )
    assert lines.status_code == 200 and lines.json()["materials"] == [
        {"id": lines.json()["materials"][0]["id"], "kind": "booklet", "unit": "本", "quantity": 50}
    ]
    patched = api.patch(url, {"version": 2, "consultations": 12}, format="json")
    assert patched.status_code == 200 and patched.json()["consultations"] == 12
    assert PufaEvent.objects.get().title == "法律进企业"
    stale = api.patch(url, {"version": 2, "consultations": 13}, format="json")
    assert stale.status_code == 409


def test_service_api_refuses_a_non_station_and_scopes_the_list(office, units, person):
    api = client_for(office)
    refused = api.post(
        "/api/learning/services/",
        {"org": "a-tw", "served_on": TODAY, "kind": "checkup", "count": 3},
        format="json",
    )
    assert refused.status_code == 400 and "org" in refused.json()["error"]["fields"]
    new_service(office, units["a-yz"], kind="checkup", count=3)
    rows = api.get("/api/learning/services/?kind=checkup").json()["results"]
    assert [(r["kind"], r["count"], r["unit"]) for r in rows] == [("checkup", 3, "家")]
    other = client_for(person("fzb_b", "office", units["b"]))
    assert other.get("/api/learning/services/").json()["results"] == []
    into_a = other.post(
        "/api/learning/services/",
        {"org": "a-yz", "served_on": TODAY, "kind": "lecture", "count": 1},
        format="json",
    )
    assert into_a.status_code in (400, 403) and ServiceRecord.objects.count() == 1
