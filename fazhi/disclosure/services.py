"""The only way disclosure requests change: every function checks the actor's right, runs in one
transaction and is audited (through fazhi.ledger.services). The reply clock is recomputed from the record
after every step (``DisclosureRequest.refresh_deadlines``): the rules table decides every date."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.dates import cn_date, today
from fazhi.deadlines.rules import get_rule
from fazhi.errors import FazhiError, TransitionNotAllowed
from fazhi.ledger import parties as party_kit
from fazhi.ledger import services as ledger
from fazhi.ledger.parties import save_parties
from fazhi.orgs.models import Organisation

from .jobs import queue_letter_pdf, store_word
from .models import (
    CONSULTING,
    CORRECTION,
    HOLDER_KINDS,
    RECEIVED,
    REPLIED,
    ApplicantRole,
    Channel,
    Consultation,
    DisclosureRequest,
    Outcome,
)


@dataclass
class PartyData(party_kit.PartyData):
    """An applicant (or the applicant's agent), with the address replies are sent to."""

    role: str = ApplicantRole.APPLICANT
    address: str = ""


def _not_after_today(day: datetime.date, field: str, label: str) -> None:
    if day > today():
        raise FazhiError(f"{label}不能晚于今天，请核对。", fields={field: "不能晚于今天"})


def _not_before(day: datetime.date, earliest: datetime.date, field: str, label: str, what: str) -> None:
    if day < earliest:
        raise FazhiError(
            f"{label}{cn_date(day)}早于{what}{cn_date(earliest)}，请核对。", fields={field: f"不能早于{what}"}
        )


def check_receipt(channel: str, submitted_on: datetime.date, received_on: datetime.date) -> None:
    """第三十一条: the receipt day follows from the channel; it can never precede the submission."""
    _not_before(received_on, submitted_on, "received_on", "收到申请日期", "申请提交日期")
    if channel == Channel.IN_PERSON and received_on != submitted_on:
        raise FazhiError(
            "当面提交的申请，以提交之日为收到申请之日（条例第三十一条第一项），两个日期应相同。",
            fields={"received_on": "当面提交的，应与提交日期相同"},
        )
    _not_after_today(received_on, "received_on", "收到申请日期")


def register(actor, *, org: Organisation, parties: list[PartyData], **fields) -> DisclosureRequest:
    """Register a request received by ``org``; the reply period runs from the receipt day."""
    if org.kind not in HOLDER_KINDS:
        raise FazhiError(
            f"“{org.name}”不办理政府信息公开申请；请选择街道办事处或其政府信息公开工作机构（党政办）。",
            fields={"org": "请选择街道办事处或党政办"},
        )
    request = DisclosureRequest(org=org, **fields)
    check_receipt(request.channel, request.submitted_on, request.received_on)
    request.refresh_deadlines(consultations=[])
    with transaction.atomic():
        ledger.create(actor, request, year=request.received_on.year)
        if not any(p.role == ApplicantRole.APPLICANT for p in parties):
            raise FazhiError("请至少填写一名申请人。", fields={"parties": "请至少填写一名申请人"})
        save_parties(request, parties)
        record(
            Action.UPDATE,
            actor=actor,
            target=request,
            changes={"申请人": [None, ledger.parties_text(request.parties.all())]},
        )
    return request


EDITABLE = ("channel", "submitted_on", "received_on", "applicant_kind", "content")


def update_details(actor, request: DisclosureRequest, expected_version: int, **fields) -> DisclosureRequest:
    ledger.require_editable(fields, EDITABLE)

    def apply(fresh):
        for name, value in fields.items():
            setattr(fresh, name, value)
        check_receipt(fresh.channel, fresh.submitted_on, fresh.received_on)
        fresh.refresh_deadlines()

    return ledger.update(actor, request, expected_version, apply)


def request_correction(
    actor,
    request: DisclosureRequest,
    expected_version: int,
    *,
    requested_on: datetime.date,
    points: str,
    until: datetime.date | None = None,
) -> DisclosureRequest:
    """告知补正 (第三十条): once, naming every point; the reply clock stops until the correction comes in."""
    if not points.strip():
        raise FazhiError(
            "请写明需要补正的全部事项（一次性告知）。", fields={"points": "请填写需要补正的事项"}
        )

    def apply(fresh):
        if fresh.correction_requested_on:
            raise TransitionNotAllowed(
                f"已于{cn_date(fresh.correction_requested_on)}告知补正；条例第三十条要求一次性告知，不能再次告知补正。"
            )
        if fresh.consultations.filter(answered_on__isnull=True).exists():
            raise TransitionNotAllowed("正在征求意见，请先登记意见结果再告知补正。")
        _not_before(requested_on, fresh.received_on, "requested_on", "告知补正日期", "收到申请日期")
        _not_after_today(requested_on, "requested_on", "告知补正日期")
        if until is not None:
            _not_before(until, requested_on, "until", "补正期限", "告知补正日期")
        fresh.correction_requested_on = requested_on
        fresh.correction_points = points
        fresh.correction_until = until
        fresh.refresh_deadlines()

    return ledger.transition(actor, request, expected_version, CORRECTION, apply)


def correction_warning(request: DisclosureRequest) -> str:
    """A notice later than the 7 工作日 of 第三十条 is still recorded, but said to be late."""
    due = request.correction_notice_due
    if request.correction_requested_on and due and request.correction_requested_on > due:
        rule = get_rule("disclosure.correction_notice")
        return (
            f"告知补正晚于法定期限：应在{rule.trigger}起{rule.period_text}内（{cn_date(due)}前）一次性告知"
            f"（{rule.source}）。"
        )
    return ""


def receive_correction(
    actor, request: DisclosureRequest, expected_version: int, *, received_on: datetime.date
) -> DisclosureRequest:
    """收到补正: the reply period runs anew from this day (第三十条)."""

    def apply(fresh):
        _not_before(received_on, fresh.correction_requested_on, "received_on", "收到补正日期", "告知补正日期")
        _not_after_today(received_on, "received_on", "收到补正日期")
        if received_on == fresh.correction_requested_on and received_on <= fresh.received_on:
            raise FazhiError("收到补正日期应晚于收到申请日期。", fields={"received_on": "应晚于收到申请日期"})
        fresh.correction_received_on = received_on
        fresh.refresh_deadlines()  # the transition has set the status back: the clock runs again

    return ledger.transition(actor, request, expected_version, RECEIVED, apply)


def consult(
    actor,
    request: DisclosureRequest,
    expected_version: int,
    *,
    kind: str,
    addressee: str,
    sent_on: datetime.date,
) -> DisclosureRequest:
    """征求第三方或其他机关意见: its days up to the answer (or the opinion due date) are not counted."""
    if not addressee.strip():
        raise FazhiError("请填写征求意见的对象。", fields={"addressee": "请填写征求意见对象"})

    def apply(fresh):
        if fresh.consultations.filter(answered_on__isnull=True).exists():
            raise TransitionNotAllowed("上一次征求意见尚未登记结果，请先登记意见结果。")
        _not_before(
            sent_on, fresh.correction_received_on or fresh.received_on, "sent_on", "征求意见日期", "起算日"
        )
        _not_after_today(sent_on, "sent_on", "征求意见日期")
        consultation = Consultation(request=fresh, kind=kind, addressee=addressee, sent_on=sent_on)
        try:
            consultation.full_clean(exclude=["request", "opinion_due"])
        except ValidationError as exc:
            raise FazhiError(
                "征求意见信息有误：" + "；".join("；".join(v) for v in exc.message_dict.values()),
                fields={k: "；".join(v) for k, v in exc.message_dict.items()},
            ) from exc
        consultation.refresh_due()
        consultation.save()
        fresh.refresh_deadlines()

    return ledger.transition(actor, request, expected_version, CONSULTING, apply)


def record_opinion(
    actor,
    request: DisclosureRequest,
    expected_version: int,
    *,
    answered_on: datetime.date | None = None,
    opinion: str = "",
) -> DisclosureRequest:
    """登记意见: the clock runs again from the day after the answer; without an answer (逾期未提出意见)
    the pause ends on the opinion due date and the office decides."""

    def apply(fresh):
        consultation = fresh.consultations.filter(answered_on__isnull=True).order_by("pk").last()
        if consultation is None:
            raise TransitionNotAllowed("没有待登记结果的征求意见。")
        if answered_on is not None:
            _not_before(answered_on, consultation.sent_on, "answered_on", "收到意见日期", "征求意见日期")
            _not_after_today(answered_on, "answered_on", "收到意见日期")
            consultation.answered_on = answered_on
        else:
            if consultation.opinion_due and consultation.opinion_due >= today():
                raise FazhiError(
                    f"提出意见的期限到{cn_date(consultation.opinion_due)}才届满；未收到意见的，请期满后再登记。",
                    fields={"answered_on": "请填写收到意见日期"},
                )
            consultation.answered_on = consultation.opinion_due
        consultation.opinion = opinion or ("" if answered_on else "逾期未提出意见")
        consultation.save()
        fresh.refresh_deadlines()

    return ledger.transition(actor, request, expected_version, RECEIVED, apply)


def extend(
    actor,
    request: DisclosureRequest,
    expected_version: int,
    *,
    days: int,
    approved_by: str,
    approved_on: datetime.date,
    notified_on: datetime.date,
) -> DisclosureRequest:
    """延长答复期限 (第三十三条第二款): once, at most 20 工作日, approved by the head of the disclosure
    office within the period, the applicant told."""
    rule = get_rule("disclosure.reply")
    if not approved_by.strip():
        raise FazhiError("请填写批准延期的负责人。", fields={"approved_by": "请填写批准人"})

    def apply(fresh):
        if fresh.extension_days:
            raise TransitionNotAllowed(
                f"已于{cn_date(fresh.extension_approved_on)}延长{fresh.extension_days}个工作日，不能再次延长。"
            )
        if fresh.status == CORRECTION:
            raise TransitionNotAllowed("待补正期间答复期限停止计算，无需延期。")
        if not 1 <= days <= rule.extension.length:
            raise FazhiError(
                f"延长的期限最长不得超过{rule.extension.length}个工作日（{rule.source}）。",
                fields={"days": f"1至{rule.extension.length}"},
            )
        _not_before(approved_on, fresh.received_on, "approved_on", "批准日期", "收到申请日期")
        _not_after_today(approved_on, "approved_on", "批准日期")
        if fresh.due_date and approved_on > fresh.due_date:
            raise FazhiError(
                f"答复期限已于{cn_date(fresh.due_date)}届满，期满后不能再延长；延期应在答复期限内批准并告知申请人。",
                fields={"approved_on": "已超过答复期限"},
            )
        _not_before(notified_on, approved_on, "notified_on", "告知申请人日期", "批准日期")
        _not_after_today(notified_on, "notified_on", "告知申请人日期")
        fresh.extension_days = days
        fresh.extension_approved_by = approved_by
        fresh.extension_approved_on = approved_on
        fresh.extension_notified_on = notified_on
        fresh.refresh_deadlines()

    return ledger.update(actor, request, expected_version, apply)


def defer(
    actor,
    request: DisclosureRequest,
    expected_version: int,
    *,
    until: datetime.date,
    reason: str,
    notified_on: datetime.date,
) -> DisclosureRequest:
    """第三十五条: for requests excessive in number or frequency whose reasons are reasonable but which
    cannot be answered in time, a reasonable later date set by the office, the applicant told."""
    if not reason.strip():
        raise FazhiError(
            "请写明延迟答复的理由（申请数量、频次明显超过合理范围的情况）。", fields={"reason": "请填写理由"}
        )

    def apply(fresh):
        if fresh.status == CORRECTION:
            raise TransitionNotAllowed("待补正期间答复期限停止计算，无需延迟答复。")
        statutory = fresh.reply_deadline()
        if statutory and until <= statutory.due:
            raise FazhiError(
                f"延迟答复期限应晚于现在的答复期限{cn_date(statutory.due)}。",
                fields={"until": "应晚于现在的答复期限"},
            )
        _not_before(notified_on, fresh.received_on, "notified_on", "告知申请人日期", "收到申请日期")
        _not_after_today(notified_on, "notified_on", "告知申请人日期")
        fresh.deferred_until = until
        fresh.deferral_reason = reason
        fresh.deferral_notified_on = notified_on
        fresh.refresh_deadlines()

    return ledger.update(actor, request, expected_version, apply)


def reply(
    actor,
    request: DisclosureRequest,
    expected_version: int,
    *,
    replied_on: datetime.date,
    outcome: str,
    reply_summary: str = "",
) -> DisclosureRequest:
    """答复: the outcome is one row of table 三 of the yearly report."""
    if outcome not in Outcome.values:
        raise FazhiError("请选择办理结果。", fields={"outcome": "请选择办理结果"})

    def apply(fresh):
        # The checks need the status before the reply, so the move is made here, not by ledger.transition.
        fresh.STATES.check(fresh.status, REPLIED)
        _not_before(replied_on, fresh.received_on, "replied_on", "答复日期", "收到申请日期")
        _not_after_today(replied_on, "replied_on", "答复日期")
        if outcome == Outcome.OTHER_NO_CORRECTION and fresh.status != CORRECTION:
            raise FazhiError(
                "“逾期不补正”只适用于已告知补正、申请人未补正的申请。",
                fields={"outcome": "该申请不在待补正状态"},
            )
        if outcome == Outcome.UNAVAILABLE_UNCLEAR and not fresh.correction_received_on:
            raise FazhiError(
                "“补正后申请内容仍不明确”须先告知补正并收到补正。", fields={"outcome": "该申请没有补正记录"}
            )
        if fresh.status == CORRECTION and outcome != Outcome.OTHER_NO_CORRECTION:
            raise FazhiError(
                "申请在待补正状态：请先登记收到补正；申请人逾期不补正的，选择“逾期不补正”。",
                fields={"outcome": "待补正的申请只能按逾期不补正处理"},
            )
        if fresh.status == CORRECTION and fresh.correction_until and replied_on <= fresh.correction_until:
            raise FazhiError(
                f"补正期限到{cn_date(fresh.correction_until)}才届满，期满后方可按逾期不补正处理。",
                fields={"replied_on": "补正期限尚未届满"},
            )
        fresh.status = REPLIED
        fresh.replied_on = replied_on
        fresh.outcome = outcome
        fresh.reply_summary = reply_summary

    with transaction.atomic():
        saved = ledger.update(actor, request, expected_version, apply, action=Action.TRANSITION)
        # The letter as sent goes into the record's attachments (checked, hashed and audited there), numbered
        # with the record's own number (the kit's one numbering rule, e.g. 五常公〔2026〕0001号).
        store_word(actor, saved)
    # LibreOffice's seconds of work are the worker's: it puts the PDF of that very Word file beside it.
    queue_letter_pdf(actor, saved)
    return saved


def reply_warning(request: DisclosureRequest) -> str:
    if request.late:
        return f"答复日期晚于答复期限{request.due_label()}：已逾期答复。"
    return ""


def link_case(actor, request: DisclosureRequest, expected_version: int, *, case) -> DisclosureRequest:
    """关联复议/诉讼: the 复议 or 行政诉讼 case brought against this reply (table 四 of the yearly report)."""
    Case = DisclosureRequest.cases.field.related_model
    if not Case.objects.visible_to(actor).filter(pk=case.pk).exists():
        raise FazhiError("没有找到该案件，或您无权查看。", fields={"case": "请选择本单位的案件"})
    if case.kind not in ("reconsideration", "administrative"):
        raise FazhiError("只能关联行政复议或行政诉讼案件。", fields={"case": "请选择行政复议或行政诉讼案件"})

    def apply(fresh):
        if fresh.cases.filter(pk=case.pk).exists():
            raise FazhiError(f"案件{case.number}已关联。", fields={"case": "已关联"})
        fresh.cases.add(case)
        record(Action.UPDATE, actor=actor, target=fresh, changes={"关联复议诉讼": [None, case.number]})

    return ledger.update(actor, request, expected_version, apply)
