"""The only way suggestions and reminders change: every function checks the actor's right, runs in one
transaction and is audited (through fazhi.ledger.services)."""

import datetime

from fazhi.dates import today
from fazhi.errors import FazhiError
from fazhi.ledger import services as ledger

from .models import FOLLOWED, REPLIED, Reminder, Suggestion


def _check_not_future(day: datetime.date, field: str, what: str) -> None:
    if day > today():
        raise FazhiError(f"{what}不能晚于今天，请核对。", fields={field: "不能晚于今天"})


def receive_suggestion(actor, *, org, reply_due: datetime.date | None = None, **fields) -> Suggestion:
    """Register a 检察建议书 (reply due from the rule, or the letter's earlier date) or 司法建议书 (reply due as
    the letter states)."""
    suggestion = Suggestion(org=org, letter_reply_due=reply_due, **fields)
    _check_not_future(suggestion.received_on, "received_on", "收到日期")
    if reply_due and reply_due < suggestion.received_on:
        raise FazhiError("回复期限不能早于收到日期。", fields={"reply_due": "日期有误"})
    suggestion.refresh_deadlines()
    return ledger.create(actor, suggestion, year=suggestion.received_on.year)


SUGGESTION_EDITABLE = ("issuer", "letter_number", "content", "reply_due")


def update_suggestion(actor, suggestion: Suggestion, expected_version: int, **fields) -> Suggestion:
    ledger.require_editable(fields, SUGGESTION_EDITABLE)

    def apply(fresh):
        for name, value in fields.items():
            # The date typed is the letter's; the record's reply date also weighs the rule (refresh_deadlines).
            setattr(fresh, "letter_reply_due" if name == "reply_due" else name, value)
        if fresh.letter_reply_due and fresh.letter_reply_due < fresh.received_on:
            raise FazhiError("回复期限不能早于收到日期。", fields={"reply_due": "日期有误"})
        fresh.refresh_deadlines()

    return ledger.update(actor, suggestion, expected_version, apply)


def reply_suggestion(
    actor, suggestion: Suggestion, expected_version: int, *, replied_on: datetime.date, reply_text: str
) -> Suggestion:
    if not reply_text.strip():
        raise FazhiError("请填写回复（整改）情况。", fields={"reply_text": "必填"})

    def apply(fresh):
        if replied_on < fresh.received_on:
            raise FazhiError("回复日期不能早于收到日期。", fields={"replied_on": "不能早于收到日期"})
        _check_not_future(replied_on, "replied_on", "回复日期")
        fresh.replied_on = replied_on
        fresh.reply_text = reply_text

    return ledger.transition(actor, suggestion, expected_version, REPLIED, apply)


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
