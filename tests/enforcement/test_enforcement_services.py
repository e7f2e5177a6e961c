import datetime
from decimal import Decimal

import pytest

from fazhi.audit.models import AuditEntry
from fazhi.deadlines.engine import due_for_rule
from fazhi.enforcement import services
from fazhi.enforcement.models import (
    CLOSED,
    DECIDED,
    HEARING,
    NO_PENALTY,
    REVOKED,
    Certificate,
    CertificateStatus,
    EnforcementCase,
    EventKind,
    OfficerEvent,
    OfficerStatus,
)
from fazhi.errors import FazhiError, NotPermitted, TransitionNotAllowed
from tests.conftest import TODAY, clock_at
from tests.enforcement.enforcement_fixtures import add_officer, add_team, file_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_clock")]
DAY = datetime.timedelta(days=1)


def test_filing_needs_two_certified_officers(officer_user, team, officers):
    with pytest.raises(FazhiError) as one:
        file_case(officer_user, team, officers[:1])
    assert "两名以上" in one.value.message and "第四十二条" in one.value.message
    expired = add_officer(officer_user, team, "过期", "A0009", expires_on=TODAY - DAY)
    with pytest.raises(FazhiError) as lapsed:
        file_case(officer_user, team, [officers[0], expired])
    assert "过期" in lapsed.value.fields["officers"] and "第四十二条" in lapsed.value.fields["officers"]
    case = file_case(officer_user, team, officers)
    assert case.number.startswith("a执执〔2026〕") and set(case.officers.all()) == set(officers)
    assert case.decision_due == due_for_rule("enforcement.decision", TODAY).due == case.due_date


def test_a_cancelled_or_lost_card_cannot_handle_a_case(officer_user, team, officers):
    card = Certificate.objects.get(officer=officers[1])
    services.report_lost(officer_user, card, card.version, on=TODAY)
    with pytest.raises(FazhiError, match="韩二"):
        file_case(officer_user, team, officers)
    assert OfficerEvent.objects.filter(kind=EventKind.LOST).count() == 1


def test_another_units_officer_is_refused_without_naming_them(officer_user, team, officers, tree, person):
    other_team = add_team(tree, "b")
    stranger = add_officer(person("zf_b", "enforcement", other_team), other_team, "乙某", "B0001")
    with pytest.raises(FazhiError) as refused:
        file_case(officer_user, team, [officers[0], stranger])
    assert "乙某" not in refused.value.message


def test_ordinary_case_from_filing_to_closing(officer_user, team, officers):
    filed = TODAY - 40 * DAY
    case = file_case(officer_user, team, officers, filed_on=filed)
    case = services.investigate(
        officer_user, case, case.version, investigated_on=filed + DAY, evidence="笔录", av=True
    )
    case = services.notify(officer_user, case, case.version, notified_on=filed + 5 * DAY, hearing_right=True)
    assert case.hearing_request_due == due_for_rule("enforcement.hearing_request", filed + 5 * DAY).due
    with pytest.raises(FazhiError, match="申请听证的期限"):
        services.decide(officer_user, case, case.version, decision_on=filed + 6 * DAY, penalty_kind="fine",
                        fine_amount=Decimal("5000"))  # fmt: skip
    notice = filed + 7 * DAY
    earliest = due_for_rule("enforcement.hearing_notice", notice).due
    with pytest.raises(FazhiError) as early:
        services.hold_hearing(officer_user, case, case.version, requested_on=filed + 6 * DAY, notice_on=notice,
                              hearing_on=earliest - DAY)  # fmt: skip
    assert "最早" in early.value.fields["hearing_on"] and "第六十四条" in early.value.fields["hearing_on"]
    case = services.hold_hearing(officer_user, case, case.version, requested_on=filed + 6 * DAY, notice_on=notice,
                                 hearing_on=earliest)  # fmt: skip
    assert case.status == HEARING and case.hearing_earliest == earliest
    decision = earliest + 2 * DAY
    case = services.decide(officer_user, case, case.version, decision_on=decision, penalty_kind="fine",
                           fine_amount=Decimal("5000"))  # fmt: skip
    assert (
        case.status == DECIDED and case.publicity_due == due_for_rule("enforcement.publicity", decision).due
    )
    assert case.due_date == case.publicity_due
    with pytest.raises(TransitionNotAllowed):
        services.close(officer_user, case, case.version, closed_on=TODAY)
    case = services.serve(officer_user, case, case.version, served_on=decision)
    assert case.payment_due == due_for_rule("enforcement.fine_payment", decision).due
    case = services.publish(officer_user, case, case.version, published_on=decision + DAY)
    assert case.due_date is None and not case.published_late
    case = services.execute(
        officer_user, case, case.version, executed_on=decision + 3 * DAY, execution_method="voluntary"
    )
    case = services.close(officer_user, case, case.version, closed_on=TODAY)
    assert case.status == CLOSED and case.is_closed
    # 全过程记录 step by step: only the investigation was recorded here
    assert case.av_steps == [("调查取证", True), ("告知", False), ("听证", False), ("决定", False),
                             ("送达", False), ("执行", False)]  # fmt: skip
    assert AuditEntry.objects.filter(target_id=str(case.pk)).count() >= 9


def test_simple_procedure_thresholds_of_article_51(officer_user, team, officers):
    person_case = file_case(officer_user, team, officers, procedure="simple")
    with pytest.raises(FazhiError) as over:
        services.decide(officer_user, person_case, person_case.version, decision_on=TODAY, penalty_kind="fine",
                        fine_amount=Decimal("201"))  # fmt: skip
    assert "第五十一条" in over.value.message and "200" in over.value.message
    decided = services.decide(officer_user, person_case, person_case.version, decision_on=TODAY,
                              penalty_kind="fine", fine_amount=Decimal("200"))  # fmt: skip
    assert decided.status == DECIDED
    company = file_case(officer_user, team, officers, procedure="simple", party_kind="organisation")
    assert company.party_kind == "organisation"
    with pytest.raises(FazhiError, match="3,000"):
        services.decide(officer_user, company, company.version, decision_on=TODAY, penalty_kind="fine",
                        fine_amount=Decimal("3000.01"))  # fmt: skip
    with pytest.raises(FazhiError, match="警告"):
        services.decide(officer_user, company, company.version, decision_on=TODAY, penalty_kind="suspension")
    services.decide(officer_user, company, company.version, decision_on=TODAY, penalty_kind="fine",
                    fine_amount=Decimal("3000"))  # fmt: skip


def test_ordinary_procedure_needs_notice_and_legal_review(officer_user, team, officers):
    case = file_case(officer_user, team, officers, filed_on=TODAY - 5 * DAY)
    case = services.investigate(
        officer_user, case, case.version, investigated_on=TODAY - 4 * DAY, evidence="笔录"
    )
    with pytest.raises(TransitionNotAllowed, match="告知"):
        services.decide(officer_user, case, case.version, decision_on=TODAY, penalty_kind="warning")
    case = services.legal_review(officer_user, case, case.version, legal_review_required=True)
    case = services.notify(officer_user, case, case.version, notified_on=TODAY - 3 * DAY)
    with pytest.raises(TransitionNotAllowed, match="法制审核"):
        services.decide(officer_user, case, case.version, decision_on=TODAY, penalty_kind="warning")
    case = services.legal_review(
        officer_user, case, case.version, legal_review_required=True, legal_review_on=TODAY
    )
    case = services.decide(officer_user, case, case.version, decision_on=TODAY, penalty_kind="warning")
    assert case.status == DECIDED and case.fine_amount == 0


def test_late_publication_is_overdue_then_flagged(officer_user, team, officers):
    decision = TODAY - 20 * DAY
    case = file_case(officer_user, team, officers, filed_on=decision, procedure="simple")
    case = services.decide(officer_user, case, case.version, decision_on=decision, penalty_kind="warning")
    assert case.deadline_status() == "overdue"
    assert EnforcementCase.objects.filter(EnforcementCase.open_q(), due_date__lt=TODAY).exists()
    case = services.publish(officer_user, case, case.version, published_on=TODAY)
    assert case.published_late and case.deadline_status() == "ok"


def test_no_penalty_and_revocation_close_the_case(officer_user, team, officers):
    case = file_case(officer_user, team, officers, filed_on=TODAY - 3 * DAY)
    case = services.investigate(
        officer_user, case, case.version, investigated_on=TODAY - 2 * DAY, evidence="笔录"
    )
    with pytest.raises(FazhiError, match="理由"):
        services.no_penalty(officer_user, case, case.version, on=TODAY, reason=" ")
    case = services.no_penalty(officer_user, case, case.version, on=TODAY, reason="首违不罚")
    # 不予处罚 is an enforcement decision too: published within 20 工作日, watched until it is
    assert case.status == NO_PENALTY and not case.is_closed
    assert case.publicity_due == due_for_rule("enforcement.publicity_other", TODAY).due == case.due_date
    assert EnforcementCase.objects.filter(EnforcementCase.open_q(), pk=case.pk).exists()
    case = services.publish(officer_user, case, case.version, published_on=TODAY)
    assert case.is_closed and case.due_date is None
    assert not EnforcementCase.objects.filter(EnforcementCase.open_q(), pk=case.pk).exists()
    other = file_case(officer_user, team, officers)
    other = services.revoke(officer_user, other, other.version, on=TODAY, reason="不属于本机关管辖")
    assert other.status == REVOKED and other.is_closed


def test_certificate_roster_events(officer_user, team, officers):
    card = Certificate.objects.get(officer=officers[0])
    renewed = services.renew_certificate(officer_user, card, card.version, number="A0101", issuer="区政府",
                                         issued_on=TODAY, expires_on=datetime.date(2032, 7, 14))  # fmt: skip
    assert Certificate.objects.get(pk=card.pk).status == CertificateStatus.RENEWED
    assert renewed.status == CertificateStatus.VALID and renewed.due_date == datetime.date(2032, 7, 14)
    other = Certificate.objects.get(officer=officers[1])
    services.transfer_officer(officer_user, other, other.version, on=TODAY, note="调往区城管局")
    officers[1].refresh_from_db()
    assert officers[1].status == OfficerStatus.TRANSFERRED
    assert Certificate.objects.get(pk=other.pk).status == CertificateStatus.CANCELLED
    kinds = sorted(OfficerEvent.objects.values_list("kind", flat=True))
    assert kinds == sorted(["added", "added", "renewed", "transferred", "cancelled"])
    with pytest.raises(FazhiError, match="已登记"):
        add_officer(officer_user, team, "重复", "A0101")


def test_reader_cannot_write(team, officers, person):
    leader = person("leader_a", "leader", team.parent)
    with pytest.raises(NotPermitted):
        file_case(leader, team, officers)


def test_provisional_dates_across_an_unknown_year(officer_user, team, officers):
    with clock_at(datetime.date(2026, 11, 20)):
        case = file_case(officer_user, team, officers, filed_on=datetime.date(2026, 11, 20))
        assert case.decision_due.year == 2027 and case.provisional
