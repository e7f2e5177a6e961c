"""The course of one dispute for its detail page: 受理, 分派, 调解, 办结, 司法确认, 回访 — on the days they
happened (the audit trail is shown folded below, by fazhi.ledger.history)."""

from django.utils import timezone

from fazhi.ledger.history import FIRST, LAST, Event, business_timeline

from .models import Dispute


def timeline(dispute: Dispute) -> list[Event]:
    # 受理 and 办结 come from the record itself, so imported records without audit history have them too.
    events = [Event(dispute.received_on, "received", f"受理：{dispute.received_by}", order=FIRST)]
    for d in dispute.dispatches.select_related("from_org", "to_org", "by"):
        events.append(
            Event(
                timezone.localtime(d.at).date(),
                "dispatch",
                f"{'退回' if d.returned else '分派'}：{d.from_org} → {d.to_org}",
                str(d.by or ""),
                [d.note],
                order=FIRST + 1,
                at=d.at,
            )
        )
    for s in dispute.sessions.select_related("recorded_by"):
        lines = [f"地点：{s.place}", f"调解员：{s.mediators}", s.notes]
        if s.participants:
            lines.insert(2, f"参加人员：{s.participants}")
        events.append(Event(s.held_on, "session", "调解", str(s.recorded_by or ""), lines))
    if dispute.concluded_on:
        events.append(
            Event(dispute.concluded_on, "concluded", f"办结：{dispute.status_label}", order=LAST - 1)
        )
    if dispute.confirmation_applied_on:
        result = dispute.get_confirmation_result_display() or "待法院确认"
        title = f"申请司法确认：{dispute.confirmation_court}（{result}）"
        events.append(Event(dispute.confirmation_applied_on, "confirmation", title, order=LAST))
    if dispute.visited_on:
        title = f"回访：{dispute.get_satisfaction_display()}"
        events.append(Event(dispute.visited_on, "visit", title, lines=[dispute.visit_note], order=LAST))
    return business_timeline(events)
