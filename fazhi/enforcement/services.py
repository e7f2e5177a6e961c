"""The only way the enforcement ledger changes: every function checks the actor's right, runs in one
transaction and is audited (through fazhi.ledger.services)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.dates import cn_date, today
from fazhi.deadlines.rules import get_rule
from fazhi.errors import FazhiError, TransitionNotAllowed
from fazhi.ledger import parties as party_kit
from fazhi.ledger import services as ledger
from fazhi.ledger.parties import save_parties

from .models import (
    CLOSED,
    DECIDED,
    EXECUTING,
    HEARING,
    HEARING_NOTICE_RULE,
    HEARING_REQUEST_RULE,
    INVESTIGATING,
    NO_PENALTY,
    NOTIFIED,
    REVOKED,
    SERVED,
    SIMPLE_FINE_LIMITS,
    SIMPLE_PENALTIES,
    SIMPLE_PROCEDURE_ARTICLE,
    TWO_OFFICERS_ARTICLE,
    Certificate,
    CertificateStatus,
    EnforcementCase,
    EventKind,
    FileReview,
    InspectionBatch,
    Officer,
    OfficerEvent,
    OfficerStatus,
    OfficerTraining,
    PartyKind,
    PartyRole,
    PenaltyKind,
    Procedure,
    SpecialAction,
)


def _refuse(field: str, message: str, short: str = "") -> FazhiError:
    return FazhiError(message, fields={field: short or message})


def _not_before(day, earlier, field: str, label: str, earlier_label: str) -> None:
    if day and earlier and day < earlier:
        raise _refuse(
            field,
            f"{label}不能早于{earlier_label}（{cn_date(earlier)}），请核对。",
            f"不能早于{earlier_label}",
        )


def _not_future(day, field: str, label: str) -> None:
    if day and day > today():
        raise _refuse(field, f"{label}不能晚于今天，请核对。", "不能晚于今天")


def _rule_text(code: str) -> str:
    rule = get_rule(code)
    return f"{rule.trigger}起{rule.period_text}，{rule.source}"


# --- officers and certificates ----------------------------------------------------------------------


def _event(actor, officer, kind, on, certificate=None, note=""):
    OfficerEvent.objects.create(
        officer=officer, certificate=certificate, kind=kind, on=on, note=note, recorded_by=actor
    )


def _check_certificate_dates(issued_on, expires_on) -> None:
    if issued_on and expires_on and expires_on <= issued_on:
        raise _refuse("expires_on", "执法证有效期应晚于发证日期，请核对。", "应晚于发证日期")


def _number_free(number: str, exclude_pk=None) -> None:
    taken = Certificate.objects.filter(number=number.strip())
    if exclude_pk:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise _refuse("number", f"执法证号“{number}”已登记，请核对证号。", "该证号已登记")


def add_officer(
    actor, *, org, name: str, joined_on, number: str, issuer: str, issued_on, expires_on, position: str = ""
) -> Certificate:
    """新增执法人员 with the certificate they hold; both in the audit trail, the 新增 event dated ``joined_on``."""
    _not_future(joined_on, "joined_on", "入队日期")
    _check_certificate_dates(issued_on, expires_on)
    _number_free(number)
    with transaction.atomic():
        officer = ledger.create(
            actor, Officer(org=org, name=name.strip(), position=position, joined_on=joined_on)
        )
        certificate = Certificate(
            org=org,
            officer=officer,
            number=number.strip(),
            issuer=issuer,
            issued_on=issued_on,
            expires_on=expires_on,
        )
        certificate.refresh_deadlines()
        ledger.create(actor, certificate)
        _event(actor, officer, EventKind.ADDED, joined_on, certificate)
    return certificate


CERTIFICATE_EDITABLE = ("number", "issuer", "issued_on", "expires_on")


def update_certificate(actor, certificate: Certificate, expected_version: int, **fields) -> Certificate:
    ledger.require_editable(fields, CERTIFICATE_EDITABLE)
    if "number" in fields:
        _number_free(fields["number"], exclude_pk=certificate.pk)

    def apply(fresh):
        for key, value in fields.items():
            setattr(fresh, key, value)
        _check_certificate_dates(fresh.issued_on, fresh.expires_on)
        fresh.refresh_deadlines()

    return ledger.update(actor, certificate, expected_version, apply)


def _end_certificate(actor, certificate, expected_version, status, kind, on, note) -> Certificate:
    _not_future(on, "on", "日期")

    def apply(fresh):
        if fresh.status != CertificateStatus.VALID:
            raise TransitionNotAllowed(f"执法证{fresh.number}已{fresh.status_label}，不能再办理。")
        _not_before(on, fresh.issued_on, "on", "日期", "发证日期")
        fresh.status = status
        fresh.ended_on = on
        _event(actor, fresh.officer, kind, on, fresh, note)

    return ledger.update(actor, certificate, expected_version, apply)


def cancel_certificate(actor, certificate, expected_version: int, *, on, note: str = "") -> Certificate:
    """注销执法证."""
    return _end_certificate(
        actor, certificate, expected_version, CertificateStatus.CANCELLED, EventKind.CANCELLED, on, note
    )


def report_lost(actor, certificate, expected_version: int, *, on, note: str = "") -> Certificate:
    """发布遗失公告: the card can no longer be used."""
    return _end_certificate(
        actor, certificate, expected_version, CertificateStatus.LOST, EventKind.LOST, on, note
    )


def renew_certificate(
    actor, certificate, expected_version: int, *, number: str, issuer: str, issued_on, expires_on
) -> Certificate:
    """换发: the old card ends, a new one is registered for the same officer."""
    _check_certificate_dates(issued_on, expires_on)
    _number_free(number)
    with transaction.atomic():
        old = _end_certificate(
            actor, certificate, expected_version, CertificateStatus.RENEWED, EventKind.RENEWED, issued_on, ""
        )
        new = Certificate(
            org=old.org, officer=old.officer, number=number.strip(), issuer=issuer, issued_on=issued_on,
            expires_on=expires_on,
        )  # fmt: skip
        new.refresh_deadlines()
        ledger.create(actor, new)
    return new


def transfer_officer(actor, certificate, expected_version: int, *, on, note: str = "") -> Certificate:
    """调离: the officer leaves the team and the certificate held is cancelled with the same date."""
    _not_future(on, "on", "调离日期")
    officer = certificate.officer
    with transaction.atomic():

        def leave(fresh):
            if fresh.status != OfficerStatus.ON_DUTY:
                raise TransitionNotAllowed(f"{fresh.name}已调离。")
            _not_before(on, fresh.joined_on, "on", "调离日期", "入队日期")
            fresh.status = OfficerStatus.TRANSFERRED
            fresh.left_on = on
            _event(actor, fresh, EventKind.TRANSFERRED, on, note=note)

        ledger.update(actor, officer, officer.version, leave)
        if certificate.status == CertificateStatus.VALID:
            return cancel_certificate(actor, certificate, expected_version, on=on, note="调离注销")
        return certificate


def record_training(
    actor, certificate, expected_version: int, *, year: int, training_hours: Decimal
) -> Certificate:
    """登记培训学时: the officer's hours of ``year`` (that year's row written, or corrected, audited)."""
    if not 2000 <= year <= today().year:
        raise _refuse("year", f"年度应在2000年至{today().year}年之间，请核对。", "年度有误")
    if training_hours is None or training_hours < 0:
        raise _refuse("training_hours", "培训学时不能为负数。")
    officer = certificate.officer
    row = OfficerTraining.objects.filter(officer=officer, year=year).first()
    if row is None:
        ledger.create(
            actor, OfficerTraining(org=officer.org, officer=officer, year=year, hours=training_hours)
        )
    else:

        def apply(fresh):
            fresh.hours = training_hours

        ledger.update(actor, row, row.version, apply)
    return certificate


def certified_officers(units, day):
    """Officers of the ``units`` who may handle a case on ``day``: on duty, with a valid card in force."""
    return (
        Officer.objects.filter(
            org__in=units,
            status=OfficerStatus.ON_DUTY,
            certificates__status=CertificateStatus.VALID,
            certificates__issued_on__lte=day,
            certificates__expires_on__gte=day,
        )
        .distinct()
        .order_by("name")
    )


def _check_officers(org, officers, day) -> None:
    officers = list(officers)
    if len(officers) < 2:
        raise _refuse(
            "officers",
            f"行政处罚应当由两名以上具有行政执法资格的执法人员实施（{TWO_OFFICERS_ARTICLE}），请选择至少两名执法人员。",
        )
    for officer in officers:
        if officer.org_id != org.pk:  # named by id only: another unit's roster is not the person's to see
            raise _refuse(
                "officers", f"所选执法人员中有不属于{org}的人员，请重新选择。", "须为本单位执法人员"
            )
        if officer.status != OfficerStatus.ON_DUTY:
            raise _refuse("officers", f"{officer.name}已调离，不能承办案件。", f"{officer.name}已调离")
        if officer.valid_certificate(day) is None:
            raise _refuse(
                "officers",
                f"{officer.name}在{cn_date(day)}没有有效的执法证（已过期、注销或遗失），不能承办案件"
                f"（{TWO_OFFICERS_ARTICLE}）；请换一名持有效执法证的执法人员。",
            )


# --- cases --------------------------------------------------------------------------------------------


@dataclass
class PartyData(party_kit.PartyData):
    role: str = PartyRole.PARTY
    kind: str = PartyKind.PERSON
    enterprise: bool = False
    address: str = ""


def _fill_party_facts(case: EnforcementCase, parties: list[PartyData]) -> None:
    """Whether a 单位 (the 第五十一条 limit) and whether 涉企, from the parties as registered (so that the
    audited creation already carries them)."""
    main = [p for p in parties if (p.role or PartyRole.PARTY) == PartyRole.PARTY]
    organisation = any(p.kind == PartyKind.ORGANISATION for p in main)
    case.party_kind = PartyKind.ORGANISATION if organisation else PartyKind.PERSON
    case.enterprise = any(p.enterprise for p in main)


def _check_inspection_link(actor, org, inspection) -> None:
    """A case opened from an inspection's hazard names an inspection of its own team that the person sees."""
    if inspection is None:
        return
    if not InspectionBatch.objects.visible_to(actor).filter(pk=inspection.pk).exists():
        raise _refuse("inspection", "没有找到该执法检查，或您无权查看。", "请选择您可查看的执法检查")
    if inspection.org_id != org.pk:
        raise _refuse(
            "inspection",
            f"所选执法检查由{inspection.org}开展，不属于{org}；请选择本单位的执法检查，或不关联。",
            "须为本单位的执法检查",
        )


def check_special_action(actor, org, action, day=None) -> None:
    """A case or an inspection names a 专项行动 of its own team that the person sees; one named outside the
    action's dates is allowed (an action's end is often set late), the page shows active ones first."""
    if action is None:
        return
    if not SpecialAction.objects.visible_to(actor).filter(pk=action.pk).exists():
        raise _refuse("special_action", "没有找到该专项行动，或您无权查看。", "请选择您可查看的专项行动")
    if action.org_id != org.pk:
        raise _refuse(
            "special_action",
            f"专项行动“{action}”由{action.org}开展，不属于{org}；请选择本单位的专项行动，"
            "或先在“专项行动”中为本单位登记该行动。",
            "须为本单位的专项行动",
        )


def file_case(actor, *, org, parties: list[PartyData], officers=(), **fields) -> EnforcementCase:
    """立案: the case, its parties and at least two certified officers; ``inspection`` when it was opened
    from a hazard an inspection found (the inspection then lists it)."""
    case = EnforcementCase(org=org, **fields)
    _not_future(case.filed_on, "filed_on", "立案日期")
    ledger.require_write(actor, org)
    _check_inspection_link(actor, org, case.inspection)
    check_special_action(actor, org, case.special_action)
    if case.inspection is not None:
        _not_before(case.filed_on, case.inspection.held_on, "filed_on", "立案日期", "检查日期")
    _check_officers(org, officers, case.filed_on)
    if not any((p.role or PartyRole.PARTY) == PartyRole.PARTY for p in parties):
        raise FazhiError("请至少填写一名当事人。", fields={"parties": "请至少填写一名当事人"})
    _fill_party_facts(case, parties)
    case.refresh_deadlines()
    with transaction.atomic():
        ledger.create(actor, case, year=case.filed_on.year)
        save_parties(case, parties)
        case.officers.set(officers)
        record(
            Action.UPDATE,
            actor=actor,
            target=case,
            changes={
                "当事人": [None, ledger.parties_text(case.parties.all())],
                "承办执法人员": [None, "、".join(o.name for o in officers)],
            },
        )
    return case


EDITABLE = (
    "filed_on",
    "procedure",
    "source",
    "field",
    "object_kind",
    "special_action",
    "summary",
    "av_record",
)


def update_details(actor, case: EnforcementCase, expected_version: int, **fields) -> EnforcementCase:
    ledger.require_editable(fields, EDITABLE)

    def apply(fresh):
        for name, value in fields.items():
            setattr(fresh, name, value)
        _not_future(fresh.filed_on, "filed_on", "立案日期")
        if "special_action" in fields:
            check_special_action(actor, fresh.org, fresh.special_action)
        fresh.refresh_deadlines()

    return ledger.update(actor, case, expected_version, apply)


def investigate(
    actor, case, expected_version: int, *, investigated_on, evidence: str, av: bool = False
) -> EnforcementCase:
    """调查取证."""
    if not evidence.strip():
        raise _refuse("evidence", "请填写调查取证情况。", "必填")

    def apply(fresh):
        _not_future(investigated_on, "investigated_on", "调查取证日期")
        _not_before(investigated_on, fresh.filed_on, "investigated_on", "调查取证日期", "立案日期")
        fresh.investigated_on = investigated_on
        fresh.evidence = evidence
        fresh.av_investigation = av
        fresh.refresh_deadlines()

    return ledger.transition(actor, case, expected_version, INVESTIGATING, apply)


def notify(
    actor, case, expected_version: int, *, notified_on, hearing_right: bool = False, av: bool = False
) -> EnforcementCase:
    """告知: the intended penalty, and the right to ask for a hearing within 5 工作日 where it applies."""

    def apply(fresh):
        _not_future(notified_on, "notified_on", "告知日期")
        _not_before(
            notified_on, fresh.investigated_on or fresh.filed_on, "notified_on", "告知日期", "调查取证日期"
        )
        fresh.notified_on = notified_on
        fresh.hearing_right = hearing_right
        fresh.av_notice = av
        fresh.refresh_deadlines()

    return ledger.transition(actor, case, expected_version, NOTIFIED, apply)


def hold_hearing(
    actor, case, expected_version: int, *, requested_on, notice_on, hearing_on, av: bool = False
) -> EnforcementCase:
    """听证: asked for within the window, notified at least 7 工作日 before it is held."""

    def apply(fresh):
        if not fresh.hearing_right:
            raise TransitionNotAllowed("告知时未告知听证权利，不能登记听证；如应当告知，请先重新告知。")
        _not_before(requested_on, fresh.notified_on, "requested_on", "申请听证日期", "告知日期")
        if fresh.hearing_request_due and requested_on > fresh.hearing_request_due:
            raise _refuse(
                "requested_on",
                f"当事人应在{cn_date(fresh.hearing_request_due)}前申请听证（{_rule_text(HEARING_REQUEST_RULE)}），"
                "逾期申请的，视为放弃听证；请核对申请日期。",
            )
        _not_before(notice_on, requested_on, "notice_on", "听证通知日期", "申请听证日期")
        fresh.hearing_requested_on = requested_on
        fresh.hearing_notice_on = notice_on
        fresh.refresh_deadlines()
        if hearing_on < fresh.hearing_earliest:
            raise _refuse(
                "hearing_on",
                f"听证应在通知后至少七个工作日举行，最早{cn_date(fresh.hearing_earliest)}"
                f"（{_rule_text(HEARING_NOTICE_RULE)}）；请推后听证日期或提前通知。",
            )
        fresh.hearing_on = hearing_on
        fresh.av_hearing = av

    return ledger.transition(actor, case, expected_version, HEARING, apply)


def legal_review(
    actor, case, expected_version: int, *, legal_review_required: bool, legal_review_on=None, review_item=None
) -> EnforcementCase:
    """重大执法决定法制审核: whether required, when done, and the legality review item that did it."""

    if review_item is not None:
        from fazhi.legal.models import ReviewItem

        if not ReviewItem.objects.visible_to(actor).filter(pk=review_item.pk).exists():
            raise _refuse(
                "review_item", "没有找到该合法性审查事项，或您无权查看。", "请选择您可查看的审查事项"
            )

    def apply(fresh):
        if fresh.decision_on:
            raise TransitionNotAllowed("已作出决定，法制审核应在决定前完成。")
        _not_future(legal_review_on, "legal_review_on", "法制审核日期")
        _not_before(legal_review_on, fresh.filed_on, "legal_review_on", "法制审核日期", "立案日期")
        fresh.legal_review_required = legal_review_required
        fresh.legal_review_on = legal_review_on
        fresh.review_item = review_item

    return ledger.update(actor, case, expected_version, apply)


def _check_simple_procedure(case: EnforcementCase, penalty_kind: str, fine: Decimal) -> None:
    limit = SIMPLE_FINE_LIMITS["organisation" if case.party_kind == PartyKind.ORGANISATION else "person"]
    who = "法人或者其他组织" if case.party_kind == PartyKind.ORGANISATION else "公民"
    if penalty_kind not in SIMPLE_PENALTIES or fine > limit:
        raise _refuse(
            "fine_amount" if penalty_kind in SIMPLE_PENALTIES else "penalty_kind",
            f"简易程序只能当场给予警告或对{who}处以{limit:,.0f}元以下罚款（{SIMPLE_PROCEDURE_ARTICLE}）；"
            "超出的，请改用普通程序（修改基本信息中的“程序”）。",
        )


def decide(
    actor,
    case,
    expected_version: int,
    *,
    decision_on,
    penalty_kind: str,
    fine_amount: Decimal = Decimal("0"),
    confiscated_amount: Decimal = Decimal("0"),
    decision_text: str = "",
    av: bool = False,
) -> EnforcementCase:
    """作出行政处罚决定: after 告知 (and the hearing window) for 普通程序, within the limits for 简易程序."""
    fine_amount = fine_amount or Decimal("0")
    confiscated_amount = confiscated_amount or Decimal("0")
    if fine_amount < 0 or confiscated_amount < 0:
        raise _refuse("fine_amount", "金额不能为负数。")
    if penalty_kind in (PenaltyKind.FINE, PenaltyKind.FINE_AND_CONFISCATION) and fine_amount <= 0:
        raise _refuse("fine_amount", "处罚种类为罚款时请填写罚款金额。", "请填写罚款金额")

    def apply(fresh):
        _not_future(decision_on, "decision_on", "决定日期")
        _not_before(decision_on, fresh.filed_on, "decision_on", "决定日期", "立案日期")
        if fresh.procedure == Procedure.SIMPLE:
            _check_simple_procedure(fresh, penalty_kind, fine_amount)
        else:
            if not fresh.notified_on:
                raise TransitionNotAllowed(
                    "普通程序应先告知当事人拟作出的处罚及其陈述、申辩（和听证）权利，再作出决定。"
                )
            _not_before(
                decision_on,
                fresh.hearing_on or fresh.notified_on,
                "decision_on",
                "决定日期",
                "告知或听证日期",
            )
            waiting = (
                fresh.hearing_request_due
                and not fresh.hearing_on
                and decision_on <= fresh.hearing_request_due
            )
            if waiting:
                raise _refuse(
                    "decision_on",
                    f"当事人申请听证的期限到{cn_date(fresh.hearing_request_due)}（{_rule_text(HEARING_REQUEST_RULE)}），"
                    "期限届满后才能作出决定。",
                )
        if fresh.legal_review_required and not fresh.legal_review_on:
            raise TransitionNotAllowed("本案须经重大执法决定法制审核，请先登记法制审核。")
        fresh.decision_on = decision_on
        fresh.penalty_kind = penalty_kind
        fresh.fine_amount = fine_amount
        fresh.confiscated_amount = confiscated_amount
        fresh.decision_text = decision_text
        fresh.av_decision = av
        fresh.refresh_deadlines()

    return ledger.transition(actor, case, expected_version, DECIDED, apply)


def serve(actor, case, expected_version: int, *, served_on, av: bool = False) -> EnforcementCase:
    """送达 the decision; a fine is due 15 日 after."""

    def apply(fresh):
        _not_future(served_on, "served_on", "送达日期")
        _not_before(served_on, fresh.decision_on, "served_on", "送达日期", "决定日期")
        fresh.served_on = served_on
        fresh.av_service = av
        fresh.refresh_deadlines()

    return ledger.transition(actor, case, expected_version, SERVED, apply)


def publish(actor, case, expected_version: int, *, published_on) -> EnforcementCase:
    """公示 the decision (双公示); later than the due date is allowed but flagged."""

    def apply(fresh):
        if not fresh.decision_on or fresh.status == REVOKED:
            raise TransitionNotAllowed("作出决定后才能公示。")
        if fresh.published_on:
            raise TransitionNotAllowed(f"已于{cn_date(fresh.published_on)}公示。")
        _not_future(published_on, "published_on", "公示日期")
        _not_before(published_on, fresh.decision_on, "published_on", "公示日期", "决定日期")
        fresh.published_on = published_on
        fresh.refresh_deadlines()

    return ledger.update(actor, case, expected_version, apply)


def execute(
    actor, case, expected_version: int, *, executed_on, execution_method: str, av: bool = False
) -> EnforcementCase:
    """执行: paid, enforced or applied to the court for."""

    def apply(fresh):
        _not_future(executed_on, "executed_on", "执行日期")
        _not_before(executed_on, fresh.served_on, "executed_on", "执行日期", "送达日期")
        fresh.executed_on = executed_on
        fresh.execution_method = execution_method
        fresh.av_execution = av

    return ledger.transition(actor, case, expected_version, EXECUTING, apply)


def close(actor, case, expected_version: int, *, closed_on) -> EnforcementCase:
    """结案: published first (公示 is part of the case)."""

    def apply(fresh):
        if fresh.publicity_due and not fresh.published_on:
            raise TransitionNotAllowed("处罚决定尚未公示，请先登记公示再结案。")
        _not_future(closed_on, "closed_on", "结案日期")
        _not_before(
            closed_on, fresh.executed_on or fresh.served_on, "closed_on", "结案日期", "执行或送达日期"
        )
        fresh.closed_on = closed_on

    return ledger.transition(actor, case, expected_version, CLOSED, apply)


def _end(actor, case, expected_version, target, day, reason, label) -> EnforcementCase:
    if not reason.strip():
        raise _refuse("reason", f"请填写{label}理由。", "必填")

    def apply(fresh):
        _not_future(day, "on", "日期")
        _not_before(day, fresh.filed_on, "on", "日期", "立案日期")
        fresh.close_reason = reason
        fresh.closed_on = day
        if target == NO_PENALTY:
            fresh.decision_on = day
        fresh.status = target  # the publicity rule depends on the outcome
        fresh.refresh_deadlines()

    return ledger.transition(actor, case, expected_version, target, apply)


def no_penalty(actor, case, expected_version: int, *, on, reason: str) -> EnforcementCase:
    """不予处罚 (a decision too)."""
    return _end(actor, case, expected_version, NO_PENALTY, on, reason, "不予处罚")


def revoke(actor, case, expected_version: int, *, on, reason: str) -> EnforcementCase:
    """撤销立案."""
    return _end(actor, case, expected_version, REVOKED, on, reason, "撤销立案")


# --- inspections and file reviews ---------------------------------------------------------------------


def _check_inspection(batch: InspectionBatch) -> None:
    _not_future(batch.held_on, "held_on", "检查日期")
    if batch.hazards_rectified > batch.hazards_found:
        raise _refuse("hazards_rectified", "已整改隐患不能多于发现隐患，请核对。", "不能多于发现隐患")


def record_inspection(actor, *, org, **fields) -> InspectionBatch:
    batch = InspectionBatch(org=org, **fields)
    _check_inspection(batch)
    check_special_action(actor, org, batch.special_action)
    return ledger.create(actor, batch)


INSPECTION_EDITABLE = (
    "held_on", "action", "special_action", "random_check", "field", "object_kind", "objects_checked",
    "hazards_found", "hazards_rectified", "cases_filed_outside", "joint_units", "note",
)  # fmt: skip


def update_inspection(actor, batch: InspectionBatch, expected_version: int, **fields) -> InspectionBatch:
    ledger.require_editable(fields, INSPECTION_EDITABLE)

    def apply(fresh):
        for name, value in fields.items():
            setattr(fresh, name, value)
        _check_inspection(fresh)
        if "special_action" in fields:
            check_special_action(actor, fresh.org, fresh.special_action)

    return ledger.update(actor, batch, expected_version, apply)


# --- special actions (专项行动) ------------------------------------------------------------------------


def _check_special(action: SpecialAction) -> None:
    if not (action.name or "").strip():
        raise _refuse("name", "请填写行动名称，如“2024年百日攻坚”。", "必填")
    action.name = action.name.strip()
    if action.ends_on and action.starts_on and action.ends_on < action.starts_on:
        raise _refuse("ends_on", "结束日期不能早于开始日期，请核对。", "不能早于开始日期")
    twin = SpecialAction.objects.filter(org_id=action.org_id, name=action.name).exclude(pk=action.pk)
    if twin.exists():
        raise _refuse(
            "name",
            f"本单位已有名为“{action.name}”的专项行动；每年开展的同名行动请在名称中注明年份，"
            f"如“{action.starts_on.year if action.starts_on else ''}年{action.name}”。",
            "本单位已有同名专项行动",
        )


def record_special_action(actor, *, org, **fields) -> SpecialAction:
    """登记专项行动 of an enforcement team."""
    action = SpecialAction(org=org, **fields)
    ledger.require_write(actor, org)
    _check_special(action)
    return ledger.create(actor, action)


SPECIAL_ACTION_EDITABLE = ("name", "kind", "starts_on", "ends_on", "joint_departments", "goal")


def update_special_action(actor, action: SpecialAction, expected_version: int, **fields) -> SpecialAction:
    ledger.require_editable(fields, SPECIAL_ACTION_EDITABLE)

    def apply(fresh):
        for name, value in fields.items():
            setattr(fresh, name, value)
        _check_special(fresh)

    return ledger.update(actor, action, expected_version, apply)


def review_file(
    actor, case, expected_version: int, *, reviewed_on, reviewer: str, score: int, problems: str = ""
):
    """案卷评查 of a case."""
    if score < 0 or score > 100:
        raise _refuse("score", "得分应在0至100之间。")
    _not_future(reviewed_on, "reviewed_on", "评查日期")
    with transaction.atomic():
        ledger.create(
            actor,
            FileReview(
                org=case.org,
                case=case,
                reviewed_on=reviewed_on,
                reviewer=reviewer,
                score=score,
                problems=problems,
            ),
        )
        record(
            Action.UPDATE, actor=actor, target=case, changes={"案卷评查": [None, f"{reviewed_on} {score}分"]}
        )
    return case
