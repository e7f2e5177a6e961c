import datetime

import pytest

from fazhi.figures import registry
from fazhi.learning import services
from fazhi.orgs.models import Organisation
from tests.conftest import TODAY
from tests.disputes.dispute_fixtures import new_dispute
from tests.learning.learning_fixtures import new_event, new_service, new_session

pytestmark = pytest.mark.django_db


def value(code, org, year=TODAY.year):
    orgs = Organisation.objects.subtree_of([org])
    return registry.get(code).compute(orgs, datetime.date(year, 1, 1), datetime.date(year, 12, 31))


@pytest.mark.usefixtures("pinned_clock")
def test_figures_on_a_small_fixture(office, units):
    street = units["a"]
    new_session(office, street)  # 会前学法, 2 topics, hosted by the head
    new_session(office, street, kind="mediator_training", audience="mediators", attendance=60, topics="",
                hosted_by_head=False)  # fmt: skip
    new_session(
        office, street, kind="online", audience="literate", attendance=30, topics="", hosted_by_head=False
    )
    event = new_event(office, units["a-zf"])  # by the enforcement team: 谁执法谁普法
    event = services.add_material(office, event, event.version, kind="leaflet", unit="份", quantity=3000)
    event = services.add_material(office, event, event.version, kind="poster", unit="份", quantity=200)
    services.add_material(office, event, event.version, kind="bag", unit="只", quantity=6000)
    new_service(office, units["a-yz"], count=40)
    new_service(office, units["a-yz"], kind="checkup", count=16)
    new_service(office, units["a-yz"], served_on=datetime.date(TODAY.year - 1, 12, 31), count=99)  # last year
    dispute = new_dispute(
        office, units["a-tw"], assisting_units=[units["a-yz"]]
    )  # open: counted all the same
    services.record_act(
        office, org=street, held_on=TODAY, kind="law_meeting", leader="书记", title="专题研究"
    )
    services.record_act(office, org=street, held_on=TODAY, kind="study_plan", leader="书记", title="学法计划",
                        planned_sessions=4)  # fmt: skip
    services.record_act(office, org=street, held_on=TODAY, kind="case_contact", leader="主任", title="包案",
                        dispute_number=dispute.number)  # fmt: skip

    # a training and the 学法平台 are not sessions held, nor are their topics counted
    expected = {
        "study.sessions": 1, "study.topics": 2, "study.law_sessions": 1, "study.hosted_by_head": 1,
        "study.platform_participants": 30, "training.mediators": 60, "training.person_times": 60,
        "pufa.events": 1, "pufa.by_enforcers": 1, "pufa.materials.fen": 3200, "pufa.materials.zhi": 6000,
        "pufa.materials.ben": 0, "pufa.reach": 300, "pufa.consultations": 40,
        "services.consultations": 40, "services.enterprise_checkups": 16, "services.lectures": 0,
        "disputes.legal_station": 1, "lead.law_meetings": 1, "lead.planned_law_sessions": 4,
        "lead.cases_contacted": 1,
    }  # fmt: skip
    assert {code: value(code, street) for code in expected} == expected
    assert value("services.consultations", units["b"]) == 0
    assert value("services.consultations", street, TODAY.year - 1) == 99
