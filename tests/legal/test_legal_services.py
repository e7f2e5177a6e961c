import datetime
from decimal import Decimal

import pytest

from fazhi.audit.models import Action, AuditEntry
from fazhi.deadlines.engine import due_date, due_for_rule
from fazhi.errors import FazhiError, NotPermitted, StaleEdit, TransitionNotAllowed
from fazhi.legal import services
from fazhi.legal.models import LegalSettings, ReviewItem
from tests.conftest import TODAY
from tests.legal import legal_fixtures as fx
from tests.legal.legal_fixtures import new_contract, new_item

legal_units, lawyer, office = fx.legal_units, fx.lawyer, fx.office

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]


def test_submit_numbers_item_and_opens_first_round(tree, office):
    item = new_contract(office, tree["a-sq"], submitted_on=datetime.date(2026, 3, 2))
    assert item.number == "甲一审〔2026〕0001号"
    assert item.status == "submitted" and item.submitted_by == tree["a-sq"]
    assert item.due_date is None  # contracts have no statutory review period
    (first,) = item.rounds.all()
    assert first.seq == 1 and first.materials == "合同文本、招标文件"
    assert AuditEntry.objects.filter(target_id=str(item.pk), action=Action.CREATE).exists()


def test_contract_needs_counterparty_and_amount(tree, office):
    with pytest.raises(FazhiError, match="合同相对方") as exc:
        services.submit(office, org=tree["a-sq"], kind="contract", title="x", submitted_on=TODAY)
    assert set(exc.value.fields) == {"counterparty", "amount"}
    assert not ReviewItem.objects.exists()


def test_filing_follows_the_admin_threshold(tree, office):
    assert new_contract(office, tree["a-sq"], amount=Decimal("1000000")).requires_filing
    assert not new_contract(office, tree["a-sq"], amount=Decimal("999999.99")).requires_filing
    LegalSettings.objects.update(filing_threshold=Decimal("500000"))
    assert new_contract(office, tree["a-sq"], amount=Decimal("600000")).requires_filing


def test_normative_document_due_across_the_national_day_holiday(tree, office):
    # Submitted on 2025-09-30: 15 working days skip 国庆/中秋 (10月1日–8日) and the weekends.
    submitted = datetime.date(2025, 9, 30)
    item = new_item(office, tree["a-sq"], "normative", submitted_on=submitted)
    assert item.due_date == due_for_rule("review.normative_document", submitted).due
    assert item.due_date == datetime.date(2025, 10, 28)
    first = item.rounds.get()
    assert first.earliest_opinion_on == due_date(submitted, 5, "工作日").due == datetime.date(2025, 10, 14)


def test_major_decision_has_only_a_minimum_review_time(tree, office):
    submitted = datetime.date(2026, 2, 12)
    item = new_item(office, tree["a-sq"], "major_decision", submitted_on=submitted)
    assert item.due_date is None
    earliest = item.rounds.get().earliest_opinion_on
    assert earliest == due_for_rule("review.major_decision", submitted).due
    assert earliest > submitted + datetime.timedelta(days=9)  # 春节 lies in between


def test_lifecycle_return_resubmit_conclude_and_file(tree, office, lawyer, legal_units):
    start = TODAY - datetime.timedelta(days=20)
    item = new_contract(office, tree["a-sq"], amount=Decimal("2500000"), submitted_on=start)
    item = services.assign(office, item, item.version, legal_units["a-gw"], lawyer)
    assert item.status == "reviewing" and item.org == legal_units["a-gw"] and item.reviewer == lawyer
    item = services.return_for_revision(
        lawyer, item, item.version, opinion_text="违约责任条款不对等，请修改第八条", opinion_on=start
    )
    assert item.status == "returned"
    item = services.resubmit(
        lawyer, item, item.version, submitted_on=TODAY - datetime.timedelta(days=3), materials="已修改第八条"
    )
    assert item.status == "reviewing" and item.rounds.count() == 2
    second = item.rounds.get(seq=2)
    assert second.reviewer == lawyer and second.reviewer_org == legal_units["a-gw"]
    item = services.conclude(
        lawyer, item, item.version, opinion="lawful", opinion_text="经审查，合同合法", opinion_on=TODAY
    )
    assert item.status == "concluded" and item.opinion == "lawful" and item.concluded_on == TODAY
    first = item.rounds.get(seq=1)
    assert first.opinion == "lawful_if_revised" and first.returned and first.letter_issued
    item = services.file_contract(lawyer, item, item.version, filed_on=TODAY, note="报区司法局备案")
    assert item.filed_on == TODAY
    actions = list(AuditEntry.objects.filter(target_id=str(item.pk)).values_list("action", flat=True))
    assert actions.count(Action.TRANSITION) == 4


def test_refused_transitions_with_chinese_messages(tree, office, lawyer, legal_units):
    item = new_contract(office, tree["a-sq"])
    with pytest.raises(TransitionNotAllowed, match="当前状态为“已提交”，不能变更为“已出具意见”"):
        services.conclude(office, item, item.version, opinion="lawful", opinion_text="x", opinion_on=TODAY)
    with pytest.raises(TransitionNotAllowed, match="不能变更为“审查中”"):
        item2 = services.withdraw(office, new_contract(office, tree["a-sq"]), 1, reason="项目取消")
        services.assign(office, item2, item2.version, legal_units["a-gw"])
    item = services.assign(office, item, item.version, legal_units["a-gw"])
    with pytest.raises(FazhiError, match="达到备案标准"):
        services.file_contract(office, item, item.version, filed_on=TODAY)
    with pytest.raises(TransitionNotAllowed, match="不能变更为“审查中”"):
        services.resubmit(office, item, item.version, submitted_on=TODAY, materials="x")


def test_assign_checks_reviewer_unit_and_role(tree, office, lawyer, legal_units, person):
    item = new_contract(office, tree["a-sq"])
    with pytest.raises(FazhiError, match="不是审查单位"):
        services.assign(office, item, item.version, tree["a-sq-tw"])
    clerk = person("clerk", "handler", legal_units["a-sfs"])
    with pytest.raises(FazhiError, match="没有法律顾问"):
        services.assign(office, item, item.version, legal_units["a-sfs"], clerk)
    with pytest.raises(NotPermitted):
        services.assign(office, item, item.version, legal_units["b-gw"])


def test_early_and_late_opinions_are_flagged(tree, office, lawyer, legal_units):
    submitted = TODAY - datetime.timedelta(days=1)
    item = new_item(office, tree["a-sq"], "normative", submitted_on=submitted)
    item = services.assign(office, item, item.version, legal_units["a-gw"], lawyer)
    item = services.conclude(
        lawyer, item, item.version, opinion="unlawful", opinion_text="与上位法抵触", opinion_on=TODAY
    )
    round_ = item.rounds.get()
    assert round_.too_short and "早于规定的最少审查时间" in services.timing_warning(round_)
    assert round_.working_days <= 1 and item.due_date is None


def test_stale_edit_refused(tree, office):
    item = new_contract(office, tree["a-sq"])
    services.update_details(office, item, item.version, title="新标题")
    with pytest.raises(StaleEdit, match="旧版本"):
        services.update_details(office, item, item.version, title="另一个标题")
    assert ReviewItem.objects.get().title == "新标题"


def test_other_street_cannot_write(tree, office, person):
    item = new_contract(office, tree["a-sq"])
    other = person("office_b", "office", tree["b"])
    with pytest.raises(NotPermitted):
        services.update_details(other, item, item.version, title="x")
    with pytest.raises(NotPermitted):
        new_contract(other, tree["a-sq"])
