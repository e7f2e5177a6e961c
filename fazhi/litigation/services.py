"""The only way cases and analysis meetings change: every function checks the actor's right, runs
in one transaction and is audited (through fazhi.ledger.services)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.dates import today
from fazhi.deadlines.engine import due_for_rule
from fazhi.errors import FazhiError, TransitionNotAllowed
from fazhi.ledger import services as ledger
from fazhi.ledger.attachments import attach
from fazhi.ledger.parties import PartyData, save_parties

from .models import (
    ANSWERED,
    APPEAL_RULES,
    CONCLUDED,
    COPY_DOCUMENT,
    RECEIVED,
    AnalysisMeeting,
    Case,
    CaseDocument,
    CaseKind,
    CaseStage,
    Hearing,
    LitigationDocumentKind,
    LitigationOutcome,
)


def _problems(exc: ValidationError) -> str:
    return "；".join("；".join(v) for v in exc.message_dict.values())


def _check_not_future(day: datetime.date, field: str, what: str) -> None:
    if day > today():
        raise FazhiError(f"{what}不能晚于今天，请核对。", fields={field: "不能晚于今天"})


# --- cases -----------------------------------------------------------------------------------------


def appeal_deadline(case: Case):
    """The period to appeal the latest first-instance judgment or ruling served in a court case (None
    for a reconsideration, a later stage, or before any decision); a ruling approving a withdrawal or
    a mediation cannot be appealed."""
    if case.kind == CaseKind.RECONSIDERATION or case.stage != CaseStage.FIRST:
        return None
    kinds = [LitigationDocumentKind.JUDGEMENT]
    if case.outcome not in (LitigationOutcome.WITHDRAWN, LitigationOutcome.MEDIATED):
        kinds.append(LitigationDocumentKind.RULING)
    decision = case.documents.filter(kind__in=kinds).order_by("-received_on", "-pk").first()
    if decision is None:
        return None
    return due_for_rule(APPEAL_RULES[decision.kind], decision.received_on)


def register_case(actor, *, org, parties: list[PartyData], copy_title: str = "", **fields) -> Case:
    """Register a case on receipt of the copy of the complaint or application; the copy is recorded as
    the case's first document and starts the reply period."""
    case = Case(org=org, **fields)
    case.status = RECEIVED
    if not case.copy_received_on:
        raise FazhiError("请填写收到起诉状（申请书）副本的日期。", fields={"copy_received_on": "必填"})
    _check_not_future(case.copy_received_on, "copy_received_on", "收到副本日期")
    if not parties:
        raise FazhiError("请至少填写一名对方当事人。", fields={"parties": "请至少填写一名当事人"})
    case.refresh_deadlines()
    with transaction.atomic():
        ledger.create(actor, case, year=case.copy_received_on.year)
        save_parties(case, parties)
        CaseDocument.objects.create(
            case=case,
            kind=COPY_DOCUMENT[case.kind],
            title=copy_title,
            received_on=case.copy_received_on,
            recorded_by=actor,
        )
        record(
            Action.UPDATE,
            actor=actor,
            target=case,
            changes={"当事人": [None, ledger.parties_text(case.parties.all())]},
        )
    return case


CASE_EDITABLE = (
    "court",
    "external_number",
    "cause",
    "disputed_act",
    "own_role",
    "copy_received_on",
)


def update_case(actor, case: Case, expected_version: int, **fields) -> Case:
    ledger.require_editable(fields, CASE_EDITABLE)

    def apply(fresh):
        for name, value in fields.items():
            setattr(fresh, name, value)
        if "copy_received_on" in fields:
            _check_not_future(fresh.copy_received_on, "copy_received_on", "收到副本日期")
            copy = fresh.documents.filter(kind=COPY_DOCUMENT[fresh.kind]).order_by("pk").first()
            if copy:
                copy.received_on = fresh.copy_received_on
                copy.save(update_fields=["received_on"])
        fresh.refresh_deadlines()

    return ledger.update(actor, case, expected_version, apply)


def record_reply(actor, case: Case, expected_version: int, *, replied_on: datetime.date) -> Case:
    """答辩状/答复书 submitted: the reply period is no longer watched; whether it was met stays visible."""

    def apply(fresh):
        if replied_on < fresh.copy_received_on:
            raise FazhiError(
                "答辩（答复）日期不能早于收到副本日期。", fields={"replied_on": "不能早于收到副本日期"}
            )
        _check_not_future(replied_on, "replied_on", "答辩（答复）日期")
        fresh.replied_on = replied_on
        fresh.due_date = None

    return ledger.transition(actor, case, expected_version, ANSWERED, apply)


def add_document(
    actor, case: Case, expected_version: int, *, kind: str, received_on: datetime.date, title="", upload=None
) -> Case:
    """A document received (判决书, 协助执行通知书 …), with its scan if there is one."""

    def apply(fresh):
        if received_on < fresh.copy_received_on and kind != COPY_DOCUMENT[fresh.kind]:
            raise FazhiError(
                "文书收到日期不能早于收到副本日期。", fields={"received_on": "不能早于收到副本日期"}
            )
        _check_not_future(received_on, "received_on", "文书收到日期")
        document = CaseDocument(
            case=fresh, kind=kind, title=title, received_on=received_on, recorded_by=actor
        )
        try:
            document.full_clean(exclude=["case", "attachment"])
        except ValidationError as exc:
            raise FazhiError("文书信息有误：" + _problems(exc)) from exc
        if upload is not None:
            document.attachment = attach(actor, fresh, upload, description=document.get_kind_display())
        ledger.save_part(document)

    return ledger.update(actor, case, expected_version, apply)


def add_hearing(
    actor,
    case: Case,
    expected_version: int,
    *,
    held_on: datetime.date,
    head_appeared: bool,
    appeared_by: str = "",
    note: str = "",
) -> Case:
    """开庭 or 听证, and whether the head of the organ appeared (负责人出庭)."""
    if head_appeared and not appeared_by.strip():
        raise FazhiError(
            "负责人出庭时请填写出庭负责人的姓名和职务。", fields={"appeared_by": "请填写出庭人员"}
        )

    def apply(fresh):
        if fresh.is_closed:
            raise TransitionNotAllowed("该案件已结案，不能再登记庭审。")
        if held_on < fresh.copy_received_on:
            raise FazhiError("开庭日期不能早于收到副本日期。", fields={"held_on": "不能早于收到副本日期"})
        ledger.save_part(
            Hearing(
                case=fresh, held_on=held_on, head_appeared=head_appeared, appeared_by=appeared_by, note=note
            )
        )

    return ledger.update(actor, case, expected_version, apply)


def conclude(
    actor,
    case: Case,
    expected_version: int,
    *,
    outcome: str,
    concluded_on: datetime.date,
    note: str = "",
) -> Case:
    """结案: the judgement, ruling, mediation or decision, or the withdrawal."""
    if not outcome:
        raise FazhiError("请选择结案结果。", fields={"outcome": "请选择结案结果"})

    def apply(fresh):
        if concluded_on < fresh.copy_received_on:
            raise FazhiError(
                "结案日期不能早于收到副本日期。", fields={"concluded_on": "不能早于收到副本日期"}
            )
        _check_not_future(concluded_on, "concluded_on", "结案日期")
        fresh.outcome = outcome
        fresh.concluded_on = concluded_on
        fresh.outcome_note = note
        fresh.due_date = None

    return ledger.transition(actor, case, expected_version, CONCLUDED, apply)


def appeal(
    actor,
    case: Case,
    *,
    stage: str,
    court: str,
    copy_received_on: datetime.date,
    external_number: str = "",
    note: str = "",
) -> Case:
    """上诉/再审: a follow-up case at the next stage, with the same parties and responsible unit.
    The earlier stage stays as it ended; figures count a case's outcome only where no stage follows."""
    ledger.require_write(actor, case.org)
    if stage == CaseStage.FIRST:
        raise FazhiError("请选择二审（上诉）或再审。", fields={"stage": "请选择审级"})
    if not case.is_closed:
        raise TransitionNotAllowed("本审级结案后才能登记上诉或再审。")
    if case.follow_ups.exists():
        raise TransitionNotAllowed("该案件已登记过后续审级，请在后续审级的案件中继续登记。")
    if copy_received_on < case.concluded_on:
        raise FazhiError(
            "收到上诉状（再审申请）日期不能早于本审级结案日期。", fields={"copy_received_on": "日期有误"}
        )
    parties = [PartyData(p.name, p.role, p.id_number, p.phone) for p in case.parties.all()]
    follow_up = register_case(
        actor,
        org=case.org,
        parties=parties,
        kind=case.kind,
        stage=stage,
        previous=case,
        court=court,
        external_number=external_number,
        own_role=case.own_role,
        cause=case.cause,
        disputed_act=case.disputed_act + (f"\n{note}" if note else ""),
        copy_received_on=copy_received_on,
    )
    with transaction.atomic():
        record(Action.UPDATE, actor=actor, target=case, changes={"后续审级": [None, follow_up.number]})
    return follow_up


def record_meeting(
    actor, *, org, held_on: datetime.date, attendees: str, conclusions: str, cases=(), annual_review=False
) -> AnalysisMeeting:
    """涉诉案件分析会; every case discussed must be one the actor may write."""
    ledger.require_write(actor, org)
    for case in cases:
        ledger.require_write(actor, case.org)
    _check_not_future(held_on, "held_on", "会议日期")
    if not conclusions.strip():
        raise FazhiError("请填写会议结论或应诉意见。", fields={"conclusions": "必填"})
    with transaction.atomic():
        meeting = ledger.save_part(
            AnalysisMeeting(
                org=org,
                held_on=held_on,
                attendees=attendees,
                conclusions=conclusions,
                annual_review=annual_review,
                recorded_by=actor,
            )
        )
        meeting.cases.set(cases)
        for case in cases:
            record(Action.UPDATE, actor=actor, target=case, changes={"涉诉案件分析会": [None, str(held_on)]})
        record(
            Action.CREATE,
            actor=actor,
            target=meeting,
            changes={"会议": [None, f"{held_on} {attendees}"], "案件数": [None, len(cases)]},
        )
    return meeting
