"""The 法律明白人 roster and the officials' law exams: checks, pages, API and their figures."""

import datetime

import pytest
from rest_framework.test import APIClient

from fazhi.errors import FazhiError
from fazhi.figures import registry
from fazhi.learning import services
from fazhi.learning.models import ExamRound, LegalLiterate
from fazhi.orgs.models import Organisation
from tests.conftest import TODAY
from tests.learning.learning_fixtures import new_session

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


def value(code, org, year=TODAY.year):
    orgs = Organisation.objects.subtree_of([org])
    return registry.get(code).compute(orgs, datetime.date(year, 1, 1), datetime.date(year, 12, 31))


def test_literates_are_appointed_in_a_community_and_counted_by_year(office, units):
    community = units["a-sq"]
    services.appoint_literate(office, org=community, name="王建华", appointed_on=TODAY, occupation="楼道长")
    services.appoint_literate(
        office, org=community, name="李秀英", appointed_on=datetime.date(TODAY.year - 1, 5, 1)
    )
    with pytest.raises(FazhiError) as refused:
        services.appoint_literate(office, org=units["a"], name="张三", appointed_on=TODAY)
    assert "org" in refused.value.fields
    with pytest.raises(FazhiError) as refused:
        services.appoint_literate(
            office, org=community, name="赵四", appointed_on=TODAY, left_on=TODAY - datetime.timedelta(days=1)
        )
    assert "left_on" in refused.value.fields
    new_session(office, units["a"], kind="online", audience="literate", attendance=30, hosted_by_head=False)
    assert value("literate.added", units["a"]) == 1 and value("literate.trained", units["a"]) == 30
    assert LegalLiterate.objects.count() == 2


def test_exam_counts_must_be_consistent_and_give_the_rates(office, units):
    with pytest.raises(FazhiError) as refused:
        services.record_exam(
            office, org=units["a"], held_on=TODAY, title="学法考试", enrolled=50, sat=51, excellent=60
        )
    assert set(refused.value.fields) == {"sat", "excellent"}
    exam = services.record_exam(
        office, org=units["a"], held_on=TODAY, title="学法考试", enrolled=100, sat=100, excellent=93
    )
    assert (
        value("exam.participation_rate", units["a"]) == 100
        and value("exam.excellence_rate", units["a"]) == 93
    )
    assert value("exam.participation_rate", units["b"]) is None
    with pytest.raises(FazhiError):
        services.update_exam(office, exam, exam.version, sat=90)  # 93 excellent of 90 sat
    assert ExamRound.objects.get().sat == 100


def test_roster_pages_and_api(client, office, units):
    client.force_login(office)
    response = client.post(
        "/learning/literates/new/",
        {
            "org": units["a-sq"].pk,
            "name": "王建华",
            "appointed_on": TODAY.isoformat(),
            "trainings_attended": "1",
        },
    )
    assert response.status_code == 302
    assert "王建华" in client.get("/learning/literates/").content.decode()
    api = APIClient()
    api.force_authenticate(office)
    created = api.post(
        "/api/learning/exams/",
        {
            "org": "a",
            "held_on": TODAY.isoformat(),
            "title": "年度学法考试",
            "enrolled": 20,
            "sat": 19,
            "excellent": 17,
        },
        format="json",
    )
    assert created.status_code == 201 and created.json()["sat"] == 19
    assert api.get("/api/learning/literates/").json()["results"][0]["name"] == "王建华"
