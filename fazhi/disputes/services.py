"""The only way disputes change: every function checks the actor's right, runs in one transaction
and is audited (through fazhi.ledger.services)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from fazhi.audit.models import Action
from fazhi.audit.services import record
from fazhi.dates import cn_date, today
from fazhi.deadlines.rules import get_rule
from fazhi.errors import FazhiError, TransitionNotAllowed
from fazhi.ledger import parties as party_kit
from fazhi.ledger import services as ledger
from fazhi.ledger.parties import save_parties
from fazhi.orgs.models import Organisation

from .models import (
    CONFIRMATION_RULE,
    DISPATCHED,
    FAILED,
    MEDIATING,
    RECEIVED,
    SUCCESS,
    WITHDRAWN,
    Dispatch,
    Dispute,
    DisputeSettings,
    PartyKind,
    PartyRole,
    Session,
    confirmation_due,
)


@dataclass
class PartyData(party_kit.PartyData):
    """A dispute's party: also whether a person or an organisation, and the address."""

    role: str = PartyRole.APPLICANT
    kind: str = PartyKind.PERSON
    address: str = ""


def is_group(persons: int, threshold: int | None = None) -> bool:
    if threshold is None:
        threshold = DisputeSettings.current().group_threshold
    return persons >= threshold


def _fill_derived(dispute: Dispute, threshold: int | None = None) -> None:
    dispute.is_group = is_group(dispute.persons_involved or 0, threshold)
    dispute.refresh_deadlines()


def intake(actor, *, org: Organisation, parties: list[PartyData], assisting_units=(), **fields) -> Dispute:
    """Register a dispute received by ``org`` (the unit that handles it until it is dispatched)."""
    dispute = Dispute(org=org, received_by=org, **fields)
    _fill_derived(dispute)
    with transaction.atomic():
        ledger.create(actor, dispute, year=dispute.received_on.year)
        if not any(p.role == PartyRole.APPLICANT for p in parties):
            raise FazhiError("请至少填写一名申请人。", fields={"parties": "请至少填写一名申请人"})
        save_parties(dispute, parties)
        if assisting_units:
            dispute.assisting_units.set(assisting_units)
        record(
            Action.UPDATE,
            actor=actor,
            target=dispute,
            changes={"当事人": [None, ledger.parties_text(dispute.parties.all())]}
            | (
                {"参与化解单位": [None, "、".join(str(o) for o in assisting_units)]}
                if assisting_units
                else {}
            ),
        )
    return dispute


EDITABLE = (
    "channel",
    "external_number",
    "received_on",
    "dispute_type",
    "summary",
    "handler",
    "persons_involved",
    "amount_involved",
)


def update_details(actor, dispute: Dispute, expected_version: int, **fields) -> Dispute:
    ledger.require_editable(fields, EDITABLE)

    def apply(fresh):
        for name, value in fields.items():
            setattr(fresh, name, value)
        _fill_derived(fresh)

    return ledger.update(actor, dispute, expected_version, apply)


def dispatch(actor, dispute: Dispute, expected_version: int, to_org: Organisation, note: str = "") -> Dispute:
    """分派/委派 to ``to_org``: the record moves there; the actor needs the right to write both units."""
    ledger.require_write(actor, to_org)

    def apply(fresh):
        if fresh.org_id == to_org.pk:
            raise FazhiError(
                f"该纠纷已由“{to_org}”承办，请选择其他单位。", fields={"to_org": "请选择其他单位"}
            )
        Dispatch.objects.create(
            dispute=fresh, from_org=fresh.org, to_org=to_org, by=actor, at=timezone.now(), note=note
        )
        fresh.org = to_org

    return ledger.transition(actor, dispute, expected_version, DISPATCHED, apply)


def accept(actor, dispute: Dispute, expected_version: int) -> Dispute:
    """接收: the unit a dispute was dispatched to takes it up; it is then 调解中 there."""
    return ledger.transition(actor, dispute, expected_version, MEDIATING)


def return_dispatch(actor, dispute: Dispute, expected_version: int, reason: str) -> Dispute:
    """退回: the receiving unit hands a dispatched dispute back to the unit that dispatched it, with the
    reason. The actor needs the right to write the dispute's (current) unit only: a return goes back to
    whoever sent it, which the receiving unit usually cannot write."""

    def apply(fresh):
        last = fresh.dispatches.order_by("-at", "-pk").first()
        if last is None or last.to_org_id != fresh.org_id:
            raise TransitionNotAllowed("该纠纷不是分派来的，无处退回；如不属本单位办理，请用“分派/委派”。")
        reason_text = (reason or "").strip()
        if not reason_text:
            raise FazhiError("请填写退回理由。", fields={"reason": "请填写退回理由"})
        Dispatch.objects.create(
            dispute=fresh,
            from_org=fresh.org,
            to_org=last.from_org,
            by=actor,
            at=timezone.now(),
            note=f"退回：{reason_text}"[:300],
            returned=True,
        )
        fresh.org = last.from_org

    return ledger.transition(actor, dispute, expected_version, DISPATCHED, apply, hands_back=True)


def add_session(actor, dispute: Dispute, expected_version: int, **fields) -> Dispute:
    """Record a mediation session; the first one starts the mediation (调解中)."""

    def apply(fresh):
        session = Session(dispute=fresh, recorded_by=actor, **fields)
        try:
            session.full_clean(exclude=["dispute"])
        except ValidationError as exc:
            raise FazhiError(
                "调解记录有误：" + "；".join("；".join(v) for v in exc.message_dict.values()),
                fields={k: "；".join(v) for k, v in exc.message_dict.items()},
            ) from exc
        if session.held_on < fresh.received_on:
            raise FazhiError("调解日期不能早于受理日期，请核对。", fields={"held_on": "不能早于受理日期"})
        ledger.save_part(session)

    if dispute.status in (RECEIVED, DISPATCHED):
        return ledger.transition(actor, dispute, expected_version, MEDIATING, apply)
    if dispute.is_closed:
        raise TransitionNotAllowed(f"该纠纷已{dispute.status_label}，不能再添加调解记录。")
    return ledger.update(actor, dispute, expected_version, apply)


def _check_concluded_on(fresh: Dispute, concluded_on: datetime.date) -> None:
    if concluded_on < fresh.received_on:
        raise FazhiError("办结日期不能早于受理日期，请核对。", fields={"concluded_on": "不能早于受理日期"})
    if concluded_on > today():
        raise FazhiError("办结日期不能晚于今天，请核对。", fields={"concluded_on": "不能晚于今天"})


def conclude_success(
    actor,
    dispute: Dispute,
    expected_version: int,
    *,
    concluded_on: datetime.date,
    agreement_text: str,
    amount_agreed: Decimal | None = None,
    amount_recovered: Decimal | None = None,
    performance_due: datetime.date | None = None,
    performance_method: str = "",
) -> Dispute:
    """调解成功: the agreement; the window for 司法确认 starts on the agreement day."""
    if not agreement_text.strip():
        raise FazhiError("调解成功须填写协议内容。", fields={"agreement_text": "请填写协议内容"})

    def apply(fresh):
        _check_concluded_on(fresh, concluded_on)
        fresh.concluded_on = concluded_on
        fresh.agreement_text = agreement_text
        fresh.amount_agreed = amount_agreed
        fresh.amount_recovered = amount_recovered
        fresh.performance_due = performance_due
        fresh.performance_method = performance_method
        fresh.confirmation_due = confirmation_due(concluded_on)

    return ledger.transition(actor, dispute, expected_version, SUCCESS, apply)


def conclude_failure(
    actor,
    dispute: Dispute,
    expected_version: int,
    *,
    concluded_on: datetime.date,
    referred_to: str,
    reason: str = "",
) -> Dispute:
    """调解不成: the parties are referred to 诉讼, 仲裁, 行政 or 信访."""
    if not referred_to:
        raise FazhiError("调解不成须选择引导去向。", fields={"referred_to": "请选择引导去向"})

    def apply(fresh):
        _check_concluded_on(fresh, concluded_on)
        fresh.concluded_on = concluded_on
        fresh.referred_to = referred_to
        fresh.close_reason = reason

    return ledger.transition(actor, dispute, expected_version, FAILED, apply)


SUCCESS_FIELDS = (
    "concluded_on",
    "agreement_text",
    "amount_agreed",
    "amount_recovered",
    "performance_due",
    "performance_method",
)
FAILURE_FIELDS = ("concluded_on", "referred_to", "reason")


def conclude(actor, dispute: Dispute, expected_version: int, *, outcome: str, **fields) -> Dispute:
    """办结 with the outcome the person chose: ``success`` (an agreement) or ``failure`` (referred on).
    Fields of the other outcome, which one form and one API body both carry, are ignored."""
    if outcome == "success":
        chosen = {k: fields[k] for k in SUCCESS_FIELDS if k in fields}
        return conclude_success(actor, dispute, expected_version, **chosen)
    if outcome == "failure":
        chosen = {k: fields[k] for k in FAILURE_FIELDS if k in fields}
        return conclude_failure(actor, dispute, expected_version, **chosen)
    raise FazhiError("请选择调解结果：调解成功或调解不成。", fields={"outcome": "请选择调解结果"})


def withdraw(
    actor, dispute: Dispute, expected_version: int, *, concluded_on: datetime.date, reason: str
) -> Dispute:
    if not reason.strip():
        raise FazhiError("请填写撤回原因。", fields={"reason": "请填写撤回原因"})

    def apply(fresh):
        _check_concluded_on(fresh, concluded_on)
        fresh.concluded_on = concluded_on
        fresh.close_reason = reason

    return ledger.transition(actor, dispute, expected_version, WITHDRAWN, apply)


def record_confirmation(
    actor, dispute: Dispute, expected_version: int, *, applied_on: datetime.date, court: str, result: str
) -> Dispute:
    """司法确认: only for an agreement, applied for within the statutory window from the agreement."""

    def apply(fresh):
        if fresh.status != SUCCESS:
            raise TransitionNotAllowed("只有调解成功的纠纷才能申请司法确认。")
        if applied_on < fresh.concluded_on:
            raise FazhiError(
                "司法确认申请日期不能早于协议达成日期。", fields={"applied_on": "不能早于协议日期"}
            )
        if fresh.confirmation_due and applied_on > fresh.confirmation_due:
            rule = get_rule(CONFIRMATION_RULE)
            raise FazhiError(
                f"司法确认应在{rule.trigger}起{rule.period_text}内申请（最迟{cn_date(fresh.confirmation_due)}，"
                f"{rule.source}），已超过期限；请核对申请日期。",
                fields={"applied_on": "已超过申请期限"},
            )
        fresh.confirmation_applied_on = applied_on
        fresh.confirmation_court = court
        fresh.confirmation_result = result

    return ledger.update(actor, dispute, expected_version, apply)


def record_visit(
    actor,
    dispute: Dispute,
    expected_version: int,
    *,
    visited_on: datetime.date,
    satisfaction: str,
    note: str = "",
) -> Dispute:
    """回访 after the dispute is closed."""

    def apply(fresh):
        if not fresh.is_closed:
            raise TransitionNotAllowed("纠纷办结后才能登记回访。")
        if visited_on < fresh.concluded_on:
            raise FazhiError("回访日期不能早于办结日期。", fields={"visited_on": "不能早于办结日期"})
        fresh.visited_on = visited_on
        fresh.satisfaction = satisfaction
        fresh.visit_note = note

    return ledger.update(actor, dispute, expected_version, apply)
