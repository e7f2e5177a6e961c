"""Oversight items of every kind on the one record type: each kind's fields and reply date, the handling
units, the 面商, the reply's draft and approval, satisfaction and its second round, measures and closing."""

import datetime

import pytest

from fazhi.errors import FazhiError, TransitionNotAllowed
from fazhi.oversight import services
from fazhi.oversight.letters import reply_letter

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date


@pytest.fixture
def office(tree, person):
    return person("office_a", "office", tree["a"])


def _npc(office, tree, **extra):
    fields = dict(
        org=tree["a"], kind="npc", issuer="区人大常委会选工委", received_on=D(2024, 3, 1),
        content="关于加强老旧小区电动自行车充电设施建设的建议", level="district", role="lead", proposer="王某某",
    ) | extra  # fmt: skip
    return services.receive_suggestion(office, **fields)


def test_each_kind_has_its_own_fields_and_reply_date(tree, office):
    npc = _npc(office, tree, proposer_phone="13800138000", supervision_kind="pledge")
    assert npc.reply_due == D(2024, 6, 3)  # 交办 1 March + 3 months = 1 June, a Saturday → Monday 3 June
    assert npc.supervision_kind == ""  # another kind's field is not kept
    assert "代表法" in npc.reply_basis
    complex_case = _npc(office, tree, complex_case=True)
    assert complex_case.reply_due == D(2024, 9, 2)  # 6 months for 涉及面广、处理难度大 (1 Sept a Sunday)
    cppcc = services.receive_suggestion(
        office, org=tree["a"], kind="cppcc", issuer="区政协提案委", received_on=D(2024, 3, 1), content="提案",
        level="city", role="assist", proposer="李委员", complex_case=True,
    )  # fmt: skip
    assert cppcc.reply_due == D(2024, 9, 2)  # 3 months extended by 3
    with pytest.raises(FazhiError, match="人大代表建议须填写级别、办理类型、代表（委员）") as refused:
        services.receive_suggestion(
            office, org=tree["a"], kind="npc", issuer="区人大", received_on=D(2024, 3, 1), content="x"
        )
    assert set(refused.value.fields) == {"level", "role", "proposer"}
    with pytest.raises(FazhiError, match="审计整改须填写审计类别、被审计单位"):
        services.receive_suggestion(
            office, org=tree["a"], kind="audit", issuer="街道审计办", received_on=D(2024, 3, 1), content="x"
        )
    supervision = services.receive_suggestion(
        office, org=tree["a"], kind="supervision", issuer="区督查室", received_on=D(2024, 3, 1), content="x",
        supervision_kind="key_task", reply_due=D(2024, 3, 30),
    )  # fmt: skip
    assert supervision.reply_due == D(2024, 3, 30) and supervision.reply_basis == "按来文载明的期限"


def test_npc_suggestion_with_co_handling_units_to_a_second_round(tree, office):
    item = _npc(office, tree)
    item = services.assign_unit(
        office, item, item.version, unit=tree["a"], lead=True, part="牵头答复", assigned_on=D(2024, 3, 2)
    )
    item = services.assign_unit(
        office,
        item,
        item.version,
        unit=tree["a-sq"],
        lead=False,
        part="摸排充电需求",
        assigned_on=D(2024, 3, 2),
    )
    with pytest.raises(FazhiError, match="已有牵头单位"):
        services.assign_unit(
            office, item, item.version, unit=tree["a-tw"], lead=True, part="x", assigned_on=D(2024, 3, 2)
        )
    with pytest.raises(FazhiError, match="不能重复分办"):
        services.assign_unit(
            office, item, item.version, unit=tree["a-sq"], lead=False, part="x", assigned_on=D(2024, 3, 2)
        )
    item = services.record_contact(
        office, item, item.version, on=D(2024, 3, 20), mode="meeting", note="上门面商"
    )
    letter = reply_letter(item)
    assert letter.startswith("王某某代表：") and "会同甲街道一社区" in letter and "3月20日与您面商" in letter
    with pytest.raises(TransitionNotAllowed):  # approval needs a draft
        services.approve_reply(office, item, item.version, approved_on=D(2024, 4, 1), approved_by="主任")
    item = services.draft_reply(office, item, item.version, drafted_on=D(2024, 4, 1), reply_text=letter)
    item = services.approve_reply(office, item, item.version, approved_on=D(2024, 4, 2), approved_by="张主任")
    item = services.reply_suggestion(office, item, item.version, replied_on=D(2024, 4, 3), reply_text=letter)
    assert item.status == "replied" and item.replied_on_time
    with pytest.raises(FazhiError, match="再次答复的期限"):
        services.record_satisfaction(
            office, item, item.version, satisfaction="unsatisfied", satisfaction_on=D(2024, 4, 10)
        )
    item = services.record_satisfaction(
        office, item, item.version, satisfaction="unsatisfied", satisfaction_on=D(2024, 4, 10),
        second_reply_due=D(2024, 5, 10),
    )  # fmt: skip
    assert (item.status, item.round, item.reply_due, item.replied_on) == ("waiting", 2, D(2024, 5, 10), None)
    assert "第1轮：2024年4月3日答复，不满意" in item.earlier_rounds
    item = services.reply_suggestion(
        office, item, item.version, replied_on=D(2024, 5, 8), reply_text="再次答复"
    )
    item = services.record_satisfaction(
        office, item, item.version, satisfaction="basic", satisfaction_on=D(2024, 5, 12)
    )
    assert item.get_satisfaction_display() == "基本满意" and item.status == "replied"
    item = services.close_item(office, item, item.version, closed_on=D(2024, 5, 12))
    assert item.status == "closed"
    with pytest.raises(TransitionNotAllowed, match="已办结"):
        services.add_measure(
            office, item, item.version, problem="x", action="y", owner="z", due_on=D(2024, 6, 1)
        )


def test_an_audit_project_closes_only_when_its_measures_are_done_or_explained(tree, office):
    item = services.receive_suggestion(
        office, org=tree["a"], kind="audit", issuer="街道审计办", received_on=D(2024, 3, 1), content="换届经责审计",
        audit_kind="transition", audited_entity="甲股份合作公司", findings_count=2, recommendations_count=1,
    )  # fmt: skip
    for problem in ("合同管理不规范", "资产台账不全"):
        item = services.add_measure(
            office,
            item,
            item.version,
            problem=problem,
            action=f"整改{problem}",
            owner="甲公司",
            due_on=D(2024, 5, 1),
        )
    first, second = item.measures.all()
    item = services.reply_suggestion(
        office, item, item.version, replied_on=D(2024, 4, 1), reply_text="整改报告"
    )
    with pytest.raises(FazhiError, match="还有2项整改措施未完成"):
        services.close_item(office, item, item.version, closed_on=D(2024, 4, 2))
    with pytest.raises(FazhiError, match="完成日期"):
        services.update_measure(office, item, item.version, measure=first.pk, status="done")
    with pytest.raises(FazhiError, match="写明原因"):
        services.update_measure(office, item, item.version, measure=second.pk, status="explained")
    item = services.update_measure(
        office, item, item.version, measure=first.pk, status="done", done_on=D(2024, 4, 20)
    )
    item = services.update_measure(
        office, item, item.version, measure=second.pk, status="explained", note="资产已处置，台账无法补录"
    )
    item = services.close_item(office, item, item.version, closed_on=D(2024, 4, 25))
    assert item.status == "closed" and item.closed_on == D(2024, 4, 25)


def test_a_proposal_closes_only_with_its_satisfaction(tree, office):
    item = _npc(office, tree)
    item = services.reply_suggestion(office, item, item.version, replied_on=D(2024, 4, 3), reply_text="答复")
    with pytest.raises(FazhiError, match="满意度"):
        services.close_item(office, item, item.version, closed_on=D(2024, 4, 4))


def test_a_measure_of_another_item_is_refused(tree, office):
    one = _npc(office, tree)
    other = _npc(office, tree)
    other = services.add_measure(
        office, other, other.version, problem="p", action="a", owner="o", due_on=D(2024, 5, 1)
    )
    with pytest.raises(FazhiError, match="不属于本事项"):
        services.update_measure(
            office, one, one.version, measure=other.measures.get().pk, status="done", done_on=D(2024, 4, 1)
        )
