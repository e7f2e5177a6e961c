"""Assigning a unit, recording a 面商 and adding or updating a measure are audited by field, in the item's
one entry of the change (not as a bare version bump), and the history page shows them in words."""

import datetime

import pytest

from fazhi.audit.models import Action, AuditEntry
from fazhi.ledger.history import audit_events
from fazhi.oversight import services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date


@pytest.fixture
def office(tree, person):
    return person("office_a", "office", tree["a"])


@pytest.fixture
def item(tree, office):
    return services.receive_suggestion(
        office, org=tree["a"], kind="audit", issuer="街道审计办", received_on=D(2024, 3, 1), content="换届经责审计",
        audit_kind="transition", audited_entity="甲股份合作公司",
    )  # fmt: skip


def _last(item) -> AuditEntry:
    return AuditEntry.objects.filter(target_type="oversight.suggestion", target_id=str(item.pk)).latest("seq")


def test_an_assignment_is_audited_with_its_fields(tree, office, item):
    item = services.assign_unit(
        office, item, item.version, unit=tree["a-sq"], lead=False, part="摸排需求", assigned_on=D(2024, 3, 2)
    )
    entry = _last(item)
    assert entry.action == Action.UPDATE and entry.actor == office and entry.org_id == tree["a"].pk
    prefix = "承办单位（甲街道一社区（协办））·"
    assert entry.changes == {
        f"{prefix}承办单位": [None, "甲街道一社区"],
        f"{prefix}牵头单位": [None, "否"],
        f"{prefix}承办内容": [None, "摸排需求"],
        f"{prefix}分办日期": [None, "2024-03-02"],
    }


def test_a_contact_is_audited_with_its_fields(office, item):
    item = services.record_contact(
        office, item, item.version, on=D(2024, 3, 20), mode="meeting", note="上门面商"
    )
    changes = _last(item).changes
    assert changes["沟通记录（面商：上门面商）·方式"] == [None, "面商"]
    assert changes["沟通记录（面商：上门面商）·沟通日期"] == [None, "2024-03-20"]
    assert changes["沟通记录（面商：上门面商）·沟通情况"] == [None, "上门面商"]


def test_a_measure_added_and_updated_is_audited_before_and_after(office, item):
    item = services.add_measure(
        office,
        item,
        item.version,
        problem="合同管理不规范",
        action="补签合同",
        owner="甲公司",
        due_on=D(2024, 5, 1),
    )
    prefix = "整改措施（合同管理不规范：补签合同）·"
    added = _last(item).changes
    assert added[f"{prefix}整改措施"] == [None, "补签合同"]
    assert added[f"{prefix}整改状态"] == [None, "整改中"]
    assert added[f"{prefix}整改期限"] == [None, "2024-05-01"]
    measure = item.measures.get()
    item = services.update_measure(
        office, item, item.version, measure=measure.pk, status="done", done_on=D(2024, 4, 20), note="已补签"
    )
    entry = _last(item)
    assert entry.changes == {
        f"{prefix}整改状态": ["整改中", "已完成"],
        f"{prefix}完成日期": [None, "2024-04-20"],
        f"{prefix}完成情况或说明": [None, "已补签"],
    }
    # the history shows the lines in words, dates in Chinese
    lines = audit_events(item)[-1].lines
    assert f"{prefix}整改状态：整改中 → 已完成" in lines
    assert f"{prefix}完成日期：2024年4月20日" in lines


def test_a_refused_part_writes_no_entry(office, item):
    before = AuditEntry.objects.count()
    with pytest.raises(Exception, match="整改期限不能早于收到日期"):
        services.add_measure(
            office, item, item.version, problem="p", action="a", owner="o", due_on=D(2024, 2, 1)
        )
    assert AuditEntry.objects.count() == before
