import datetime

import pytest

from fazhi.audit.models import Action, AuditEntry
from fazhi.errors import FazhiError, NotPermitted, StaleEdit, TransitionNotAllowed
from fazhi.litigation import services
from fazhi.litigation.models import Case, CaseParty, reply_due
from tests.litigation.litigation_fixtures import ID_A, new_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
D = datetime.date


@pytest.fixture
def office(tree, person):
    return person("office_a", "office", tree["a"])


@pytest.mark.parametrize(
    ("kind", "received", "due"),
    [
        # 15 日 from 2024-09-27 ends on Saturday 2024-10-12, a 调休 working day: it stays there.
        ("administrative", D(2024, 9, 27), D(2024, 10, 12)),
        ("civil", D(2024, 9, 27), D(2024, 10, 12)),
        # 15 日 from 2024-09-20 ends on 2024-10-05 in the National Day holiday: moved to 2024-10-08.
        ("administrative", D(2024, 9, 20), D(2024, 10, 8)),
        # 行政复议法 第八十八条第二款: its 10 日 are working days. From 2024-09-25: 26, 27, 29 (worked Sunday),
        # 30 September, 8–11 October, Saturday 12 October (worked), 14 October.
        ("reconsideration", D(2024, 9, 25), D(2024, 10, 14)),
        # From Monday 2024-03-04: 5–8 and 11–15 March, then Monday 18 March.
        ("reconsideration", D(2024, 3, 4), D(2024, 3, 18)),
    ],
)
def test_reply_due_from_the_rules_across_holidays(kind, received, due):
    assert reply_due(kind, received) == due


def test_register_numbers_watches_the_due_date_and_encrypts(tree, office):
    case = new_case(office, tree["a"], received_on=D(2024, 9, 27))
    assert case.number == "甲诉〔2024〕0001号"
    assert case.reply_due == case.due_date == D(2024, 10, 12)
    assert case.documents.get().kind == "complaint" and case.documents.get().received_on == D(2024, 9, 27)
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("select id_number from litigation_caseparty")
        assert ID_A not in cur.fetchone()[0]
    assert CaseParty.objects.get().id_number == ID_A
    assert AuditEntry.objects.filter(target_id=str(case.pk), action=Action.CREATE).exists()


def test_no_statutory_due_when_the_office_is_plaintiff(tree, office):
    case = new_case(office, tree["a"], kind="civil", own_role="plaintiff", received_on=D(2024, 9, 27))
    assert case.reply_due is None and case.due_date is None and case.reply_met is None


def test_reply_met_and_missed(tree, office):
    met = new_case(office, tree["a"], received_on=D(2024, 9, 27))
    met = services.record_reply(office, met, met.version, replied_on=D(2024, 10, 12))
    assert met.reply_met is True and met.status == "answered" and met.due_date is None
    late = new_case(office, tree["a"], received_on=D(2024, 9, 20))
    late = services.record_reply(office, late, late.version, replied_on=D(2024, 10, 9))
    assert late.reply_met is False
    waiting = new_case(office, tree["a"], received_on=D(2024, 9, 20))
    assert waiting.reply_met is False and waiting.deadline_status() == "overdue"
    fresh = new_case(office, tree["a"])
    assert fresh.reply_met is None and fresh.deadline_status() in ("ok", "due_soon")


def test_editing_the_received_date_recomputes_the_due_date(tree, office):
    case = new_case(office, tree["a"], received_on=D(2024, 9, 27))
    case = services.update_case(office, case, case.version, copy_received_on=D(2024, 9, 20))
    assert case.reply_due == D(2024, 10, 8)
    assert case.documents.get().received_on == D(2024, 9, 20)


def test_stale_edit_refused(tree, office):
    case = new_case(office, tree["a"])
    services.update_case(office, case, case.version, court="新法院")
    with pytest.raises(StaleEdit, match="保存失败：该记录已被"):
        services.update_case(office, case, case.version, court="旧版本上的修改")
    assert Case.objects.get(pk=case.pk).court == "新法院"


def test_hearing_document_conclusion_and_appeal(tree, office):
    received = D(2024, 3, 4)
    case = new_case(office, tree["a"], received_on=received)
    case = services.record_reply(office, case, case.version, replied_on=D(2024, 3, 15))
    with pytest.raises(FazhiError, match="出庭负责人"):
        services.add_hearing(office, case, case.version, held_on=D(2024, 4, 1), head_appeared=True)
    case = services.add_hearing(
        office, case, case.version, held_on=D(2024, 4, 1), head_appeared=True, appeared_by="副主任 王某"
    )
    case = services.add_document(office, case, case.version, kind="judgement", received_on=D(2024, 5, 6))
    with pytest.raises(TransitionNotAllowed):
        services.record_reply(office, case, case.version, replied_on=D(2024, 3, 16))
    with pytest.raises(FazhiError, match="本审级结案后"):
        services.appeal(office, case, stage="appeal", court="中院", copy_received_on=D(2024, 5, 20))
    case = services.conclude(office, case, case.version, outcome="upheld", concluded_on=D(2024, 5, 6))
    with pytest.raises(FazhiError, match="不能再登记庭审"):
        services.add_hearing(office, case, case.version, held_on=D(2024, 6, 1), head_appeared=False)
    second = services.appeal(office, case, stage="appeal", court="中院", copy_received_on=D(2024, 5, 20))
    assert second.previous == case and second.stage == "appeal" and second.reply_due is None
    assert [p.name for p in second.parties.all()] == ["张三"]
    with pytest.raises(FazhiError, match="已登记过后续审级"):
        services.appeal(office, case, stage="retrial", court="高院", copy_received_on=D(2024, 6, 1))


def test_other_street_is_refused(tree, office, person):
    case = new_case(office, tree["a"])
    other = person("b_office", "office", tree["b"])
    with pytest.raises(NotPermitted):
        services.update_case(other, case, case.version, court="越权修改")
    with pytest.raises(NotPermitted):
        new_case(other, tree["a"])
    with pytest.raises(NotPermitted):
        services.record_meeting(other, org=tree["b"], held_on=D(2024, 1, 2), attendees="x", conclusions="y",
                                cases=[case])  # fmt: skip


def test_the_appeal_period_runs_from_the_decision_served_across_holidays(tree, office):
    case = new_case(office, tree["a"], kind="civil", received_on=D(2024, 9, 2))
    assert services.appeal_deadline(case) is None  # no decision yet
    case = services.add_document(office, case, case.version, kind="ruling", received_on=D(2024, 9, 25))
    # a ruling: 10 日 from 25 September end on 5 October, in the National Day holiday → 8 October
    assert services.appeal_deadline(case).due == D(2024, 10, 8)
    case = services.add_document(office, case, case.version, kind="judgement", received_on=D(2024, 9, 27))
    # the judgment: 15 日 end on Saturday 12 October, a 调休 working day, so they end there
    appeal = services.appeal_deadline(case)
    assert appeal.due == D(2024, 10, 12) and "第一百七十一条" in appeal.rule.source


def test_no_appeal_period_after_a_withdrawal_or_for_a_reconsideration(tree, office):
    case = new_case(office, tree["a"], received_on=D(2024, 3, 4))
    case = services.add_document(office, case, case.version, kind="ruling", received_on=D(2024, 4, 1))
    case = services.conclude(office, case, case.version, outcome="withdrawn", concluded_on=D(2024, 4, 1))
    assert services.appeal_deadline(case) is None  # a ruling approving the withdrawal cannot be appealed
    review = new_case(office, tree["a"], kind="reconsideration", received_on=D(2024, 3, 4))
    review = services.add_document(office, review, review.version, kind="decision", received_on=D(2024, 4, 1))
    assert services.appeal_deadline(review) is None
