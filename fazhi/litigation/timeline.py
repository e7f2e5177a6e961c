"""The course of a case, for its detail page, on the days things happened (the audit trail is shown folded below, by fazhi.ledger.history)."""

from fazhi.ledger.history import FIRST, LAST, Event, business_timeline

from .models import Case


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
