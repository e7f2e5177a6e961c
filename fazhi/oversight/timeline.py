"""The course of a suggestion received and of a reminder issued, for their detail pages, on the days things
happened (the audit trail is shown folded below, by fazhi.ledger.history)."""

from fazhi.ledger.history import FIRST, LAST, Event, business_timeline

from .models import Reminder, Suggestion


def _on(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def suggestion_timeline(item: Suggestion) -> list[Event]:
    lines = [f"回复期限：{_on(item.reply_due)}（{item.reply_basis}）"] if item.reply_due else []
    events = [
        Event(
            item.received_on,
            "received",
            f"收到{item.get_kind_display()}：{item.issuer}",
            lines=lines,
            order=FIRST,
        )
    ]
    if item.replied_on:
        on_time = "按时" if item.replied_on_time else "逾期"
        events.append(
            Event(item.replied_on, "replied", f"回复，{on_time}", lines=[item.reply_text], order=LAST)
        )
    return business_timeline(events)


def reminder_timeline(item: Reminder) -> list[Event]:
    lines = [f"反馈期限：{_on(item.due_date)}"] if item.due_date else []
    events = [Event(item.issued_on, "issued", f"发出提醒函：{item.to_unit}", lines=lines, order=FIRST)]
    if item.followed_on:
        events.append(Event(item.followed_on, "followed", "整改反馈", lines=[item.follow_up], order=LAST))
    return business_timeline(events)
