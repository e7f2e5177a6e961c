import datetime

import pytest

from fazhi.audit.models import Action, AuditEntry
from fazhi.disputes.models import Dispute, DisputeType
from fazhi.errors import FazhiError, NotPermitted
from fazhi.petitions import services
from fazhi.petitions.history import related_matters
from fazhi.petitions.models import CitizenDemand, Petition
from tests.conftest import TODAY
from tests.disputes.dispute_fixtures import new_dispute
from tests.petitions.petition_fixtures import ID_A, accept, new_petition

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date


def test_registration_numbers_and_counts_the_15_days_as_calendar_days(clerk, xf):
    petition = new_petition(clerk, xf["a-xf"], received_on=D(2026, 7, 1))
    assert petition.number == "a信访〔2026〕0001号"
    assert petition.status == "received"
    # 15 日 counted as calendar days (信访工作条例 第二十三条第二款): 7月1日 + 15 = 7月16日 (Thursday)
    assert petition.acceptance_due == petition.due_date == D(2026, 7, 16)
    assert [p.name for p in petition.parties.all()] == ["张三"]
    assert AuditEntry.objects.filter(action=Action.CREATE, target_id=petition.pk).exists()


def test_a_period_ending_on_a_rest_day_rolls_on_and_keeps_the_warning_date(clerk, xf):
    # 7月3日 (Friday) + 15 = 7月18日, a Saturday: the legal end is Monday 20 July, the warning date the 18th.
    petition = new_petition(clerk, xf["a-xf"], received_on=D(2026, 7, 3))
    assert petition.acceptance_due == D(2026, 7, 20)
    stage = petition.stages()[0]
    assert stage["deadline"].warning_date == D(2026, 7, 18)
    assert "第二十三条第二款" in stage["rule"].source


def test_transferred_matter_uses_its_own_rule_and_may_be_objected_to(clerk, xf):
    direct = new_petition(clerk, xf["a-xf"])
    with pytest.raises(FazhiError, match="只有转送、交办"):
        services.decide_acceptance(
            clerk, direct, direct.version, decision="object", decided_on=TODAY, note="x"
        )
    transferred = new_petition(clerk, xf["a-xf"], transferred_from="区信访局")
    assert transferred.stages()[0]["rule"].code == "petition.acceptance_transferred"
    objected = services.decide_acceptance(
        clerk, transferred, transferred.version, decision="object", decided_on=TODAY, note="属区住建局职责"
    )
    assert objected.status == "not_accepted" and objected.is_closed


def test_not_accepting_needs_a_reason(clerk, xf):
    petition = new_petition(clerk, xf["a-xf"])
    with pytest.raises(FazhiError, match="理由"):
        services.decide_acceptance(clerk, petition, petition.version, decision="reject", decided_on=TODAY)


def test_handling_60_days_then_one_extension_of_at_most_30(clerk, xf):
    petition = accept(clerk, new_petition(clerk, xf["a-xf"], received_on=D(2026, 7, 1)), D(2026, 7, 6))
    # 60 日 from acceptance: 7月6日 + 60 = 9月4日 (Friday)
    assert petition.status == "accepted" and petition.handling_due == petition.due_date == D(2026, 9, 4)
    with pytest.raises(FazhiError, match="1至30日"):
        services.extend_handling(
            clerk, petition, petition.version, days=31, reason="情况复杂", approved_by="吴主任", told_on=TODAY
        )
    with pytest.raises(FazhiError, match="批准"):
        services.extend_handling(
            clerk, petition, petition.version, days=30, reason="情况复杂", approved_by="", told_on=TODAY
        )
    extended = services.extend_handling(
        clerk,
        petition,
        petition.version,
        days=30,
        reason="涉及多个部门，需联合调查",
        approved_by="吴主任",
        told_on=TODAY,
    )
    # + 30 日: 10月4日 falls in the 国庆 holiday, so the period ends on the first working day after it
    assert extended.extension_days == 30 and extended.handling_due > D(2026, 10, 4)
    assert extended.due_date == extended.handling_due
    with pytest.raises(FazhiError, match="不能再次延期"):
        services.extend_handling(
            clerk, extended, extended.version, days=5, reason="再延", approved_by="吴主任", told_on=TODAY
        )


def test_opinion_review_and_reexamination_with_a_hearing_not_counted(clerk, xf):
    petition = accept(clerk, new_petition(clerk, xf["a-xf"], received_on=D(2026, 6, 1)), D(2026, 6, 2))
    answered = services.issue_opinion(
        clerk, petition, petition.version, opinion_on=D(2026, 6, 20), result="partial", text="部分支持"
    )
    assert answered.status == "answered" and answered.is_closed
    reviewing = services.request_review(clerk, answered, answered.version, requested_on=D(2026, 6, 25))
    # 30 日: 6月25日 + 30 = 7月25日 (Saturday) → Monday 27 July
    assert reviewing.status == "reviewing" and reviewing.review_due == reviewing.due_date == D(2026, 7, 27)
    reviewed = services.conclude_review(
        clerk, reviewing, reviewing.version, reviewed_on=D(2026, 7, 1), result="uphold"
    )
    reexamining = services.request_reexamination(
        clerk, reviewed, reviewed.version, requested_on=D(2026, 7, 2)
    )
    assert reexamining.reexamination_due == D(2026, 8, 3)  # 8月1日 is a Saturday
    heard = services.record_hearing(
        clerk, reexamining, reexamining.version, hearing_from=D(2026, 7, 10), hearing_to=D(2026, 7, 14)
    )
    # five hearing days not counted: 7月2日 + 30 + 5 = 8月6日
    assert heard.reexamination_due == heard.due_date == D(2026, 8, 6)
    done = services.conclude_reexamination(clerk, heard, heard.version, reexamined_on=TODAY, result="uphold")
    assert done.status == "reexamined" and done.is_closed
    evaluated = services.record_satisfaction(
        clerk, done, done.version, evaluated_on=TODAY, satisfaction="mostly"
    )
    assert evaluated.satisfaction == "mostly"


def test_dates_before_the_stage_began_are_refused(clerk, xf):
    petition = new_petition(clerk, xf["a-xf"])
    with pytest.raises(FazhiError) as refused:
        services.decide_acceptance(
            clerk,
            petition,
            petition.version,
            decision="accept",
            decided_on=TODAY - datetime.timedelta(days=1),
        )
    assert "decided_on" in refused.value.fields


def test_another_street_cannot_register_or_act(clerk, xf, person):
    other = person("xinfang_b", "petition", xf["b"])
    with pytest.raises(NotPermitted):
        new_petition(other, xf["a-xf"])
    petition = new_petition(clerk, xf["a-xf"])
    with pytest.raises(NotPermitted):
        accept(other, petition)


def test_handing_to_mediation_links_both_ways(clerk, xf):
    petition = new_petition(clerk, xf["a-xf"], persons=3)
    linked = services.to_dispute(
        clerk, petition, petition.version, org=xf["a-tw"], dispute_type=DisputeType.objects.get(name="邻里")
    )
    dispute = linked.dispute
    assert dispute.org == xf["a-tw"] and dispute.external_number == petition.number
    assert list(dispute.petitions.all()) == [linked]
    assert [p.name for p in dispute.parties.all()] == ["张三"]
    assert dispute.parties.get().id_number == ID_A
    with pytest.raises(FazhiError, match="“甲街道”是街道，不能承办矛盾纠纷"):
        services.to_dispute(clerk, linked, linked.version, org=xf["a"], dispute_type=dispute.dispute_type)
    with pytest.raises(FazhiError, match="已转为矛盾纠纷"):
        services.to_dispute(clerk, linked, linked.version, org=xf["a-tw"], dispute_type=dispute.dispute_type)


def test_related_matters_by_id_or_phone_never_by_name_and_only_within_scope(clerk, xf, person):
    petition = new_petition(clerk, xf["a-xf"])
    new_dispute(clerk, xf["a-tw"], name="另一个名字")  # same ID number and phone as the petitioner
    new_dispute(clerk, xf["a-tw"], name="张三")  # same name too, but found by the number
    namesake = new_petition(clerk, xf["a-xf"], name="张三", id_number="", phone="13900001111")
    earlier = new_petition(clerk, xf["a-xf"], received_on=TODAY - datetime.timedelta(days=30), phone="")
    found = related_matters(clerk, petition)
    kinds = sorted(r.kind for r in found)
    assert kinds == ["信访", "矛盾纠纷", "矛盾纠纷"]
    assert earlier in [r.record for r in found] and namesake not in [r.record for r in found]
    # someone of the 社区 sees only what their unit holds: none of these
    community = person("sq_a", "handler", xf["a-sq"])
    assert related_matters(community, petition) == []


def test_group_flag_from_the_settings_threshold(clerk, xf):
    assert not new_petition(clerk, xf["a-xf"], persons=4).is_group
    assert new_petition(clerk, xf["a-xf"], persons=5).is_group


def test_leader_reception_needs_the_leader(clerk, xf):
    with pytest.raises(FazhiError, match="接访领导"):
        new_petition(clerk, xf["a-xf"], leader_reception=True)
    with pytest.raises(FazhiError, match="应为来访"):
        new_petition(clerk, xf["a-xf"], leader_reception=True, receiving_leader="吴主任", form="letter")
    assert new_petition(clerk, xf["a-xf"], leader_reception=True, receiving_leader="吴主任").leader_reception


def test_demand_once_per_ticket_and_handling(clerk, xf):
    demand = services.register_demand(
        clerk,
        org=xf["a"],
        channel="hotline",
        external_number="GD2026001",
        received_on=TODAY,
        content="路灯坏了",
    )
    assert demand.number == "甲民〔2026〕0001号" and demand.status == "pending"
    with pytest.raises(FazhiError, match="已经登记过"):
        services.register_demand(
            clerk,
            org=xf["a"],
            channel="hotline",
            external_number="GD2026001",
            received_on=TODAY,
            content="重复",
        )
    # the same number on another platform is another demand
    services.register_demand(
        clerk,
        org=xf["a"],
        channel="web_message",
        external_number="GD2026001",
        received_on=TODAY,
        content="留言",
    )
    handled = services.handle_demand(
        clerk,
        demand,
        demand.version,
        handled_on=TODAY,
        reply="已修复",
        resolved=True,
        satisfaction="satisfied",
    )
    assert handled.status == "handled" and handled.resolved and handled.satisfied is True
    assert CitizenDemand.objects.count() == 2


def test_council_cannot_resolve_more_than_raised(clerk, xf):
    with pytest.raises(FazhiError, match="不能多于"):
        services.record_council(
            clerk, org=xf["a-sq"], held_on=TODAY, topics_raised=1, topics_resolved=2, topics="停车"
        )
    council = services.record_council(
        clerk,
        org=xf["a-sq"],
        held_on=TODAY,
        topics_raised=3,
        topics_resolved=2,
        topics="停车；加装电梯",
        participants=20,
    )
    assert council.number.endswith("〔2026〕0001号") and council.is_closed


def test_recompute_after_a_holiday_notice_moves_open_petitions(clerk, xf):
    from fazhi.ledger.recompute import recompute_open_records

    petition = new_petition(clerk, xf["a-xf"])
    Petition.objects.filter(pk=petition.pk).update(acceptance_due=D(2026, 1, 1), due_date=D(2026, 1, 1))
    moved = recompute_open_records(None, 2026)
    assert [m.record.pk for m in moved if isinstance(m.record, Petition)] == [petition.pk]
    assert Petition.objects.get(pk=petition.pk).due_date == petition.acceptance_due
    assert Dispute.objects.count() == 0
