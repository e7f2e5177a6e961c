"""The course of a case, a suggestion received and a reminder issued, for their detail pages, on the days
things happened (the audit trail is shown folded below, by fazhi.ledger.history)."""

from fazhi.ledger.history import FIRST, LAST, Event, business_timeline

from .models import Case, Reminder, Suggestion


def _on(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def case_timeline(case: Case) -> list[Event]:
    events = [
        Event(
            case.copy_received_on, "received", f"收到{case.get_kind_display()}副本：{case.court}", order=FIRST
        )
    ]
    for d in case.documents.all():
        if d.received_on != case.copy_received_on or d.title:
            events.append(Event(d.received_on, "document", f"收到{d.get_kind_display()}", lines=[d.title]))
    if case.replied_on:
        on_time = "按期" if case.reply_met else "逾期"
        events.append(Event(case.replied_on, "replied", f"提交答辩状（答复书），{on_time}"))
    for h in case.hearings.all():
        who = "行政机关负责人出庭" if h.head_appeared else ""
        events.append(Event(h.held_on, "hearing", "开庭（听证）", lines=[who, h.appeared_by, h.note]))
    if case.concluded_on:
        lines = [case.outcome_note]
        events.append(
            Event(
                case.concluded_on, "concluded", f"结案：{case.get_outcome_display()}", lines=lines, order=LAST
            )
        )
    return business_timeline(events)


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
