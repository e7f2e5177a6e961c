"""The only way learning, 普法 and legal-service records change: each function checks the actor's right
through the kit's services (fazhi.ledger.services), runs in one transaction and is audited there."""

from django.db import transaction

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.dates import today
from fazhi.errors import FazhiError
from fazhi.ledger import services as ledger

from .models import (
    SERVICE_UNIT_KINDS,
    ActKind,
    AdviserAssignment,
    ExamRound,
    LeadershipAct,
    LegalLiterate,
    Material,
    MaterialUnit,
    ModelCommunity,
    PufaEvent,
    ServiceRecord,
    StudySession,
)

SESSION_FIELDS = (
    "held_on",
    "kind",
    "title",
    "topics",
    "audience",
    "attendance",
    "speaker",
    "hosted_by_head",
    "note",
)
EVENT_FIELDS = ("held_on", "kind", "title", "place", "audience", "people_reached", "consultations",
                "media_reports", "outlets", "note")  # fmt: skip
SERVICE_FIELDS = ("served_on", "kind", "count", "client_kind", "lawyer", "summary")
ACT_FIELDS = ("held_on", "kind", "leader", "title", "topics", "planned_sessions", "dispute_number",
              "petition_number", "note")  # fmt: skip


def _not_future(day, field: str) -> None:
    if day and day > today():
        raise FazhiError(
            "活动日期不能晚于今天；尚未开展的活动请在开展后登记。", fields={field: "不能晚于今天"}
        )


def _only(fields: dict, allowed) -> None:
    ledger.require_editable(fields, allowed)


def _create(actor, instance, day, day_field: str, prepare=None):
    _not_future(day, day_field)
    if prepare:
        prepare(instance)
    return ledger.create(actor, instance)


def _update(actor, instance, expected_version: int, fields: dict, allowed, day_field: str, prepare=None):
    _only(fields, allowed)

    def apply(fresh):
        for name, value in fields.items():
            setattr(fresh, name, value)
        _not_future(getattr(fresh, day_field), day_field)
        if prepare:
            prepare(fresh)

    return ledger.update(actor, instance, expected_version, apply)


# --- study and training ------------------------------------------------------------------------------


def _count_topics(session: StudySession) -> None:
    session.topic_count = max(len(session.topic_list()), 1)


def record_session(actor, *, org, **fields) -> StudySession:
    """登记学法或培训: the topics are counted (one a line; the theme alone counts as one)."""
    _only(fields, SESSION_FIELDS)
    session = StudySession(org=org, **fields)
    return _create(actor, session, session.held_on, "held_on", _count_topics)


def update_session(actor, session, expected_version: int, **fields) -> StudySession:
    return _update(actor, session, expected_version, fields, SESSION_FIELDS, "held_on", _count_topics)


# --- 普法 events and their materials ---------------------------------------------------------------------


def record_event(actor, *, org, **fields) -> PufaEvent:
    _only(fields, EVENT_FIELDS)
    event = PufaEvent(org=org, **fields)
    return _create(actor, event, event.held_on, "held_on")


def update_event(actor, event, expected_version: int, **fields) -> PufaEvent:
    return _update(actor, event, expected_version, fields, EVENT_FIELDS, "held_on")


def add_material(actor, event, expected_version: int, *, kind: str, unit: str, quantity: int) -> PufaEvent:
    """A line of materials handed out (kind, unit, quantity); lines in different units are never added up."""
    if unit not in MaterialUnit.values:
        raise FazhiError("请选择资料的单位（份、只、本、张）。", fields={"unit": "请选择单位"})
    if not quantity or quantity < 1:
        raise FazhiError("发放数量至少为1。", fields={"quantity": "至少为1"})
    with transaction.atomic():

        def apply(fresh):
            material = Material(event=fresh, kind=kind, unit=unit, quantity=quantity)
            material.full_clean(exclude=["event"])
            material.save()
            apply.material = material

        saved = ledger.update(actor, event, expected_version, apply)
        record(Action.UPDATE, actor=actor, target=saved, changes={"宣传资料": [None, str(apply.material)]})
    return saved


# --- public legal services ---------------------------------------------------------------------------------


def _service_unit(service: ServiceRecord) -> None:
    if service.org.kind not in SERVICE_UNIT_KINDS:
        raise FazhiError(
            f"“{service.org}”不是公共法律服务驿站或法律顾问室；法律服务记录请登记在提供服务的驿站或法律顾问室名下。",
            fields={"org": "请选择驿站或法律顾问室"},
        )


def record_service(actor, *, org, **fields) -> ServiceRecord:
    """登记法律服务: one kind, a count (人次, 家, 场, 篇) and the day (or the last day of a tallied period)."""
    _only(fields, SERVICE_FIELDS)
    service = ServiceRecord(org=org, **fields)
    return _create(actor, service, service.served_on, "served_on", _service_unit)


def update_service(actor, service, expected_version: int, **fields) -> ServiceRecord:
    return _update(actor, service, expected_version, fields, SERVICE_FIELDS, "served_on", _service_unit)


# --- the principal leaders' acts --------------------------------------------------------------------------


def _linked(actor, model, number: str, field: str, what: str):
    """The dispute or petition a leader took on (包案), found by its number among those the person may see."""
    number = (number or "").strip()
    if not number:
        return None
    found = model.objects.visible_to(actor).filter(number=number).first()
    if found is None:
        raise FazhiError(
            f"没有找到编号为“{number}”的{what}，或您无权查看；请核对{what}编号。",
            fields={field: f"没有这个{what}"},
        )
    return found


def _act_fields(actor, fields: dict) -> dict:
    from fazhi.disputes.models import Dispute
    from fazhi.petitions.models import Petition

    fields = dict(fields)
    if "dispute_number" in fields:
        fields["dispute"] = _linked(actor, Dispute, fields.pop("dispute_number"), "dispute_number", "纠纷")
    if "petition_number" in fields:
        fields["petition"] = _linked(
            actor, Petition, fields.pop("petition_number"), "petition_number", "信访事项"
        )
    return fields


def _check_act(act: LeadershipAct) -> None:
    if act.kind == ActKind.STUDY_PLAN and not act.planned_sessions:
        raise FazhiError(
            "学法计划须填写计划开展会前学法的次数。", fields={"planned_sessions": "请填写计划次数"}
        )
    if act.kind != ActKind.STUDY_PLAN:
        act.planned_sessions = None
    if act.kind != ActKind.CASE_CONTACT:
        act.dispute = act.petition = None


def record_act(actor, *, org, **fields) -> LeadershipAct:
    """登记第一责任人履职: 专题研究法治建设, 学法计划, 述法, 包案化解 (with the dispute's or petition's number)."""
    _only(fields, ACT_FIELDS)
    act = LeadershipAct(org=org, **_act_fields(actor, fields))
    return _create(actor, act, act.held_on, "held_on", _check_act)


def update_act(actor, act, expected_version: int, **fields) -> LeadershipAct:
    _only(fields, ACT_FIELDS)
    fields = _act_fields(actor, fields)
    allowed = (*ACT_FIELDS, "dispute", "petition")
    return _update(actor, act, expected_version, fields, allowed, "held_on", _check_act)


# --- the 法律明白人 roster and the officials' law exams --------------------------------------------------

LITERATE_FIELDS = ("name", "appointed_on", "occupation", "trainings_attended", "left_on", "note")
EXAM_FIELDS = ("held_on", "title", "enrolled", "sat", "passed", "excellent", "note")


def _check_literate(literate: LegalLiterate) -> None:
    if literate.org.kind != "community":
        raise FazhiError("法律明白人请登记在所在社区名下。", fields={"org": "请选择社区"})
    if literate.left_on and literate.left_on < literate.appointed_on:
        raise FazhiError("退出日期不能早于聘任日期。", fields={"left_on": "不能早于聘任日期"})


def appoint_literate(actor, *, org, **fields) -> LegalLiterate:
    """聘任法律明白人 of a community."""
    _only(fields, LITERATE_FIELDS)
    literate = LegalLiterate(org=org, **fields)
    return _create(actor, literate, literate.appointed_on, "appointed_on", _check_literate)


def update_literate(actor, literate, expected_version: int, **fields) -> LegalLiterate:
    return _update(
        actor, literate, expected_version, fields, LITERATE_FIELDS, "appointed_on", _check_literate
    )


def _check_exam(exam: ExamRound) -> None:
    problems = {}
    if exam.sat is not None and exam.enrolled is not None and exam.sat > exam.enrolled:
        problems["sat"] = "参考人数不能多于应考人数"
    for name, label in (("passed", "合格"), ("excellent", "优秀")):
        if exam.sat is not None and (getattr(exam, name) or 0) > exam.sat:
            problems[name] = f"{label}人数不能多于参考人数"
    if problems:
        raise FazhiError("；".join(problems.values()) + "，请核对。", fields=problems)


def record_exam(actor, *, org, **fields) -> ExamRound:
    """登记学法考试: enrolled, sat and excellent give 参考率 and 优秀率."""
    _only(fields, EXAM_FIELDS)
    exam = ExamRound(org=org, **fields)
    return _create(actor, exam, exam.held_on, "held_on", _check_exam)


def update_exam(actor, exam, expected_version: int, **fields) -> ExamRound:
    return _update(actor, exam, expected_version, fields, EXAM_FIELDS, "held_on", _check_exam)


# --- 一社区一法律顾问 and 民主法治示范社区 -------------------------------------------------------------------

ADVISER_FIELDS = ("lawyer", "law_firm", "phone", "term_start", "term_end", "rota", "duties_per_month", "note")
HONOUR_FIELDS = ("level", "title", "awarded_on", "awarded_by", "revoked_on", "note")


def _community(record, what: str) -> None:
    if record.org.kind != "community":
        raise FazhiError(
            f"“{record.org}”不是社区；{what}请登记在所在社区名下。", fields={"org": "请选择社区"}
        )


def _check_adviser(adviser: AdviserAssignment) -> None:
    _community(adviser, "社区法律顾问")
    if adviser.term_end and adviser.term_start and adviser.term_end < adviser.term_start:
        raise FazhiError(
            "聘期结束日期不能早于聘期开始日期，请核对。", fields={"term_end": "不能早于聘期开始"}
        )


def assign_adviser(actor, *, org, **fields) -> AdviserAssignment:
    """登记社区法律顾问 (一社区一法律顾问): the lawyer, the firm, the term and the duty rota of a community.
    The term may be agreed ahead of its start; the kit's date rule bounds how far."""
    _only(fields, ADVISER_FIELDS)
    adviser = AdviserAssignment(org=org, **fields)
    _check_adviser(adviser)
    return ledger.create(actor, adviser)


def _revise(actor, record, expected_version: int, fields: dict, allowed, check):
    """An edit of a register whose dates are not activity days (a term, a 命名): the kit's date rule only."""
    _only(fields, allowed)

    def apply(fresh):
        for name, value in fields.items():
            setattr(fresh, name, value)
        check(fresh)

    return ledger.update(actor, record, expected_version, apply)


def update_adviser(actor, adviser, expected_version: int, **fields) -> AdviserAssignment:
    return _revise(actor, adviser, expected_version, fields, ADVISER_FIELDS, _check_adviser)


def _check_honour(honour: ModelCommunity) -> None:
    _community(honour, "民主法治示范社区")
    if honour.revoked_on and honour.awarded_on and honour.revoked_on < honour.awarded_on:
        raise FazhiError("撤销命名日期不能早于命名日期，请核对。", fields={"revoked_on": "不能早于命名日期"})


def record_honour(actor, *, org, **fields) -> ModelCommunity:
    """登记民主法治示范村（社区）命名: level, title, the day and the awarding body."""
    _only(fields, HONOUR_FIELDS)
    honour = ModelCommunity(org=org, **fields)
    _check_honour(honour)
    return ledger.create(actor, honour)  # the kit's date rule: no 命名 after today


def update_honour(actor, honour, expected_version: int, **fields) -> ModelCommunity:
    return _revise(actor, honour, expected_version, fields, HONOUR_FIELDS, _check_honour)
