"""The course of a suggestion received and of a reminder issued, for their detail pages, on the days things
happened (the audit trail is shown folded below, by fazhi.ledger.history)."""

from fazhi.dates import cn_date
from fazhi.ledger.history import FIRST, LAST, Event, business_timeline
from fazhi.ledger.personal import mask

from .models import Reminder, Suggestion


def suggestion_timeline(item: Suggestion) -> list[Event]:
    lines = [f"回复期限：{cn_date(item.reply_due)}（{item.reply_basis}）"] if item.reply_due else []
    events = [
        Event(
            item.received_on,
            "received",
            f"收到{item.get_kind_display()}：{item.issuer}",
            lines=lines,
            order=FIRST,
        )
    ]
    for handler in item.handlers.select_related("unit"):
        role = "牵头" if handler.lead else "协办"
        events.append(
            Event(handler.assigned_on, "assigned", f"分办{role}单位：{handler.unit}", lines=[handler.part])
        )
    for contact in item.contacts.all():
        events.append(Event(contact.on, "contact", contact.get_mode_display(), lines=[contact.note]))
    if item.drafted_on:
        events.append(Event(item.drafted_on, "drafted", "起草答复"))
    if item.approved_on:
        events.append(Event(item.approved_on, "approved", f"答复经{item.approved_by}审核"))
    if item.replied_on:
        on_time = "按时" if item.replied_on_time else "逾期"
        events.append(
            Event(item.replied_on, "replied", f"回复，{on_time}", lines=[item.reply_text], order=LAST)
        )
    if item.satisfaction_on and item.satisfaction:
        events.append(
            Event(item.satisfaction_on, "satisfaction", f"满意度：{item.get_satisfaction_display()}")
        )
    for measure in item.measures.all():
        if measure.done_on:
            events.append(
                Event(measure.done_on, "measure", f"整改完成：{measure.action}", lines=[measure.note])
            )
    if item.closed_on:
        events.append(Event(item.closed_on, "closed", "办结", order=LAST))
    return business_timeline(events)


def reminder_timeline(item: Reminder) -> list[Event]:
    lines = [f"反馈期限：{cn_date(item.due_date)}"] if item.due_date else []
    events = [Event(item.issued_on, "issued", f"发出提醒函：{item.to_unit}", lines=lines, order=FIRST)]
    if item.followed_on:
        events.append(Event(item.followed_on, "followed", "整改反馈", lines=[item.follow_up], order=LAST))
    return business_timeline(events)


def item_parts(item: Suggestion) -> dict:
    """The item's rows shown on its page: handling units, contacts, measures; the proposer's phone masked."""
    return {
        "handlers": item.handlers.select_related("unit"),
        "contacts": item.contacts.all(),
        "measures": item.measures.all(),
        "proposer_phone": mask("phone", item.proposer_phone) if item.proposer_phone else "",
    }
