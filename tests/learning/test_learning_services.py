import datetime

import pytest

from fazhi.audit.models import Action, AuditEntry
from fazhi.errors import FazhiError, NotPermitted, StaleEdit
from fazhi.learning import services
from fazhi.learning.models import LeadershipAct, Material, StudySession
from tests.conftest import TODAY
from tests.disputes.dispute_fixtures import new_dispute
from tests.learning.learning_fixtures import new_event, new_service, new_session

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


def test_session_is_recorded_unnumbered_counted_and_audited(office, units):
    session = new_session(office, units["a"])
    assert not hasattr(session, "number") and not hasattr(session, "status")
    assert session.topic_count == 2 and session.version == 1 and session.created_by == office
    entry = AuditEntry.objects.get(
        action=Action.CREATE, target_type="learning.studysession", target_id=str(session.pk)
    )
    assert entry.changes["attendance"] == [None, 15]
    edited = services.update_session(office, session, 1, topics="", attendance=20)
    assert (edited.version, edited.topic_count, edited.attendance) == (2, 1, 20)
    with pytest.raises(StaleEdit):
        services.update_session(office, session, 1, attendance=30)


def test_future_dates_and_other_streets_are_refused(office, units, person):
    with pytest.raises(FazhiError) as refused:
        new_session(office, units["a"], held_on=TODAY + datetime.timedelta(days=1))
    assert "held_on" in refused.value.fields
    with pytest.raises(NotPermitted):
        new_session(office, units["b"])
    reader = person("ld", "leader", units["a"])
    with pytest.raises(NotPermitted):
        new_session(reader, units["a"])
    assert not StudySession.objects.exists()


def test_service_records_belong_to_a_station_or_adviser(office, units):
    service = new_service(office, units["a-yz"])
    assert (service.count, service.unit) == (12, "次")
    with pytest.raises(FazhiError) as refused:
        new_service(office, units["a-tw"])
    assert "org" in refused.value.fields


def test_material_lines_keep_their_units_and_are_audited(office, units):
    event = new_event(office, units["a-zf"])
    event = services.add_material(office, event, event.version, kind="leaflet", unit="份", quantity=3000)
    event = services.add_material(office, event, event.version, kind="bag", unit="只", quantity=6000)
    lines = sorted(Material.objects.filter(event=event).values_list("unit", "quantity"))
    assert lines == [("份", 3000), ("只", 6000)]
    assert event.version == 3
    assert AuditEntry.objects.filter(target_id=str(event.pk), changes__has_key="宣传资料").count() == 2
    with pytest.raises(FazhiError):
        services.add_material(office, event, event.version, kind="bag", unit="箱", quantity=1)
    with pytest.raises(StaleEdit):
        services.add_material(office, event, 1, kind="bag", unit="只", quantity=1)
    assert Material.objects.filter(event=event).count() == 2


def test_leadership_act_links_a_dispute_by_its_number(office, units):
    dispute = new_dispute(office, units["a-tw"])
    act = services.record_act(
        office, org=units["a"], held_on=TODAY, kind="case_contact", leader="主任", title="包案化解",
        dispute_number=dispute.number, planned_sessions=4,
    )  # fmt: skip
    assert act.dispute == dispute and act.planned_sessions is None  # a plan's count only on a plan
    with pytest.raises(FazhiError) as refused:
        services.record_act(
            office, org=units["a"], held_on=TODAY, kind="case_contact", leader="主任", title="包案",
            dispute_number="不存在的编号",
        )  # fmt: skip
    assert "dispute_number" in refused.value.fields
    with pytest.raises(FazhiError) as refused:
        services.record_act(
            office, org=units["a"], held_on=TODAY, kind="study_plan", leader="书记", title="学法计划"
        )
    assert "planned_sessions" in refused.value.fields
    assert LeadershipAct.objects.count() == 1


def test_a_dispute_of_another_street_cannot_be_linked(office, units, person):
    other = person("fzb_b", "office", units["b"])
    dispute = new_dispute(other, units["b-tw"])
    with pytest.raises(FazhiError):
        services.record_act(
            office, org=units["a"], held_on=TODAY, kind="case_contact", leader="主任", title="包案",
            dispute_number=dispute.number,
        )  # fmt: skip


def test_a_leader_takes_on_a_petition_by_its_number(office, units, person, client):
    """包案化解 of a 信访事项 (linked, as a dispute is): the act names it; one not visible cannot be linked."""
    from tests.conftest import PASSWORD
    from tests.petitions.petition_fixtures import new_petition

    petition = new_petition(office, units["a"])
    act = services.record_act(
        office, org=units["a"], held_on=TODAY, kind="case_contact", leader="主任", title="包案化解信访积案",
        petition_number=petition.number,
    )  # fmt: skip
    assert act.petition == petition and act.dispute is None
    client.login(username="fzb_a", password=PASSWORD)
    page = client.get(act.get_absolute_url()).content.decode()
    assert "包案的信访事项" in page and petition.number in page
    edit = client.get(f"{act.get_absolute_url()}edit/")  # the edit form offers the linked number back
    assert edit.status_code == 200 and f'value="{petition.number}"' in edit.content.decode()
    other = new_petition(person("fzb_b", "office", units["b"]), units["b"])
    with pytest.raises(FazhiError) as refused:
        services.record_act(
            office, org=units["a"], held_on=TODAY, kind="case_contact", leader="主任", title="包案",
            petition_number=other.number,
        )  # fmt: skip
    assert "petition_number" in refused.value.fields and "信访事项" in refused.value.message
    # a plan is not a 包案: a petition named on it is dropped
    plan = services.update_act(office, act, act.version, kind="study_plan", planned_sessions=4)
    assert plan.petition is None
