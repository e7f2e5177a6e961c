"""The only way oversight items and reminders change: every function checks the actor's right, runs in one
transaction and is audited (through fazhi.ledger.services)."""

import datetime

from django.core.exceptions import ValidationError

from fazhi.audit.models import Action
from fazhi.dates import cn_date, today
from fazhi.errors import FazhiError, TransitionNotAllowed
from fazhi.ledger import services as ledger

from .models import (
    APPROVED,
    CLOSED,
    DRAFTED,
    FOLLOWED,
    KIND_FIELDS,
    KIND_REQUIRED,
    KIND_SPECIFIC,
    PROPOSALS,
    REPLIED,
    WAITING,
    Contact,
    HandlingUnit,
    Measure,
    MeasureStatus,
    Reminder,
    Satisfaction,
    Suggestion,
)


def _check_not_future(day: datetime.date, field: str, what: str) -> None:
    if day > today():
        raise FazhiError(f"{what}不能晚于今天，请核对。", fields={field: "不能晚于今天"})


def kind_field_problems(item: Suggestion) -> dict[str, str]:
    """Field → what is wrong with the item's own kind's fields: a required one left blank ("必填"), the urgent
    mark without the 公益诉讼 one. The one check of pages, API and Excel import."""
    problems = {
        name: "必填" for name in KIND_REQUIRED.get(item.kind, ()) if getattr(item, name) in ("", None)
    }
    if item.urgent and not item.public_interest:
        # the 15 日 of the urgent case is the 公益诉讼 interpretation's, for its 诉前检察建议 only
        problems["urgent"] = URGENT_ALONE
    return problems


URGENT_ALONE = "仅适用于公益诉讼诉前检察建议"


def _check_kind_fields(item: Suggestion) -> None:
    """The fields of the item's kind: the required ones filled, those of other kinds left blank (a form shows
    only the kind's own; an API client may send others, which are cleared, not kept)."""
    own = set(KIND_FIELDS.get(item.kind, ()))
    for name in KIND_SPECIFIC:
        if name not in own:
            field = Suggestion._meta.get_field(name)
            setattr(item, name, field.get_default())
    problems = kind_field_problems(item)
    if "urgent" in problems:
        raise FazhiError(
            "紧急情形（十五日内书面回复）仅适用于公益诉讼诉前检察建议，请同时勾选“公益诉讼诉前检察建议”。",
            fields={"urgent": problems["urgent"]},
        )
    if problems:
        labels = "、".join(str(Suggestion._meta.get_field(name).verbose_name) for name in problems)
        raise FazhiError(f"{item.get_kind_display()}须填写{labels}。", fields=problems)


def receive_suggestion(actor, *, org, reply_due: datetime.date | None = None, **fields) -> Suggestion:
    """Register an oversight item: a 检察建议书 (reply due from the rule, or the letter's earlier date), a
    司法建议书 (as the letter states), a deputy's suggestion or a proposal (from its 交办 date), a 督办 item, an
    audit project or a 督察 feedback (as the letter states)."""
    suggestion = Suggestion(org=org, letter_reply_due=reply_due, **fields)
    _check_not_future(suggestion.received_on, "received_on", "收到日期")
    if reply_due and reply_due < suggestion.received_on:
        raise FazhiError("回复期限不能早于收到日期。", fields={"reply_due": "日期有误"})
    _check_kind_fields(suggestion)
    suggestion.refresh_deadlines()
    return ledger.create(actor, suggestion, year=suggestion.received_on.year)


SUGGESTION_EDITABLE = ("issuer", "letter_number", "content", "reply_due", *KIND_SPECIFIC)


def update_suggestion(actor, suggestion: Suggestion, expected_version: int, **fields) -> Suggestion:
    ledger.require_editable(fields, SUGGESTION_EDITABLE)

    def apply(fresh):
        for name, value in fields.items():
            # The date typed is the letter's; the record's reply date also weighs the rule (refresh_deadlines).
            setattr(fresh, "letter_reply_due" if name == "reply_due" else name, value)
        if fresh.letter_reply_due and fresh.letter_reply_due < fresh.received_on:
            raise FazhiError("回复期限不能早于收到日期。", fields={"reply_due": "日期有误"})
        _check_kind_fields(fresh)
        fresh.refresh_deadlines()

    return ledger.update(actor, suggestion, expected_version, apply)


def _not_before_receipt(fresh: Suggestion, day: datetime.date, field: str, what: str) -> None:
    if day < fresh.received_on:
        raise FazhiError(f"{what}不能早于收到（交办）日期。", fields={field: "不能早于收到日期"})
    _check_not_future(day, field, what)


def _save_child(child) -> dict:
    """Check and save a handling unit, contact or measure; its changed fields go to the item's audit entry."""
    try:
        child.full_clean(exclude=["item"])
    except ValidationError as exc:
        raise FazhiError(
            "填写有误：" + "；".join("；".join(v) for v in exc.message_dict.values()),
            fields={k: "；".join(v) for k, v in exc.message_dict.items()},
        ) from exc
    return ledger.save_audited_part(child)


def _require_open(fresh: Suggestion, what: str) -> None:
    if fresh.status == CLOSED:
        raise TransitionNotAllowed(f"{fresh.number}已办结，不能再{what}。")


def assign_unit(
    actor, item: Suggestion, expected_version: int, *, unit, lead: bool, part: str, assigned_on: datetime.date
) -> Suggestion:
    """Assign the item to a handling unit: the lead (one) or a co-handling unit, with its part and date."""
    ledger.require_write(actor, unit)

    def apply(fresh):
        _require_open(fresh, "分办")
        _not_before_receipt(fresh, assigned_on, "assigned_on", "分办日期")
        handlers = fresh.handlers.all()
        if any(h.unit_id == unit.pk for h in handlers):
            raise FazhiError(f"已分办给“{unit}”，不能重复分办。", fields={"unit": "已分办"})
        if lead and any(h.lead for h in handlers):
            raise FazhiError("已有牵头单位，其他单位请作为协办单位分办。", fields={"lead": "已有牵头单位"})
        return _save_child(HandlingUnit(item=fresh, unit=unit, lead=lead, part=part, assigned_on=assigned_on))

    return ledger.update(actor, item, expected_version, apply)


def record_contact(
    actor, item: Suggestion, expected_version: int, *, on: datetime.date, mode: str, note: str
):
    """A 面商 or other contact with the deputy, member or assigning body."""

    def apply(fresh):
        _require_open(fresh, "登记沟通")
        _not_before_receipt(fresh, on, "on", "沟通日期")
        return _save_child(Contact(item=fresh, on=on, mode=mode, note=note))

    return ledger.update(actor, item, expected_version, apply)


def draft_reply(actor, item: Suggestion, expected_version: int, *, drafted_on, reply_text: str) -> Suggestion:
    if not reply_text.strip():
        raise FazhiError("请填写答复稿。", fields={"reply_text": "必填"})

    def apply(fresh):
        _not_before_receipt(fresh, drafted_on, "drafted_on", "起草日期")
        fresh.drafted_on, fresh.reply_text = drafted_on, reply_text
        fresh.approved_on, fresh.approved_by = None, ""

    return ledger.transition(actor, item, expected_version, DRAFTED, apply)


def approve_reply(actor, item: Suggestion, expected_version: int, *, approved_on, approved_by: str):
    if not approved_by.strip():
        raise FazhiError("请填写审核人。", fields={"approved_by": "必填"})

    def apply(fresh):
        if approved_on < fresh.drafted_on:
            raise FazhiError("审核日期不能早于起草日期。", fields={"approved_on": "不能早于起草日期"})
        _check_not_future(approved_on, "approved_on", "审核日期")
        fresh.approved_on, fresh.approved_by = approved_on, approved_by

    return ledger.transition(actor, item, expected_version, APPROVED, apply)


def reply_suggestion(
    actor, suggestion: Suggestion, expected_version: int, *, replied_on: datetime.date, reply_text: str
) -> Suggestion:
    """The reply sent: after its draft was approved, or (a 检察建议, a 司法建议 …) straight away."""
    if not reply_text.strip():
        raise FazhiError("请填写回复（整改）情况。", fields={"reply_text": "必填"})

    def apply(fresh):
        if replied_on < fresh.received_on:
            raise FazhiError("回复日期不能早于收到日期。", fields={"replied_on": "不能早于收到日期"})
        _check_not_future(replied_on, "replied_on", "回复日期")
        if fresh.approved_on and replied_on < fresh.approved_on:
            raise FazhiError("回复日期不能早于审核日期。", fields={"replied_on": "不能早于审核日期"})
        fresh.replied_on = replied_on
        fresh.reply_text = reply_text

    return ledger.transition(actor, suggestion, expected_version, REPLIED, apply)


def record_satisfaction(
    actor,
    item: Suggestion,
    expected_version: int,
    *,
    satisfaction: str,
    satisfaction_on: datetime.date,
    second_reply_due: datetime.date | None = None,
) -> Suggestion:
    """The body's view of the reply. 不满意 opens a second round: the item waits again for a reply by the date
    agreed (``second_reply_due``), the first round's reply kept in ``earlier_rounds``."""
    unsatisfied = satisfaction == Satisfaction.UNSATISFIED
    if unsatisfied and not second_reply_due:
        raise FazhiError("不满意的，请填写再次答复的期限。", fields={"second_reply_due": "必填"})

    def apply(fresh):
        if fresh.status != REPLIED:
            raise TransitionNotAllowed(f"{fresh.number}尚未回复，不能登记满意度。")
        if satisfaction_on < fresh.replied_on:
            raise FazhiError("反馈日期不能早于回复日期。", fields={"satisfaction_on": "不能早于回复日期"})
        _check_not_future(satisfaction_on, "satisfaction_on", "反馈日期")
        fresh.satisfaction, fresh.satisfaction_on = satisfaction, satisfaction_on
        if unsatisfied:
            if second_reply_due <= satisfaction_on:
                raise FazhiError("再次答复期限应晚于反馈日期。", fields={"second_reply_due": "日期有误"})
            fresh.STATES.check(fresh.status, WAITING)
            fresh.status = WAITING
            earlier = (
                f"第{fresh.round}轮：{cn_date(fresh.replied_on)}答复，{Satisfaction(satisfaction).label}"
                f"（{cn_date(satisfaction_on)}反馈）。答复：{fresh.reply_text}"
            )
            fresh.earlier_rounds = "\n".join(filter(None, (fresh.earlier_rounds, earlier)))
            fresh.round += 1
            fresh.replied_on, fresh.reply_text, fresh.drafted_on, fresh.approved_on = None, "", None, None
            fresh.approved_by = ""
            fresh.letter_reply_due = second_reply_due
            fresh.refresh_deadlines()

    return ledger.update(
        actor, item, expected_version, apply, action=Action.TRANSITION if unsatisfied else Action.UPDATE
    )


def add_measure(
    actor, item: Suggestion, expected_version: int, *, problem, action, owner, due_on
) -> Suggestion:
    def apply(fresh):
        _require_open(fresh, "添加整改措施")
        if due_on < fresh.received_on:
            raise FazhiError("整改期限不能早于收到日期。", fields={"due_on": "日期有误"})
        return _save_child(Measure(item=fresh, problem=problem, action=action, owner=owner, due_on=due_on))

    return ledger.update(actor, item, expected_version, apply)


def update_measure(
    actor, item: Suggestion, expected_version: int, *, measure, status: str, done_on=None, note: str = ""
) -> Suggestion:
    """A measure done (on a day) or explained (why it cannot be done); or back to 整改中."""
    if status == MeasureStatus.DONE and not done_on:
        raise FazhiError("已完成的，请填写完成日期。", fields={"done_on": "必填"})
    if status == MeasureStatus.EXPLAINED and not note.strip():
        raise FazhiError("不能整改的，请在“完成情况或说明”中写明原因。", fields={"note": "必填"})

    def apply(fresh):
        _require_open(fresh, "修改整改措施")
        row = fresh.measures.filter(pk=getattr(measure, "pk", measure)).first()
        if row is None:
            raise FazhiError("该整改措施不属于本事项，请刷新后重新选择。", fields={"measure": "请重新选择"})
        if done_on:
            _not_before_receipt(fresh, done_on, "done_on", "完成日期")
        row.status, row.note = status, note
        row.done_on = done_on if status == MeasureStatus.DONE else None
        return _save_child(row)

    return ledger.update(actor, item, expected_version, apply)


def close_item(actor, item: Suggestion, expected_version: int, *, closed_on: datetime.date) -> Suggestion:
    """办结: the reply sent (and, for a deputy's suggestion or a proposal, its satisfaction known) and every
    rectification measure done or explained."""

    def apply(fresh):
        pending = fresh.open_measures
        if pending:
            names = "、".join(m.action for m in pending[:3]) + ("等" if len(pending) > 3 else "")
            raise FazhiError(
                f"还有{len(pending)}项整改措施未完成（{names}），请登记完成或说明不能整改的原因后再办结。"
            )
        if fresh.kind in PROPOSALS and not fresh.satisfaction:
            raise FazhiError("请先登记代表（委员）的满意度，再办结。")
        if closed_on < fresh.replied_on:
            raise FazhiError("办结日期不能早于回复日期。", fields={"closed_on": "不能早于回复日期"})
        _check_not_future(closed_on, "closed_on", "办结日期")
        fresh.closed_on = closed_on

    return ledger.transition(actor, item, expected_version, CLOSED, apply)


# --- reminders -----------------------------------------------------------------------------------------


def issue_reminder(actor, *, org, to_unit, issued_on, matter: str, follow_up_due=None) -> Reminder:
    """A 法治督察提醒函 from ``org`` to ``to_unit``; the follow-up date is the letter's, entered by hand."""
    ledger.require_write(actor, to_unit)
    _check_not_future(issued_on, "issued_on", "发出日期")
    if follow_up_due and follow_up_due < issued_on:
        raise FazhiError("反馈期限不能早于发出日期。", fields={"follow_up_due": "日期有误"})
    reminder = Reminder(org=org, to_unit=to_unit, issued_on=issued_on, matter=matter, due_date=follow_up_due)
    return ledger.create(actor, reminder, year=issued_on.year)


def record_follow_up(
    actor, reminder: Reminder, expected_version: int, *, followed_on: datetime.date, follow_up: str
) -> Reminder:
    if not follow_up.strip():
        raise FazhiError("请填写整改反馈情况。", fields={"follow_up": "必填"})

    def apply(fresh):
        if followed_on < fresh.issued_on:
            raise FazhiError("反馈日期不能早于发出日期。", fields={"followed_on": "不能早于发出日期"})
        _check_not_future(followed_on, "followed_on", "反馈日期")
        fresh.followed_on = followed_on
        fresh.follow_up = follow_up

    return ledger.transition(actor, reminder, expected_version, FOLLOWED, apply)
